package cn.fapiao.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;

import static cn.fapiao.domain.InvoiceStatus.ABNORMAL;
import static cn.fapiao.domain.InvoiceStatus.LOST_CONTROL;
import static cn.fapiao.domain.InvoiceStatus.NORMAL;
import static cn.fapiao.domain.InvoiceStatus.RED_FULL;
import static cn.fapiao.domain.InvoiceStatus.RED_PARTIAL;
import static cn.fapiao.domain.InvoiceStatus.VOIDED;

/**
 * The invoice life cycle of domain.md §5 as pure functions: each takes the status and the facts
 * the service loaded and answers the new status, or throws {@link TransitionRefused}.
 */
public final class InvoiceLifecycle {

    /** The statuses the tax side sets after issuance. */
    private static final Set<InvoiceStatus> TAX_STATUSES = EnumSet.of(NORMAL, LOST_CONTROL, ABNORMAL);
    /** Still in force and not fully reversed: can be confirmed for use, or (blue) red-reversed. */
    private static final Set<InvoiceStatus> OPEN = EnumSet.of(NORMAL, RED_PARTIAL);

    private InvoiceLifecycle() {
    }

    /**
     * Voids an invoice: never a fully digital one, only a NORMAL one, only in its month of issue and
     * only while the buyer has not used it; each refusal points to red-reversing instead.
     *
     * @param now the current month in Asia/Shanghai (the caller owns the clock)
     */
    public static InvoiceStatus voidInvoice(InvoiceStatus status, Generation generation, LocalDate issueDate, YearMonth now,
                                            boolean usedByBuyer) {
        if (generation == Generation.DIGITAL) {
            throw new TransitionRefused(TransitionRefused.Reason.VOID_DIGITAL,
                    "Fully digital invoices cannot be voided: red-reverse it with redReverseInvoice instead.");
        }
        if (status != NORMAL) {
            throw new TransitionRefused(TransitionRefused.Reason.VOID_NOT_NORMAL,
                    "Only a NORMAL invoice can be voided; this one is " + status + ".");
        }
        if (!YearMonth.from(issueDate).equals(now)) {
            throw new TransitionRefused(TransitionRefused.Reason.VOID_OUTSIDE_ISSUE_MONTH,
                    "An invoice can be voided only in its month of issue (" + YearMonth.from(issueDate)
                            + "); red-reverse it with redReverseInvoice instead.");
        }
        if (usedByBuyer) {
            throw new TransitionRefused(TransitionRefused.Reason.VOID_USED_BY_BUYER,
                    "The buyer has already confirmed use of this invoice; red-reverse it with redReverseInvoice instead.");
        }
        return VOIDED;
    }

    /** The buyer confirms use of an invoice that is in force; the status does not change. */
    public static InvoiceStatus confirmUse(InvoiceStatus status) {
        if (!OPEN.contains(status)) {
            throw new TransitionRefused(TransitionRefused.Reason.CONFIRMATION_STATUS,
                    "A " + status + " invoice cannot be confirmed for use.");
        }
        return status;
    }

    /**
     * A status set by the tax side. Voided and red-reversed invoices keep theirs: the tax side
     * flags invoices in force, and clearing a flag returns them to NORMAL.
     */
    public static InvoiceStatus taxStatus(InvoiceStatus from, InvoiceStatus to) {
        if (!TAX_STATUSES.contains(to)) {
            throw new TransitionRefused(TransitionRefused.Reason.NOT_A_TAX_STATUS,
                    "Only LOST_CONTROL, ABNORMAL or NORMAL are set by the tax side; use voidInvoice or redReverseInvoice for the others.");
        }
        if (!TAX_STATUSES.contains(from)) {
            throw new TransitionRefused(TransitionRefused.Reason.STATUS_KEPT, "A " + from + " invoice keeps its status.");
        }
        return to;
    }

    /** Whether the tax side sets this status (the only ones setInvoiceTaxStatus accepts). */
    public static boolean isTaxStatus(InvoiceStatus status) {
        return TAX_STATUSES.contains(status);
    }

    /** Refuses to red-reverse a red invoice, or one that is not in force or already fully reversed. */
    public static void checkReversible(Direction direction, InvoiceStatus status) {
        if (direction != Direction.BLUE) {
            throw new TransitionRefused(TransitionRefused.Reason.REVERSAL_OF_RED, "A red invoice cannot itself be reversed.");
        }
        if (!OPEN.contains(status)) {
            throw new TransitionRefused(TransitionRefused.Reason.REVERSAL_STATUS, "A " + status + " invoice cannot be red-reversed.");
        }
    }

    /** The blue invoice's status after a reversal; {@code nothingLeft} is {@link ReversalPlan#full()}. */
    public static InvoiceStatus afterReversal(boolean nothingLeft) {
        return nothingLeft ? RED_FULL : RED_PARTIAL;
    }

    /**
     * Whether a status a synchronising system reports for an invoice we hold moves it forward in
     * the life cycle. Reports can arrive late or out of order, so a move the life cycle never
     * makes means the report is older than what we hold. Forward: NORMAL to anything; RED_PARTIAL
     * to RED_FULL or to a tax flag; between the tax flags and from either back to NORMAL (the tax
     * side clears a flag). VOIDED and RED_FULL are final; a reversal is never undone.
     */
    public static SyncChange synchronise(InvoiceStatus from, InvoiceStatus to) {
        if (from == to) {
            return SyncChange.UNCHANGED;
        }
        boolean forward = switch (from) {
            case NORMAL -> true;
            case RED_PARTIAL -> to == RED_FULL || to == LOST_CONTROL || to == ABNORMAL;
            case LOST_CONTROL, ABNORMAL -> TAX_STATUSES.contains(to);
            case VOIDED, RED_FULL -> false;
        };
        return forward ? SyncChange.FORWARD : SyncChange.BACKWARD;
    }
}
