package cn.fapiao.common.graphql;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Counts every failed field by error code ({@code fapiao_graphql_errors_total{code}}) and logs,
 * with stack trace, every failure that is not a deliberate refusal. The client sees only a
 * generic "System error" with {@code INTERNAL_ERROR}; this log line is where the detail goes.
 * Refusals ({@link ApiException}) are expected outcomes and are not logged as errors. Called by
 * {@link FieldFailureHandler}.
 */
@ApplicationScoped
@Unremovable // looked up by GraphQLExtensions
public class FieldFailures {

    private static final Logger LOG = Logger.getLogger(FieldFailures.class);

    private final MeterRegistry registry;

    public FieldFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String operationName, String executionId, Throwable failure) {
        String code = failure instanceof ApiException api ? api.code().name() : ErrorCode.INTERNAL_ERROR.name();
        registry.counter("fapiao.graphql.errors", "code", code).increment();
        if (!(failure instanceof ApiException)) {
            LOG.errorf(failure, "Unexpected failure in GraphQL operation %s (execution %s)",
                    operationName == null ? "anonymous" : operationName, executionId);
        }
    }
}
