package cn.fapiao.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Request budgets ({@code fapiao.rate-limit.*}), counted per fixed window across all replicas. */
@ConfigMapping(prefix = "fapiao.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Length of one counting window. */
    @WithDefault("PT1M")
    Duration window();

    /**
     * Failed password checks (logins, and passwords given again for account changes) per username
     * from one client address per window: guards one account against password guessing, while a
     * correct password from another address still logs in.
     */
    @WithDefault("10")
    int loginPerUser();

    /** Login attempts per client address per window (guards against spraying many accounts). */
    @WithDefault("30")
    int loginPerAddress();

    /** Expensive operations (batch verification, imports, diagnosis) per user per window. */
    @WithDefault("120")
    int expensivePerUser();

    /** Expensive operations per client address per window. */
    @WithDefault("300")
    int expensivePerAddress();

    /**
     * Verifications (each verifyInvoice, aliases included, and each input of verifyInvoices) per
     * user per window. At least verification.batch-max, or no full batch ever passes.
     */
    @WithDefault("300")
    int verifyPerUser();

    /** Verifications per organisation per window, all its users together. */
    @WithDefault("1200")
    int verifyPerOrganisation();

    /** Anonymous feedback tickets per client address per window (logged-in users count as expensive operations). */
    @WithDefault("5")
    int feedbackPerAddress();

    /**
     * Anonymous ticket reads and answers (a tracking number with an access key) per client address per
     * window: enough to follow a ticket, too few to try keys.
     */
    @WithDefault("60")
    int ticketKeyPerAddress();
}
