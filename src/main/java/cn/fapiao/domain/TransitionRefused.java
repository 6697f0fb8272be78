package cn.fapiao.domain;

/** A life-cycle move the invoice's status or facts forbid; the service turns it into an API error. */
public final class TransitionRefused extends RuntimeException {

    /** Why; the service reports each under the API code of the operation refused. */
    public enum Reason {
        VOID_DIGITAL,
        VOID_NOT_NORMAL,
        VOID_OUTSIDE_ISSUE_MONTH,
        VOID_USED_BY_BUYER,
        CONFIRMATION_STATUS,
        /** The target status is not one the tax side sets: an input error on {@code input.status}. */
        NOT_A_TAX_STATUS,
        /** VOIDED and red-reversed invoices keep their status against the tax side. */
        STATUS_KEPT,
        REVERSAL_OF_RED,
        REVERSAL_STATUS
    }

    private final Reason reason;

    public TransitionRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
