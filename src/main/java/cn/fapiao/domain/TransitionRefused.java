package cn.fapiao.domain;

/** A life-cycle move the invoice's status or facts forbid; the service turns it into an API error. */
public final class TransitionRefused extends RuntimeException {

    /** Why, with the API error code each reason is reported under. */
    public enum Reason {
        VOID_DIGITAL("VOID_NOT_ALLOWED"),
        VOID_NOT_NORMAL("VOID_NOT_ALLOWED"),
        VOID_OUTSIDE_ISSUE_MONTH("VOID_NOT_ALLOWED"),
        VOID_USED_BY_BUYER("VOID_NOT_ALLOWED"),
        CONFIRMATION_STATUS("CONFIRMATION_NOT_ALLOWED"),
        /** The target status is not one the tax side sets; an input error on {@code input.status}. */
        NOT_A_TAX_STATUS("VALIDATION_FAILED"),
        /** VOIDED and red-reversed invoices keep their status against the tax side. */
        STATUS_KEPT("STATUS_CHANGE_NOT_ALLOWED"),
        REVERSAL_OF_RED("REVERSAL_NOT_ALLOWED"),
        REVERSAL_STATUS("REVERSAL_NOT_ALLOWED");

        private final String apiCode;

        Reason(String apiCode) {
            this.apiCode = apiCode;
        }

        /** The {@code extensions.code} this refusal is reported under. */
        public String apiCode() {
            return apiCode;
        }
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
