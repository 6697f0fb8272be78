package cn.fapiao.ratelimit;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fixed-window rate limits kept in PostgreSQL, so that every replica counts against the same
 * budget. One upsert per check; old windows are swept now and then by the checks themselves.
 */
@ApplicationScoped
public class RateLimiter {

    private static final String HIT = """
            insert into rate_limit_window (bucket, window_start, hits) values ($1, $2, $3)
            on conflict (bucket, window_start) do update set hits = rate_limit_window.hits + excluded.hits
            returning hits""";
    private static final String REFUND = "update rate_limit_window set hits = hits - 1 where bucket = $1 and window_start = $2 and hits > 0";
    private static final String SWEEP = "delete from rate_limit_window where window_start < now() - interval '1 day'";

    private final Pool pool;
    private final RateLimitConfig config;

    public RateLimiter(Pool pool, RateLimitConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** One budget to charge: a bucket name (e.g. {@code login:user:alice}) and how many hits a window allows. */
    public record Budget(String bucket, int limit) {
    }

    /** Counts one hit against each budget; fails with RATE_LIMITED when any is exhausted. */
    public Uni<Void> charge(List<Budget> budgets) {
        return charge(budgets, 1);
    }

    /**
     * Counts {@code hits} against each budget, in order; fails with RATE_LIMITED at the first one
     * they exhaust (the budgets after it are not charged).
     */
    public Uni<Void> charge(List<Budget> budgets, int hits) {
        if (!config.enabled() || budgets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long windowSeconds = config.window().toSeconds();
        long now = Instant.now().getEpochSecond();
        long start = now - Math.floorMod(now, windowSeconds);
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.UTC);
        long retryAfter = start + windowSeconds - now;
        Uni<Void> chain = sweepSometimes();
        for (Budget budget : budgets) {
            chain = chain.chain(() -> pool.preparedQuery(HIT).execute(Tuple.of(budget.bucket(), windowStart, hits))
                    .map(rows -> rows.iterator().next().getInteger("hits"))
                    .invoke(counted -> {
                        if (counted > budget.limit()) {
                            throw new ApiException(ErrorCode.RATE_LIMITED,
                                    "Too many requests; try again in " + retryAfter + " seconds.", null, List.of(),
                                    Map.of("retryAfterSeconds", retryAfter));
                        }
                    })
                    .replaceWithVoid());
        }
        return chain;
    }

    /**
     * Charges a password check (a login, or a password given again to change account security).
     * Every attempt counts against the address; against the username only attempts from this
     * address that did not succeed count ({@link #refundLogin} takes back a success), so that
     * wrong passwords from one address cannot lock the user out from the others.
     */
    public Uni<Void> chargeLogin(String username, String clientAddress) {
        return charge(List.of(new Budget("login:address:" + clientAddress, config.loginPerAddress()),
                new Budget(loginFailures(username, clientAddress), config.loginPerUser())));
    }

    /** Takes back the charge of a password check that succeeded. */
    public Uni<Void> refundLogin(String username, String clientAddress) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(REFUND).execute(Tuple.of(loginFailures(username, clientAddress), currentWindowStart()))
                .replaceWithVoid();
    }

    private static String loginFailures(String username, String clientAddress) {
        return "login:failures:" + username + "@" + clientAddress;
    }

    private OffsetDateTime currentWindowStart() {
        long windowSeconds = config.window().toSeconds();
        long now = Instant.now().getEpochSecond();
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(now - Math.floorMod(now, windowSeconds)), ZoneOffset.UTC);
    }

    public Uni<Void> chargeExpensive(Long userId, String clientAddress) {
        return charge(List.of(new Budget("expensive:user:" + userId, config.expensivePerUser()),
                new Budget("expensive:address:" + clientAddress, config.expensivePerAddress())));
    }

    /**
     * Counts {@code count} verifications against the user's and the organisation's budgets: one
     * per verifyInvoice field (so aliases in one request count each) and one per batch input.
     */
    public Uni<Void> chargeVerifications(Long userId, Long organisationId, int count) {
        return charge(List.of(new Budget("verify:user:" + userId, config.verifyPerUser()),
                new Budget("verify:organisation:" + organisationId, config.verifyPerOrganisation())), count);
    }

    /** An anonymous feedback submission from this address. */
    public Uni<Void> chargeAnonymousFeedback(String clientAddress) {
        return charge(List.of(new Budget("feedback:address:" + clientAddress, config.feedbackPerAddress())));
    }

    /** A ticket opened with an access key from this address (reading, answering, rating, attaching). */
    public Uni<Void> chargeTicketKey(String clientAddress) {
        return charge(List.of(new Budget("ticket-key:address:" + clientAddress, config.ticketKeyPerAddress())));
    }

    private Uni<Void> sweepSometimes() {
        if (ThreadLocalRandom.current().nextInt(1000) != 0) {
            return Uni.createFrom().voidItem();
        }
        return pool.query(SWEEP).execute().replaceWithVoid();
    }
}
