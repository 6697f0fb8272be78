package cn.fapiao.export.link.api;

import org.eclipse.microprofile.graphql.Description;

import java.util.EnumSet;
import java.util.Set;

/** What a download link downloads, with the formats each kind comes in. */
@Description("What a download link downloads.")
public enum DownloadKind {
    @Description("The invoice register (发票清单): every invoice of a period with its lines, one row per line. Needs `from` and `to`; `side` optional. Formats CSV and XLSX.")
    INVOICE_REGISTER(EnumSet.of(DownloadFormat.CSV, DownloadFormat.XLSX)),
    @Description("One invoice as a file laid out like the national format (PDF) or as structured XML. Needs `invoiceId`.")
    INVOICE(EnumSet.of(DownloadFormat.PDF, DownloadFormat.XML)),
    @Description("Amount and tax by month; issued and received; as an SVG chart. Needs `from` and `to` (the months they fall in).")
    MONTHLY_TREND(EnumSet.of(DownloadFormat.SVG)),
    @Description("The monthly VAT summary (增值税申报汇总), the figures of `vatSummary` one per row. Needs `from`: a day of the month. Roles: ACCOUNTANT, AUDITOR. Formats CSV and XLSX.")
    VAT_SUMMARY(EnumSet.of(DownloadFormat.CSV, DownloadFormat.XLSX)),
    @Description("Invoice statistics: the rows and totals of `invoiceStatistics` for the parameters in `statistics`. Roles: ACCOUNTANT, AUDITOR. Formats CSV and XLSX.")
    INVOICE_STATISTICS(EnumSet.of(DownloadFormat.CSV, DownloadFormat.XLSX));

    private final Set<DownloadFormat> formats;

    DownloadKind(Set<DownloadFormat> formats) {
        this.formats = formats;
    }

    public Set<DownloadFormat> formats() {
        return formats;
    }
}
