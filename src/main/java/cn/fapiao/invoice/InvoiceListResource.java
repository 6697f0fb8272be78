package cn.fapiao.invoice;

import cn.fapiao.common.graphql.Selections;
import cn.fapiao.invoice.api.InvoiceConnection;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.invoice.api.InvoiceOrder;
import cn.fapiao.security.CallerContext;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The invoice list query (its total count is read with the page when selected). */
@GraphQLApi
public class InvoiceListResource {

    private final InvoiceSearch search;
    private final InvoiceDetails details;
    private final CallerContext callers;
    private final Context request;

    public InvoiceListResource(InvoiceSearch search, InvoiceDetails details, CallerContext callers, Context request) {
        this.search = search;
        this.details = details;
        this.callers = callers;
        this.request = request;
    }

    @Query
    @Description("The invoices the caller's organisation issued or received, filtered and paged (Relay: `first`/`after` forwards, "
            + "`last`/`before` backwards). Roles: ISSUER, ACCOUNTANT, AUDITOR, PARTNER, ADMIN. Errors: VALIDATION_FAILED "
            + "(bad filter, page size outside 1-100, `first` with `last`, a cursor of another order), UNAUTHENTICATED, FORBIDDEN.")
    public Uni<@NonNull InvoiceConnection> invoices(
            @Name("filter") @Description("Conditions the invoices must meet; all invoices when absent.") InvoiceFilter filter,
            @Name("orderBy") @Description("Order of the list; ISSUE_DATE_DESC when absent.") InvoiceOrder orderBy,
            @Name("first") @Description("Page size forwards, 1-100, default 20.") Integer first,
            @Name("after") @Description("Cursor of the last invoice of the previous page (same `orderBy`).") String after,
            @Name("last") @Description("Page size backwards, 1-100, default 20.") Integer last,
            @Name("before") @Description("Cursor of the first invoice of the next page (same `orderBy`).") String before) {
        boolean withDetails = details.selected("edges/node/");
        boolean withCount = Selections.selects(request.unwrap(DataFetchingEnvironment.class), "totalCount");
        return callers.current().chain(caller -> search.page(caller, filter, orderBy, first, after, last, before, withCount))
                .chain(page -> details.attach(page.nodes(), withDetails).map(page::withNodes));
    }
}
