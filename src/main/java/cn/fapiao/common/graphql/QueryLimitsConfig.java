package cn.fapiao.common.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits that stop an expensive GraphQL document before any field is resolved
 * ({@code fapiao.graphql.*}). Request body size is {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "fapiao.graphql")
public interface QueryLimitsConfig {

    /** Deepest allowed field nesting. */
    @WithDefault("12")
    int maxDepth();

    /** Most fields one operation may select, counting every alias separately. */
    @WithDefault("500")
    int maxComplexity();
}
