package cn.fapiao.domain;

/**
 * How large one invoice may be. Issuing and importing refuse more lines, and the GraphQL query
 * limits count a single invoice's {@code lines} at this many.
 */
public final class InvoiceSize {

    /** Most lines of one invoice. */
    public static final int MAX_LINES = 2000;

    private InvoiceSize() {
    }
}
