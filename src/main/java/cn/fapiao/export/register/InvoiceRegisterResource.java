package cn.fapiao.export.register;

import cn.fapiao.export.link.DownloadConfig;
import cn.fapiao.invoice.InvoiceDetails;
import cn.fapiao.invoice.InvoiceSearch;
import cn.fapiao.invoice.InvoiceService;
import cn.fapiao.common.graphql.Selections;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import cn.fapiao.invoice.api.InvoiceConnection;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.invoice.api.InvoiceOrder;
import cn.fapiao.export.register.api.InvoiceRegisterInput;
import cn.fapiao.security.CallerContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * The invoice register as GraphQL pages: the invoice list over one period in issue order, with
 * the register's period rules. The same rows as the CSV/XLSX download, for clients that page.
 */
@GraphQLApi
public class InvoiceRegisterResource {

    private final InvoiceSearch search;
    private final InvoiceDetails details;
    private final CallerContext callers;
    private final DownloadConfig config;
    private final Context request;

    public InvoiceRegisterResource(InvoiceSearch search, InvoiceDetails details, CallerContext callers, DownloadConfig config, Context request) {
        this.request = request;
        this.search = search;
        this.details = details;
        this.callers = callers;
        this.config = config;
    }

    @Query("invoiceRegister")
    @Description("The invoice register (发票清单): every invoice the caller's organisation issued or received in a period (Asia/Shanghai days; at most "
            + "`fapiao.downloads.register-max-days` days: 366 by default) oldest first; select `lines` for its lines. Paged forwards; "
            + "`createDownloadLink` gives the whole register as one CSV or XLSX file. Roles: ISSUER, ACCOUNTANT, AUDITOR, PARTNER, ADMIN. "
            + "Errors: VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN.")
    public Uni<@NonNull InvoiceConnection> invoiceRegister(
            @Name("input") @NonNull InvoiceRegisterInput input,
            @Name("first") @Description("Page size, 1-100, default 20.") Integer first,
            @Name("after") @Description("Cursor of the last invoice of the previous page.") String after) {
        boolean withDetails = details.selected("edges/node/");
        boolean withCount = Selections.selects(request.unwrap(DataFetchingEnvironment.class), "totalCount");
        return callers.current().chain(caller -> {
            caller.require(InvoiceService.READERS);
            RegisterPeriod period = RegisterPeriod.of(input.from(), input.to(), config.registerMaxDays(), "input");
            InvoiceFilter filter = new InvoiceFilter(null, null, null, period.from(), period.to(), null, null, null, null, null, null, null,
                    input.side());
            return search.page(caller, filter, InvoiceOrder.ISSUE_DATE_ASC, first, after, null, null, withCount);
        }).chain(page -> details.attach(page.nodes(), withDetails).map(page::withNodes));
    }
}
