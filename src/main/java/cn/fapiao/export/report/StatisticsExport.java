package cn.fapiao.export.report;

import cn.fapiao.domain.ReportPeriod;
import cn.fapiao.export.format.Column;
import cn.fapiao.export.format.ColumnType;
import cn.fapiao.export.format.Table;
import cn.fapiao.export.format.TableFormat;
import cn.fapiao.export.stream.TableDownload;
import cn.fapiao.report.ReportService;
import cn.fapiao.report.api.InvoiceStatistics;
import cn.fapiao.report.api.ReportPeriodInput;
import cn.fapiao.report.api.StatisticsGrouping;
import cn.fapiao.report.api.StatisticsInput;
import cn.fapiao.report.api.StatisticsRow;
import cn.fapiao.security.Caller;
import cn.fapiao.taxpayer.OrganisationDirectory;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Invoice statistics (发票统计) as CSV or XLSX: the rows and totals {@code invoiceStatistics}
 * answers for the same parameters (computed, and cached, by the same service). One column per
 * grouping (seller and buyer: tax ID and name), then count, amount, tax and total; a first column
 * tells groups from the totals row.
 */
@ApplicationScoped
public class StatisticsExport {

    static final String GROUP = "分组 Group";
    static final String TOTALS = "合计 Totals";

    private final ReportService reports;
    private final OrganisationDirectory organisations;

    public StatisticsExport(ReportService reports, OrganisationDirectory organisations) {
        this.reports = reports;
        this.organisations = organisations;
    }

    public static String fileName(String uscc, StatisticsInput input, TableFormat format) {
        return "invoice-statistics-" + uscc + "-" + periodName(input.period()) + "." + format.extension();
    }

    /**
     * Writes the statistics for the organisation. The link was handed to a report reader of the
     * organisation (checked when it was made); the figures are read as such a reader reads them.
     */
    public Uni<Void> write(long organisationId, Long userId, StatisticsInput input, TableFormat format, HttpServerResponse response) {
        Caller reader = new Caller(userId, "download-link", organisationId, Set.of(ReportService.REPORT_READERS[0]));
        return organisations.named(organisationId).chain(org -> reports.statistics(reader, input).invoke(statistics -> {
            ReportPeriod period = new ReportPeriod(statistics.period().from(), statistics.period().to());
            Table table = new Table(org.name() + " " + org.uscc() + " 发票统计 Invoice statistics " + period.from() + " – " + period.to(),
                    "Statistics " + periodName(input.period()), columns(statistics.groupBy()));
            List<Object[]> rows = new ArrayList<>();
            for (StatisticsRow row : statistics.rows()) {
                rows.add(cells(GROUP, row, statistics.groupBy()));
            }
            TableDownload.send(response, format, table, fileName(org.uscc(), input, format), rows,
                    cells(TOTALS, statistics.totals(), statistics.groupBy()));
        })).replaceWithVoid();
    }

    static List<Column> columns(List<StatisticsGrouping> groupBy) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(GROUP));
        for (StatisticsGrouping grouping : groupBy) {
            switch (grouping) {
                case STATUS -> columns.add(Column.text("状态 Status"));
                case TYPE -> columns.add(Column.text("发票种类 Type"));
                case TAX_RATE -> columns.add(new Column("税率 Tax rate", ColumnType.RATE));
                case SELLER -> {
                    columns.add(Column.text("销售方税号 Seller tax ID"));
                    columns.add(Column.text("销售方名称 Seller name"));
                }
                case BUYER -> {
                    columns.add(Column.text("购买方税号 Buyer tax ID"));
                    columns.add(Column.text("购买方名称 Buyer name"));
                }
                case MONTH -> columns.add(Column.text("月份 Month"));
                case DIRECTION -> columns.add(Column.text("红蓝字 Direction"));
                case SOURCE -> columns.add(Column.text("来源 Source"));
                case ROLE -> columns.add(Column.text("销项/进项 Role"));
            }
        }
        columns.add(new Column("发票数 Invoices", ColumnType.INTEGER));
        columns.add(Column.amount("金额 Amount"));
        columns.add(Column.amount("税额 Tax"));
        columns.add(Column.amount("价税合计 Total"));
        return columns;
    }

    static Object[] cells(String label, StatisticsRow row, List<StatisticsGrouping> groupBy) {
        List<Object> cells = new ArrayList<>();
        cells.add(label);
        for (StatisticsGrouping grouping : groupBy) {
            switch (grouping) {
                case STATUS -> cells.add(name(row.status()));
                case TYPE -> cells.add(row.type());
                case TAX_RATE -> cells.add(row.taxRate());
                case SELLER -> {
                    cells.add(row.sellerTaxId());
                    cells.add(row.sellerName());
                }
                case BUYER -> {
                    cells.add(row.buyerTaxId());
                    cells.add(row.buyerName());
                }
                case MONTH -> cells.add(row.month());
                case DIRECTION -> cells.add(name(row.direction()));
                case SOURCE -> cells.add(name(row.source()));
                case ROLE -> cells.add(name(row.role()));
            }
        }
        cells.add(row.count());
        cells.add(row.amount());
        cells.add(row.tax());
        cells.add(row.total());
        return cells.toArray();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String periodName(ReportPeriodInput period) {
        return switch (period.kind()) {
            case MONTH -> period.year() + "-" + String.format("%02d", period.month());
            case QUARTER -> period.year() + "-Q" + period.quarter();
            case YEAR -> String.valueOf(period.year());
            case RANGE -> period.from() + "_" + period.to();
        };
    }
}
