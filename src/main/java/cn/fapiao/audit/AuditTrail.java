package cn.fapiao.audit;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * Writes the append-only audit log: every login and every mutation, with who, organisation,
 * operation, target, outcome, client address and time. It is written on its own connection
 * after the operation has finished, so refusals and failures (whose transactions rolled back)
 * are recorded too. Never give it passwords, tokens or other secrets as target.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final String INSERT = """
            insert into audit_log (organisation_id, user_id, username, operation, target, outcome, error_code, client_address)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";

    private final Pool pool;

    public AuditTrail(Pool pool) {
        this.pool = pool;
    }

    /** How an audited operation ended: stored in {@code audit_log.outcome} and shown as {@code AuditEntry.outcome}. */
    @Name("AuditOutcome")
    @Description("How an audited login or mutation ended.")
    public enum Outcome {
        @Description("It did what was asked.")
        SUCCESS,
        @Description("It was refused for its input or state (the entry's `errorCode` says why), or failed.")
        FAILURE,
        @Description("The caller was not allowed to do it (UNAUTHENTICATED or FORBIDDEN).")
        DENIED
    }

    public Uni<Void> record(Caller caller, String operation, String target, Outcome outcome, String errorCode, String clientAddress) {
        Tuple values = Tuple.tuple()
                .addLong(caller.organisationId())
                .addLong(caller.userId())
                .addString(caller.username())
                .addString(operation)
                .addString(target == null || target.length() <= 200 ? target : target.substring(0, 200))
                .addString(outcome.name())
                .addString(errorCode)
                .addString(clientAddress);
        return pool.preparedQuery(INSERT).execute(values)
                .replaceWithVoid()
                // The operation itself has already completed: losing an audit row is logged loudly,
                // but does not turn a committed change into an error for the client.
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf(e, "Could not write audit log entry for %s by %s", operation, caller.username());
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Runs the operation and records its outcome; the outcome (item or failure) passes through
     * unchanged. The action is a supplier so that refusals thrown while building it are recorded too.
     */
    public <T> Uni<T> track(Caller caller, String operation, String target, String clientAddress, Supplier<Uni<T>> action) {
        return Uni.createFrom().<T>deferred(action::get).onItemOrFailure().call((item, failure) -> recordOutcome(caller, operation, target, failure, clientAddress));
    }

    /** Records a finished operation: SUCCESS without failure, DENIED for refusals of identity, else FAILURE. */
    public Uni<Void> recordOutcome(Caller caller, String operation, String target, Throwable failure, String clientAddress) {
        if (failure == null) {
            return record(caller, operation, target, Outcome.SUCCESS, null, clientAddress);
        }
        ErrorCode code = failure instanceof ApiException api ? api.code() : ErrorCode.INTERNAL_ERROR;
        boolean denied = code == ErrorCode.FORBIDDEN || code == ErrorCode.UNAUTHENTICATED || code == ErrorCode.RATE_LIMITED;
        return record(caller, operation, target, denied ? Outcome.DENIED : Outcome.FAILURE, code.name(), clientAddress);
    }
}
