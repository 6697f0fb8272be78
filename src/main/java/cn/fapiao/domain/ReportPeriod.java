package cn.fapiao.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The calendar days a report covers, both ends included, as Asia/Shanghai business dates (an
 * invoice's issue date is one): a month, a quarter, a year, or a custom range of at most
 * {@link #MAX_DAYS} days. The limit keeps one report within what the database aggregates in a
 * few hundred milliseconds for a large taxpayer (bench scenario {@code statisticsYear}); longer
 * views are asked year by year.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** A custom range covers at most this many days: any calendar year, or any twelve consecutive months. */
    public static final int MAX_DAYS = 366;
    /** Years a period may fall in (invoices this system can hold). */
    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2099;

    /** How a period is given. */
    public enum Kind { MONTH, QUARTER, YEAR, RANGE }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
    }

    /** The number of days covered, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The period of the given kind, or null with the problems added (field names below
     * {@code field}, e.g. {@code input.period.month}). A month needs year and month, a quarter
     * year and quarter, a year only the year, a range from and to; other parts must be absent so
     * that a request never means something other than it says.
     */
    public static ReportPeriod of(Kind kind, Integer year, Integer month, Integer quarter, LocalDate from, LocalDate to,
                                  String field, List<Problem> problems) {
        int before = problems.size();
        if (kind == null) {
            problems.add(new Problem(field + ".kind", "REQUIRED", "Say which kind of period: MONTH, QUARTER, YEAR or RANGE."));
            return null;
        }
        boolean wantsYear = kind != Kind.RANGE;
        expect(field + ".year", year, wantsYear, kind, problems);
        expect(field + ".month", month, kind == Kind.MONTH, kind, problems);
        expect(field + ".quarter", quarter, kind == Kind.QUARTER, kind, problems);
        expect(field + ".from", from, kind == Kind.RANGE, kind, problems);
        expect(field + ".to", to, kind == Kind.RANGE, kind, problems);
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            problems.add(new Problem(field + ".year", "OUT_OF_RANGE", "The year must be between " + MIN_YEAR + " and " + MAX_YEAR + "."));
        }
        if (month != null && (month < 1 || month > 12)) {
            problems.add(new Problem(field + ".month", "OUT_OF_RANGE", "The month must be between 1 and 12."));
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            problems.add(new Problem(field + ".quarter", "OUT_OF_RANGE", "The quarter must be between 1 and 4."));
        }
        if (kind == Kind.RANGE && from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(new Problem(field + ".to", "INVALID_RANGE", "The period ends (" + to + ") before it starts (" + from + ")."));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                problems.add(new Problem(field + ".to", "RANGE_TOO_LONG", "A period covers at most " + MAX_DAYS
                        + " days; ask for longer views one year at a time."));
            } else if (from.getYear() < MIN_YEAR || to.getYear() > MAX_YEAR) {
                problems.add(new Problem(field + ".from", "OUT_OF_RANGE", "Dates must lie between " + MIN_YEAR + " and " + MAX_YEAR + "."));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return switch (kind) {
            case MONTH -> month(YearMonth.of(year, month));
            case QUARTER -> new ReportPeriod(LocalDate.of(year, quarter * 3 - 2, 1), YearMonth.of(year, quarter * 3).atEndOfMonth());
            case YEAR -> new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            case RANGE -> new ReportPeriod(from, to);
        };
    }

    private static void expect(String field, Object value, boolean wanted, Kind kind, List<Problem> problems) {
        if (wanted && value == null) {
            problems.add(new Problem(field, "REQUIRED", "A period of kind " + kind + " needs `" + last(field) + "`."));
        } else if (!wanted && value != null) {
            problems.add(new Problem(field, "NOT_APPLICABLE", "A period of kind " + kind + " takes no `" + last(field) + "`."));
        }
    }

    private static String last(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
