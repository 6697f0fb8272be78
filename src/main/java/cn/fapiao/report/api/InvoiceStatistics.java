package cn.fapiao.report.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("Invoice statistics of the caller's organisation: one row per group, in the order of the groupings, and the totals.")
public record InvoiceStatistics(
        @NonNull PeriodView period,
        @NonNull List<@NonNull StatisticsGrouping> groupBy,
        @NonNull @Description("The groups (at most 1000), ordered by the grouped values.") List<@NonNull StatisticsRow> rows,
        @NonNull @Description("All invoices the statistics cover.") StatisticsRow totals) {
}
