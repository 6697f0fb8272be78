package cn.fapiao.export.report;

import cn.fapiao.export.format.Column;
import cn.fapiao.export.format.Table;
import cn.fapiao.export.format.TableFormat;
import cn.fapiao.export.stream.TableDownload;
import cn.fapiao.report.ReportService;
import cn.fapiao.report.VatSummaryService;
import cn.fapiao.report.api.VatRateTax;
import cn.fapiao.report.api.VatSummary;
import cn.fapiao.security.Caller;
import cn.fapiao.taxpayer.OrganisationDirectory;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The monthly VAT summary (增值税申报汇总) as CSV or XLSX: one row per figure, the same figures
 * `vatSummary` answers (computed by the same service), output tax also by rate.
 */
@ApplicationScoped
public class VatSummaryExport {

    private static final Table TABLE_SHAPE = new Table(null, null, List.of(Column.text("项目 Figure"), Column.amount("金额 Amount")));

    private final VatSummaryService summaries;
    private final OrganisationDirectory organisations;

    public VatSummaryExport(VatSummaryService summaries, OrganisationDirectory organisations) {
        this.summaries = summaries;
        this.organisations = organisations;
    }

    public static String fileName(String uscc, LocalDate month, TableFormat format) {
        return "vat-summary-" + uscc + "-" + month.getYear() + "-" + String.format("%02d", month.getMonthValue()) + "." + format.extension();
    }

    /**
     * Writes the summary of the month of {@code month} for the organisation. The link was handed
     * to a report reader of the organisation (checked when it was made); the figures are read as
     * such a reader would read them.
     */
    public Uni<Void> write(long organisationId, Long userId, LocalDate month, TableFormat format, HttpServerResponse response) {
        Caller reader = new Caller(userId, "download-link", organisationId, Set.of(ReportService.REPORT_READERS[0]));
        return organisations.named(organisationId).chain(org -> summaries.summary(reader, month.getYear(), month.getMonthValue())
                .invoke(summary -> {
                    String period = month.getYear() + "-" + String.format("%02d", month.getMonthValue());
                    Table table = new Table(org.name() + " " + org.uscc() + " 增值税申报汇总 VAT summary " + period,
                            "VAT " + period, TABLE_SHAPE.columns());
                    TableDownload.send(response, format, table, fileName(org.uscc(), month, format), rows(summary), null);
                })).replaceWithVoid();
    }

    static List<Object[]> rows(VatSummary s) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"销项税额 Output tax", s.outputTax()});
        rows.add(new Object[] {"  其中专用发票 of it on special invoices", s.outputTaxSpecial()});
        rows.add(new Object[] {"  其中其他发票 of it on other invoices", s.outputTaxOther()});
        for (VatRateTax rate : s.outputTaxByRate()) {
            String label = rate.rate() == null ? "无明细 without lines" : rate.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            rows.add(new Object[] {"  税率 rate " + label, rate.tax()});
        }
        rows.add(new Object[] {"进项税额 Input tax", s.inputTax()});
        rows.add(new Object[] {"上期留抵税额 Credit brought forward", s.creditBroughtForward()});
        rows.add(new Object[] {"进项税额转出 Input tax transferred out", s.transferredOut()});
        rows.add(new Object[] {"  其中红冲 of it red-reversed", s.transferredOutRedReversed()});
        rows.add(new Object[] {"  其中失控/异常 of it flagged", s.transferredOutFlagged()});
        rows.add(new Object[] {"应纳税额 VAT payable", s.payable()});
        rows.add(new Object[] {"期末留抵税额 Credit carried forward", s.creditCarriedForward()});
        return rows;
    }
}
