package cn.fapiao.common.graphql;

import cn.fapiao.common.ApiException;
import io.smallrye.graphql.cdi.event.ErrorDataFetch;
import io.smallrye.graphql.cdi.event.ErrorInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Logs, with stack trace, every failure of a resolver that is not a deliberate refusal. The
 * client sees only a generic "System error"; this log line is where the detail goes.
 * Refusals ({@link ApiException}) are expected outcomes and are not logged as errors.
 */
@ApplicationScoped
public class UnexpectedErrorLog {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorLog.class);

    void log(@Observes @ErrorDataFetch ErrorInfo error) {
        Throwable failure = error.getT();
        if (!(failure instanceof ApiException)) {
            LOG.errorf(failure, "Unexpected failure in GraphQL operation %s (execution %s)",
                    error.getContext() == null ? "?" : error.getContext().getOperationName().orElse("anonymous"), error.getExecutionId());
        }
    }
}
