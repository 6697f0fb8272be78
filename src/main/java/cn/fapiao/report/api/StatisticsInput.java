package cn.fapiao.report.api;

import cn.fapiao.invoice.api.InvoiceFilter;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

// groupBy's items are not declared non-null (that would make the list itself required, see
// InvoiceFilter); null items are refused by the service.
@Input("InvoiceStatisticsInput")
@Description("What invoice statistics cover and how they are grouped.")
public record StatisticsInput(
        @NonNull @Description("The days of issue covered.") ReportPeriodInput period,
        @Description("The invoice list's filter; its issue dates narrow the period further.") InvoiceFilter filter,
        @Description("Group by these, in this order; only the totals when absent or empty. Each at most once.") List<StatisticsGrouping> groupBy) {
}
