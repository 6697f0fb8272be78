package cn.fapiao.common.graphql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Our GraphQL settings ({@code fapiao.graphql.*}): limits that stop an expensive document before
 * any field is resolved, and whether introspection is allowed. Request body size is
 * {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "fapiao.graphql")
public interface GraphQLConfig {

    /** Deepest allowed field nesting. */
    @WithDefault("12")
    int maxDepth();

    /** Most fields one operation may select, counting every alias separately. */
    @WithDefault("500")
    int maxComplexity();

    /** Whether clients may read the schema through {@code __schema} / {@code __type}. */
    @WithDefault("true")
    boolean introspection();
}
