package cn.fapiao.export.register;

import cn.fapiao.common.ApiException;
import cn.fapiao.domain.Problem;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The days of an invoice register: Asia/Shanghai calendar days, both ends included, at most
 * {@code maxDays} of them ({@code fapiao.downloads.register-max-days}, 366 by default: a year of
 * a large taxpayer is about 70,000 invoices a month in the benchmark's data set, 200,000 a year;
 * longer periods are several downloads).
 */
public record RegisterPeriod(LocalDate from, LocalDate to) {

    /**
     * @param field the input holding {@code from} and {@code to}, e.g. {@code input}
     * @throws ApiException VALIDATION_FAILED naming {@code <field>.from} or {@code <field>.to}
     */
    public static RegisterPeriod of(LocalDate from, LocalDate to, int maxDays, String field) {
        List<Problem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new Problem(field + ".from", "REQUIRED", "Give the first day of the period."));
        }
        if (to == null) {
            problems.add(new Problem(field + ".to", "REQUIRED", "Give the last day of the period."));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(new Problem(field + ".to", "INVALID_RANGE", "The period ends (" + to + ") before it starts (" + from + ")."));
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
                problems.add(new Problem(field + ".to", "RANGE_TOO_LONG",
                        "A period covers at most " + maxDays + " days; split longer ones."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new RegisterPeriod(from, to);
    }
}
