package cn.fapiao.common.graphql;

import cn.fapiao.common.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.graphql.api.Context;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Counts every failed resolver by error code ({@code fapiao_graphql_errors_total{code}}) and logs,
 * with stack trace, every failure that is not a deliberate refusal. The client sees only a
 * generic "System error"; this log line is where the detail goes. Refusals
 * ({@link ApiException}) are expected outcomes and are not logged as errors. Called by
 * {@link GraphQLExtensions}.
 */
@ApplicationScoped
@Unremovable // looked up by GraphQLExtensions
public class ResolverFailures {

    private static final Logger LOG = Logger.getLogger(ResolverFailures.class);

    private final MeterRegistry registry;

    public ResolverFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Context context, Throwable failure) {
        String code = failure instanceof ApiException api ? api.code() : "INTERNAL_ERROR";
        registry.counter("fapiao.graphql.errors", "code", code).increment();
        if (!(failure instanceof ApiException)) {
            LOG.errorf(failure, "Unexpected failure in GraphQL operation %s (execution %s)",
                    context == null ? "?" : context.getOperationName().orElse("anonymous"), context == null ? "?" : context.getExecutionId());
        }
    }
}
