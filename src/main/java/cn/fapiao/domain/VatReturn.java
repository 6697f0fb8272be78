package cn.fapiao.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The arithmetic of a general taxpayer's monthly VAT return (domain.md §6): what is deductible,
 * what is payable, what credit is carried into the next month, and when the return is due.
 */
public final class VatReturn {

    /**
     * Type codes of the special invoices (专用发票) whose tax a buyer deducts: VAT special, its
     * freight variant, electronic special and fully digital special invoices.
     */
    public static final Set<String> SPECIAL_TYPE_CODES = Set.of("01", "02", "08", "81");

    private VatReturn() {
    }

    /** One month's figures as the return adds them up; credit brought forward comes from the months before. */
    public record Month(BigDecimal outputTax, BigDecimal inputTax, BigDecimal transferredOut, BigDecimal creditBroughtForward) {

        /** Input tax plus credit brought forward, less the input tax transferred out (may be negative). */
        public BigDecimal deductible() {
            return inputTax.add(creditBroughtForward).subtract(transferredOut);
        }

        /** output − min(deductible, output): never below zero; above the output when more was transferred out than there was to deduct. */
        public BigDecimal payable() {
            return outputTax.subtract(deductible().min(outputTax));
        }

        /** What is left to deduct in the next month: the deductible beyond the output tax, never negative. */
        public BigDecimal creditCarriedForward() {
            return deductible().subtract(deductible().min(outputTax));
        }
    }

    /** One month's own figures before any credit: output tax, input tax, input tax transferred out. */
    public record Flows(BigDecimal outputTax, BigDecimal inputTax, BigDecimal transferredOut) {
        public static final Flows NONE = new Flows(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * The credit brought into {@code month}: the months before it are returned in order, each
     * carrying its credit into the next, starting with none before the first month given. Months
     * without flows carry their credit unchanged; months at or after {@code month} are ignored.
     */
    public static BigDecimal creditBroughtForward(SortedMap<YearMonth, Flows> flows, YearMonth month) {
        BigDecimal credit = new BigDecimal("0.00");
        for (Map.Entry<YearMonth, Flows> entry : flows.headMap(month).entrySet()) {
            Flows f = entry.getValue();
            credit = new Month(f.outputTax(), f.inputTax(), f.transferredOut(), credit).creditCarriedForward();
        }
        return credit;
    }

    /** The statutory due date: 15 days after the month ends (the 15th of the next month). */
    public static LocalDate statutoryDueDate(YearMonth month) {
        return month.atEndOfMonth().plusDays(15);
    }

    /**
     * The due date moved past a weekend to the following Monday, as the tax authority moves a
     * deadline that falls on a rest day. Public holidays (announced each year by the State
     * Council, with make-up working days) are not known here: in such months the tax bureau's
     * published calendar is later than this date.
     */
    public static LocalDate filingDueDate(YearMonth month) {
        LocalDate due = statutoryDueDate(month);
        while (due.getDayOfWeek() == DayOfWeek.SATURDAY || due.getDayOfWeek() == DayOfWeek.SUNDAY) {
            due = due.plusDays(1);
        }
        return due;
    }
}
