package cn.fapiao.report.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Input("ReportPeriodInput")
@Description("The Asia/Shanghai calendar days a report covers: give exactly the parts its kind needs.")
public record ReportPeriodInput(
        @NonNull ReportPeriodKind kind,
        @Description("Year, for MONTH, QUARTER and YEAR.") Integer year,
        @Description("Month 1-12, for MONTH.") Integer month,
        @Description("Quarter 1-4, for QUARTER.") Integer quarter,
        @Description("First day, for RANGE.") LocalDate from,
        @Description("Last day (included), for RANGE; at most 366 days after `from` counting both.") LocalDate to) {
}
