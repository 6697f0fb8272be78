package cn.fapiao.report;

import cn.fapiao.report.api.InvoiceStatistics;
import cn.fapiao.report.api.StatisticsInput;
import cn.fapiao.report.api.VatFigure;
import cn.fapiao.report.api.VatSummary;
import cn.fapiao.report.api.VatSummaryEntryConnection;
import cn.fapiao.security.CallerContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Reports of the caller's organisation: invoice statistics and the monthly VAT summary. */
@GraphQLApi
public class ReportResource {

    private final ReportService reports;
    private final VatSummaryService vat;
    private final CallerContext callers;

    public ReportResource(ReportService reports, VatSummaryService vat, CallerContext callers) {
        this.reports = reports;
        this.vat = vat;
        this.callers = callers;
    }

    @Query("invoiceStatistics")
    @Description("Count, amount, tax and total of the invoices the caller's organisation issued or received in a period, "
            + "narrowed by the invoice list's filter and grouped as asked, with the totals. Voided invoices are counted but add "
            + "no amounts; red invoices add negative amounts in their own month of issue. A period covers at most 366 days. "
            + "Roles: ACCOUNTANT, AUDITOR. Errors: VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN.")
    public Uni<@NonNull InvoiceStatistics> invoiceStatistics(@Name("input") @NonNull StatisticsInput input) {
        return callers.current().chain(caller -> reports.statistics(caller, input));
    }

    @Query("vatSummary")
    @Description("The monthly VAT summary of the caller's organisation: output tax by rate and by special and other invoices, "
            + "input tax confirmed in the month, input tax transferred out, credit brought and carried forward, payable, and the "
            + "filing due date. Roles: ACCOUNTANT, AUDITOR. Errors: VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN.")
    public Uni<@NonNull VatSummary> vatSummary(@Name("year") @NonNull int year,
                                               @Name("month") @Description("1-12.") @NonNull int month) {
        return callers.current().chain(caller -> vat.summary(caller, year, month));
    }

    @Query("vatSummaryInvoices")
    @Description("The invoices behind one figure of `vatSummary` with what each adds to it, paged by invoice id. "
            + "Roles: ACCOUNTANT, AUDITOR. Errors: VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN.")
    public Uni<@NonNull VatSummaryEntryConnection> vatSummaryInvoices(
            @Name("year") @NonNull int year,
            @Name("month") @Description("1-12.") @NonNull int month,
            @Name("figure") @NonNull VatFigure figure,
            @Name("taxRate") @Description("For OUTPUT_TAX: only the lines at this rate, e.g. `0.13`.") String taxRate,
            @Name("first") @Description("Page size, 1-100, default 50.") Integer first,
            @Name("after") @Description("endCursor of the previous page.") String after) {
        return callers.current().chain(caller -> vat.entries(caller, year, month, figure, taxRate, first, after));
    }
}
