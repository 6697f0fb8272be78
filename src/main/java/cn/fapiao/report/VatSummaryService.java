package cn.fapiao.report;

import cn.fapiao.common.Money;
import cn.fapiao.common.ApiException;
import cn.fapiao.common.pagination.Cursor;
import cn.fapiao.common.pagination.PageInfo;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.ReportPeriod;
import cn.fapiao.domain.VatReturn;
import cn.fapiao.report.api.PeriodView;
import cn.fapiao.report.api.VatFigure;
import cn.fapiao.report.api.VatRateTax;
import cn.fapiao.report.api.VatSummary;
import cn.fapiao.report.api.VatSummaryEntry;
import cn.fapiao.report.api.VatSummaryEntryConnection;
import cn.fapiao.report.api.VatSummaryEntryEdge;
import cn.fapiao.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The monthly VAT summary of the caller's organisation (domain.md §6) and the invoices behind
 * each of its figures. The credit brought forward is computed, not asked for: every month of the
 * organisation's records before the one asked for, from its first, is added up in SQL
 * ({@link VatSummaryQueries#FLOWS}) and carried forward month by month ({@link VatReturn}).
 * Results are cached like statistics ({@link ReportCache}).
 */
@ApplicationScoped
public class VatSummaryService {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 100;
    private static final Pattern RATE = Pattern.compile("^0(\\.\\d{1,4})?$");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);

    private final Pool pool;
    private final ReportCache cache;

    public VatSummaryService(Pool pool, ReportCache cache) {
        this.pool = pool;
        this.cache = cache;
    }

    public Uni<VatSummary> summary(Caller caller, int year, int month) {
        caller.require(ReportService.REPORT_READERS);
        YearMonth period = month(year, month);
        long organisationId = caller.organisationId();
        return cache.get(new ReportCache.Key(organisationId, "vatSummary", period), () -> compute(organisationId, period));
    }

    private Uni<VatSummary> compute(long organisationId, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        Tuple upTo = Tuple.of(organisationId, next);
        Tuple within = Tuple.of(organisationId, first, next);
        return pool.preparedQuery(VatSummaryQueries.FLOWS).execute(upTo)
                .chain(flows -> pool.preparedQuery(VatSummaryQueries.MONTH_DETAIL).execute(within)
                        .chain(detail -> pool.preparedQuery(VatSummaryQueries.OUTPUT_BY_RATE).execute(within)
                                .map(rates -> summary(month, flows, detail.iterator().next(), rates))));
    }

    private static VatSummary summary(YearMonth month, RowSet<Row> flowRows, Row detail, RowSet<Row> rateRows) {
        SortedMap<YearMonth, VatReturn.Flows> flows = new TreeMap<>();
        for (Row row : flowRows) {
            flows.put(YearMonth.from(row.getLocalDate("month")),
                    new VatReturn.Flows(row.getBigDecimal("output"), row.getBigDecimal("input"), row.getBigDecimal("transferred")));
        }
        VatReturn.Flows own = flows.getOrDefault(month, new VatReturn.Flows(ZERO, ZERO, ZERO));
        VatReturn.Month figures = new VatReturn.Month(own.outputTax(), own.inputTax(), own.transferredOut(),
                VatReturn.creditBroughtForward(flows, month).setScale(2, RoundingMode.UNNECESSARY));
        List<VatRateTax> byRate = new ArrayList<>();
        for (Row row : rateRows) {
            byRate.add(new VatRateTax(row.getBigDecimal("rate"), Money.of(row.getBigDecimal("amount")), Money.of(row.getBigDecimal("tax"))));
        }
        ReportPeriod days = ReportPeriod.month(month);
        return new VatSummary(new PeriodView(days.from(), days.to()), Money.of(figures.outputTax()), Money.of(detail.getBigDecimal("special")),
                Money.of(detail.getBigDecimal("other")), byRate, Money.of(figures.inputTax()), Money.of(figures.creditBroughtForward()),
                Money.of(figures.transferredOut()), Money.of(detail.getBigDecimal("red_reversed")), Money.of(detail.getBigDecimal("flagged")),
                Money.of(figures.payable()), Money.of(figures.creditCarriedForward()),
                VatReturn.statutoryDueDate(month), VatReturn.filingDueDate(month));
    }

    /** One page of the invoices behind a figure of the month, by invoice id; a page adds up to the figure. */
    public Uni<VatSummaryEntryConnection> entries(Caller caller, int year, int month, VatFigure figure, String taxRate,
                                                  Integer first, String after) {
        caller.require(ReportService.REPORT_READERS);
        YearMonth period = month(year, month);
        List<Problem> problems = new ArrayList<>();
        BigDecimal rate = null;
        if (taxRate != null) {
            if (figure != VatFigure.OUTPUT_TAX) {
                problems.add(new Problem("taxRate", "NOT_APPLICABLE", "`taxRate` narrows OUTPUT_TAX only."));
            } else if (!RATE.matcher(taxRate.strip()).matches()) {
                problems.add(new Problem("taxRate", "INVALID_FORMAT", "A VAT rate is a fraction below 1 with at most four decimals, e.g. 0.13 or 0.015."));
            } else {
                rate = new BigDecimal(taxRate.strip());
            }
        }
        if (first != null && (first < 1 || first > MAX_PAGE)) {
            problems.add(new Problem("first", "OUT_OF_RANGE", "`first` must be between 1 and " + MAX_PAGE + "."));
        }
        String kind = "vat:" + figure + ":" + period + ":" + (rate == null ? "" : rate.stripTrailingZeros().toPlainString());
        long afterId = 0;
        if (after != null) {
            try {
                afterId = Long.parseLong(Cursor.decode(kind, after, "after"));
            } catch (ApiException | NumberFormatException e) {
                problems.add(new Problem("after", "INVALID_CURSOR", "`after` is not a cursor of this figure of this month."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        int size = first == null ? DEFAULT_PAGE : first;
        String sql = switch (figure) {
            case OUTPUT_TAX -> VatSummaryQueries.page(rate == null ? VatSummaryQueries.OUTPUT : VatSummaryQueries.OUTPUT_AT_RATE, "buyer");
            case OUTPUT_TAX_SPECIAL -> VatSummaryQueries.page(VatSummaryQueries.OUTPUT + " and i.type_code in " + VatSummaryQueries.SPECIAL, "buyer");
            case OUTPUT_TAX_OTHER -> VatSummaryQueries.page(VatSummaryQueries.OUTPUT + " and i.type_code not in " + VatSummaryQueries.SPECIAL, "buyer");
            case INPUT_TAX -> VatSummaryQueries.page("select * from (" + VatSummaryQueries.DEDUCTIONS + ") d where d.figure = 'INPUT_TAX'", "seller");
            case TRANSFERRED_OUT -> VatSummaryQueries.page("select * from (" + VatSummaryQueries.DEDUCTIONS + ") d where d.figure = 'TRANSFERRED_OUT'", "seller");
        };
        Tuple tuple = Tuple.of(caller.organisationId(), period.atDay(1), period.plusMonths(1).atDay(1), afterId, size + 1);
        if (rate != null) {
            tuple.addValue(rate);
        }
        return pool.preparedQuery(sql).execute(tuple).map(rows -> {
            List<VatSummaryEntryEdge> edges = new ArrayList<>();
            for (Row row : rows) {
                if (edges.size() == size) {
                    break;
                }
                VatSummaryEntry entry = new VatSummaryEntry(Long.toString(row.getLong("invoice_id")), row.getString("invoice_code"),
                        row.getString("invoice_number"), row.getString("type_code"), row.getLocalDate("issue_date"),
                        Direction.valueOf(row.getString("direction")), InvoiceStatus.valueOf(row.getString("status")),
                        row.getString("counterparty_tax_id"), row.getString("counterparty_name"), row.getLocalDate("counted_on"),
                        row.getString("reason"), Money.of(row.getBigDecimal("amount")), Money.of(row.getBigDecimal("tax")));
                edges.add(new VatSummaryEntryEdge(Cursor.encode(kind, entry.invoiceId()), entry));
            }
            boolean more = rows.size() > size;
            return new VatSummaryEntryConnection(edges, new PageInfo(more, after != null,
                    edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
        });
    }

    private static YearMonth month(int year, int month) {
        List<Problem> problems = new ArrayList<>();
        if (year < ReportPeriod.MIN_YEAR || year > ReportPeriod.MAX_YEAR) {
            problems.add(new Problem("year", "OUT_OF_RANGE", "The year must be between " + ReportPeriod.MIN_YEAR + " and " + ReportPeriod.MAX_YEAR + "."));
        }
        if (month < 1 || month > 12) {
            problems.add(new Problem("month", "OUT_OF_RANGE", "The month must be between 1 and 12."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return YearMonth.of(year, month);
    }
}
