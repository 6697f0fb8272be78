package cn.fapiao.export.chart;

import cn.fapiao.common.ApiException;
import cn.fapiao.domain.Problem;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The months of a trend chart: those {@code from} and {@code to} fall in, at most {@code maxMonths} (36 by default). */
public record TrendPeriod(YearMonth first, YearMonth last) {

    public static TrendPeriod of(LocalDate from, LocalDate to, int maxMonths, String field) {
        List<Problem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new Problem(field + ".from", "REQUIRED", "Give a day of the first month."));
        }
        if (to == null) {
            problems.add(new Problem(field + ".to", "REQUIRED", "Give a day of the last month."));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(new Problem(field + ".to", "INVALID_RANGE", "The period ends (" + to + ") before it starts (" + from + ")."));
            } else if (ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1 > maxMonths) {
                problems.add(new Problem(field + ".to", "RANGE_TOO_LONG", "A chart covers at most " + maxMonths + " months."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new TrendPeriod(YearMonth.from(from), YearMonth.from(to));
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public String fileName(String uscc) {
        return "月度趋势_" + uscc + "_" + first + "_" + last + ".svg";
    }
}
