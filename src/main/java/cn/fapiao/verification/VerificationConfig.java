package cn.fapiao.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of verification, as the national platform applies them ({@code fapiao.verification.*}). */
@ConfigMapping(prefix = "fapiao.verification")
public interface VerificationConfig {

    /**
     * Verifications of one invoice per calendar day (Asia/Shanghai) and verifying organisation: the
     * national rule, counted per organisation so that strangers cannot spend the parties' attempts.
     */
    @WithDefault("5")
    int dailyLimit();

    /** Invoices issued longer ago than this many years are not verified. */
    @WithDefault("5")
    int maxAgeYears();

    /** Most verifications in one verifyInvoices call. */
    @WithDefault("100")
    int batchMax();
}
