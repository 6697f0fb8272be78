package cn.fapiao.domain;

/**
 * A red-letter reversal that cannot be planned, with the input field to blame; the service
 * turns it into an API error.
 */
public final class ReversalRefused extends RuntimeException {

    public enum Reason {
        /** More was asked than the invoice, or the line, has left. */
        EXCEEDS_REMAINING,
        /** A line number the invoice does not have. */
        UNKNOWN_LINE,
        /** The invoice has been reversed completely already. */
        NOTHING_LEFT
    }

    private final Reason reason;
    private final String field;

    public ReversalRefused(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The GraphQL input path at fault, e.g. {@code input.amount} or {@code input.lines}. */
    public String field() {
        return field;
    }
}
