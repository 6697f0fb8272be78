package cn.fapiao.report.api;

import org.eclipse.microprofile.graphql.Description;

@Description("How a report period is given.")
public enum ReportPeriodKind {
    @Description("A calendar month: `year` and `month`.")
    MONTH,
    @Description("A calendar quarter: `year` and `quarter` (1-4).")
    QUARTER,
    @Description("A calendar year: `year`.")
    YEAR,
    @Description("Any days `from` to `to`, both included, at most 366 days.")
    RANGE
}
