package cn.fapiao.export.link.api;

import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.report.api.StatisticsInput;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Input("CreateDownloadLinkInput")
@Description("What to download: a kind, its format and the parameters the kind needs.")
public record CreateDownloadLinkInput(
        @NonNull DownloadKind kind,
        @NonNull DownloadFormat format,
        @Description("First day of the period (Asia/Shanghai): INVOICE_REGISTER and MONTHLY_TREND.") LocalDate from,
        @Description("Last day of the period; included.") LocalDate to,
        @Description("INVOICE_REGISTER only: only the invoices the organisation sold (SELLER) or bought (BUYER); both when absent.") InvoiceFilter.Role side,
        @Id @Description("INVOICE only: the invoice; the caller's organisation must be its seller or buyer.") String invoiceId,
        @Description("INVOICE_STATISTICS only: the period; filter and groupings; as `invoiceStatistics` takes them.") StatisticsInput statistics) {
}
