package cn.fapiao.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InvoiceLifecycleTransitionsTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 30);
    private static final YearMonth ISSUE_MONTH = YearMonth.of(2026, 11);

    @Test
    void voidsANormalUnusedLegacyInvoiceInItsMonthOfIssue() {
        assertEquals(InvoiceStatus.VOIDED, InvoiceLifecycle.voidInvoice(InvoiceStatus.NORMAL, Generation.LEGACY, ISSUED, ISSUE_MONTH, false));
    }

    @ParameterizedTest(name = "{0} {1} issued {2}, month {3}, used {4} → {5}")
    @CsvSource({
            // The first broken rule is the one reported, in this order.
            "NORMAL,       DIGITAL, 2026-11-30, 2026-11, false, VOID_DIGITAL",
            "VOIDED,       DIGITAL, 2026-11-30, 2026-12, true,  VOID_DIGITAL",
            "VOIDED,       LEGACY,  2026-11-30, 2026-11, false, VOID_NOT_NORMAL",
            "RED_PARTIAL,  LEGACY,  2026-11-30, 2026-11, false, VOID_NOT_NORMAL",
            "RED_FULL,     LEGACY,  2026-11-30, 2026-11, false, VOID_NOT_NORMAL",
            "LOST_CONTROL, LEGACY,  2026-11-30, 2026-11, false, VOID_NOT_NORMAL",
            "ABNORMAL,     LEGACY,  2026-11-30, 2026-11, false, VOID_NOT_NORMAL",
            "NORMAL,       LEGACY,  2026-11-30, 2026-12, false, VOID_OUTSIDE_ISSUE_MONTH",
            "NORMAL,       LEGACY,  2025-11-30, 2026-11, false, VOID_OUTSIDE_ISSUE_MONTH",
            "NORMAL,       LEGACY,  2026-11-30, 2026-11, true,  VOID_USED_BY_BUYER",
    })
    void refusesToVoid(InvoiceStatus status, Generation generation, LocalDate issued, String now, boolean used,
                       TransitionRefused.Reason reason) {
        TransitionRefused refused = assertThrows(TransitionRefused.class,
                () -> InvoiceLifecycle.voidInvoice(status, generation, issued, YearMonth.parse(now), used));
        assertEquals(reason, refused.reason());
    }

    @Test
    void explainsAVoidOutsideTheMonthOfIssue() {
        TransitionRefused refused = assertThrows(TransitionRefused.class,
                () -> InvoiceLifecycle.voidInvoice(InvoiceStatus.NORMAL, Generation.LEGACY, ISSUED, YearMonth.of(2026, 12), false));
        assertEquals("An invoice can be voided only in its month of issue (2026-11); red-reverse it with redReverseInvoice instead.",
                refused.getMessage());
    }

    @ParameterizedTest(name = "confirm use of {0}: {1}")
    @CsvSource({
            "NORMAL,       allowed",
            "RED_PARTIAL,  allowed",
            "VOIDED,       CONFIRMATION_STATUS",
            "RED_FULL,     CONFIRMATION_STATUS",
            "LOST_CONTROL, CONFIRMATION_STATUS",
            "ABNORMAL,     CONFIRMATION_STATUS",
    })
    void confirmsUseOfInvoicesInForce(InvoiceStatus status, String outcome) {
        if (outcome.equals("allowed")) {
            assertEquals(status, InvoiceLifecycle.confirmUse(status));
        } else {
            TransitionRefused refused = assertThrows(TransitionRefused.class, () -> InvoiceLifecycle.confirmUse(status));
            assertEquals(TransitionRefused.Reason.CONFIRMATION_STATUS, refused.reason());
        }
    }

    @ParameterizedTest(name = "tax side {0} → {1}: {2}")
    @CsvSource({
            "NORMAL,       LOST_CONTROL, LOST_CONTROL",
            "NORMAL,       ABNORMAL,     ABNORMAL",
            "NORMAL,       NORMAL,       NORMAL",
            "LOST_CONTROL, NORMAL,       NORMAL",
            "LOST_CONTROL, ABNORMAL,     ABNORMAL",
            "ABNORMAL,     LOST_CONTROL, LOST_CONTROL",
            "ABNORMAL,     NORMAL,       NORMAL",
            "VOIDED,       LOST_CONTROL, STATUS_KEPT",
            "RED_PARTIAL,  ABNORMAL,     STATUS_KEPT",
            "RED_FULL,     NORMAL,       STATUS_KEPT",
            "NORMAL,       VOIDED,       NOT_A_TAX_STATUS",
            "NORMAL,       RED_FULL,     NOT_A_TAX_STATUS",
            "LOST_CONTROL, RED_PARTIAL,  NOT_A_TAX_STATUS",
            // The target is checked first: it is an input error whatever the invoice.
            "VOIDED,       RED_FULL,     NOT_A_TAX_STATUS",
    })
    void setsTaxStatuses(InvoiceStatus from, InvoiceStatus to, String outcome) {
        if (outcome.equals("STATUS_KEPT") || outcome.equals("NOT_A_TAX_STATUS")) {
            TransitionRefused refused = assertThrows(TransitionRefused.class, () -> InvoiceLifecycle.taxStatus(from, to));
            assertEquals(TransitionRefused.Reason.valueOf(outcome), refused.reason());
        } else {
            assertEquals(InvoiceStatus.valueOf(outcome), InvoiceLifecycle.taxStatus(from, to));
        }
    }

    @ParameterizedTest(name = "reverse {0} {1}: {2}")
    @CsvSource({
            "BLUE, NORMAL,       allowed",
            "BLUE, RED_PARTIAL,  allowed",
            "BLUE, RED_FULL,     REVERSAL_STATUS",
            "BLUE, VOIDED,       REVERSAL_STATUS",
            "BLUE, LOST_CONTROL, REVERSAL_STATUS",
            "BLUE, ABNORMAL,     REVERSAL_STATUS",
            "RED,  NORMAL,       REVERSAL_OF_RED",
    })
    void reversesBlueInvoicesInForce(Direction direction, InvoiceStatus status, String outcome) {
        if (outcome.equals("allowed")) {
            InvoiceLifecycle.checkReversible(direction, status);
        } else {
            TransitionRefused refused = assertThrows(TransitionRefused.class, () -> InvoiceLifecycle.checkReversible(direction, status));
            assertEquals(TransitionRefused.Reason.valueOf(outcome), refused.reason());
        }
    }

    @Test
    void aReversalLeavesTheBlueInvoicePartlyOrFullyReversed() {
        assertEquals(InvoiceStatus.RED_FULL, InvoiceLifecycle.afterReversal(true));
        assertEquals(InvoiceStatus.RED_PARTIAL, InvoiceLifecycle.afterReversal(false));
    }

    @ParameterizedTest(name = "sync {0} → {1}: {2}")
    @CsvSource({
            "NORMAL,       NORMAL,       UNCHANGED",
            "NORMAL,       VOIDED,       FORWARD",
            "NORMAL,       RED_PARTIAL,  FORWARD",
            "NORMAL,       RED_FULL,     FORWARD",
            "NORMAL,       LOST_CONTROL, FORWARD",
            "NORMAL,       ABNORMAL,     FORWARD",

            "VOIDED,       NORMAL,       BACKWARD",
            "VOIDED,       VOIDED,       UNCHANGED",
            "VOIDED,       RED_PARTIAL,  BACKWARD",
            "VOIDED,       RED_FULL,     BACKWARD",
            "VOIDED,       LOST_CONTROL, BACKWARD",
            "VOIDED,       ABNORMAL,     BACKWARD",

            "RED_PARTIAL,  NORMAL,       BACKWARD",
            "RED_PARTIAL,  VOIDED,       BACKWARD",
            "RED_PARTIAL,  RED_PARTIAL,  UNCHANGED",
            "RED_PARTIAL,  RED_FULL,     FORWARD",
            "RED_PARTIAL,  LOST_CONTROL, FORWARD",
            "RED_PARTIAL,  ABNORMAL,     FORWARD",

            "RED_FULL,     NORMAL,       BACKWARD",
            "RED_FULL,     VOIDED,       BACKWARD",
            "RED_FULL,     RED_PARTIAL,  BACKWARD",
            "RED_FULL,     RED_FULL,     UNCHANGED",
            "RED_FULL,     LOST_CONTROL, BACKWARD",
            "RED_FULL,     ABNORMAL,     BACKWARD",

            "LOST_CONTROL, NORMAL,       FORWARD",
            "LOST_CONTROL, VOIDED,       BACKWARD",
            "LOST_CONTROL, RED_PARTIAL,  BACKWARD",
            "LOST_CONTROL, RED_FULL,     BACKWARD",
            "LOST_CONTROL, LOST_CONTROL, UNCHANGED",
            "LOST_CONTROL, ABNORMAL,     FORWARD",

            "ABNORMAL,     NORMAL,       FORWARD",
            "ABNORMAL,     VOIDED,       BACKWARD",
            "ABNORMAL,     RED_PARTIAL,  BACKWARD",
            "ABNORMAL,     RED_FULL,     BACKWARD",
            "ABNORMAL,     LOST_CONTROL, FORWARD",
            "ABNORMAL,     ABNORMAL,     UNCHANGED",
    })
    void synchronisesOnlyForward(InvoiceStatus from, InvoiceStatus to, SyncChange change) {
        assertEquals(change, InvoiceLifecycle.synchronise(from, to));
    }

    @ParameterizedTest
    @EnumSource(InvoiceStatus.class)
    void theSynchronisationTableCoversEveryStatus(InvoiceStatus status) {
        // The table above has a row for each of the 6 × 6 pairs; a new status needs new rows.
        assertEquals(6, InvoiceStatus.values().length);
        assertEquals(SyncChange.UNCHANGED, InvoiceLifecycle.synchronise(status, status));
    }
}
