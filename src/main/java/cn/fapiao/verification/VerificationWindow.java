package cn.fapiao.verification;

import cn.fapiao.invoice.InvoiceService;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/**
 * How far back verification reaches ({@code fapiao.verification.max-age-years}, the national
 * platform's five years). Verification refuses, and diagnosis explains, with this one setting,
 * so that the two never disagree about the same invoice.
 */
@ApplicationScoped
public class VerificationWindow {

    private final VerificationConfig config;

    public VerificationWindow(VerificationConfig config) {
        this.config = config;
    }

    public int years() {
        return config.maxAgeYears();
    }

    /** Whether an invoice issued on this date is older than the window today (Asia/Shanghai). */
    public boolean excludes(LocalDate issueDate) {
        return issueDate.isBefore(LocalDate.now(InvoiceService.BUSINESS_ZONE).minusYears(config.maxAgeYears()));
    }
}
