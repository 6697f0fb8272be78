package cn.fapiao.invoice;

import cn.fapiao.common.graphql.GraphQLConfig;
import cn.fapiao.common.graphql.Selections;
import cn.fapiao.domain.InvoiceSize;
import cn.fapiao.invoice.api.InvoiceView;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The lines and status history of invoices, loaded only when the request selects them.
 *
 * <p>They used to be batched field resolvers ({@code @Source List<Invoice>}). SmallRye prepares
 * its request context for every call of such a resolver, once per invoice, and together with the
 * data loader around it that was about a fifth of the server's CPU for one invoice lookup in the
 * benchmark. As plain fields they cost what reading a property costs. The price: every resolver
 * that returns invoices asks here, naming where the invoices sit in its answer. One that forgets
 * fails loudly, never silently: a selected non-null field is null, which is a GraphQL error.
 */
@ApplicationScoped
public class InvoiceDetails {

    private final InvoiceQueries queries;
    private final InvoiceCache cache;
    private final Context request;
    private final GraphQLConfig limits;

    public InvoiceDetails(InvoiceQueries queries, InvoiceCache cache, Context request, GraphQLConfig limits) {
        this.queries = queries;
        this.cache = cache;
        this.request = request;
        this.limits = limits;
    }

    /**
     * Whether the current field's answer selects lines, statusHistory or lineCount of the invoices at
     * {@code path}: "" for the field's own result, e.g. "edges/node/" inside a connection. Call it
     * as the resolver starts, on its own thread: SmallRye's request context belongs to that call.
     */
    public boolean selected(String path) {
        DataFetchingEnvironment environment = request.unwrap(DataFetchingEnvironment.class);
        return Selections.selects(environment, path + "lines") || Selections.selects(environment, path + "statusHistory")
                || Selections.selects(environment, path + "lineCount");
    }

    /**
     * A list of invoices (a page, near matches) with their lines and history when selected, each
     * showing at most {@code listed-invoice-lines} lines: the query limits count a listed invoice's
     * lines at that bound (QueryCost), so that a page's answer stays bounded.
     */
    public Uni<List<InvoiceView>> attach(List<InvoiceView> invoices, boolean selected) {
        return attach(invoices, selected, limits.listedInvoiceLines());
    }

    /** One invoice with all its lines and its history when selected. */
    public Uni<InvoiceView> attach(InvoiceView invoice, boolean selected) {
        return attach(List.of(invoice), selected, InvoiceSize.MAX_LINES).map(invoices -> invoices.get(0));
    }

    /**
     * The invoices with their lines and history when selected: one statement for all those that do
     * not carry them yet (a single lookup may have read them with the row), cached per invoice
     * whole, then capped for this answer.
     */
    private Uni<List<InvoiceView>> attach(List<InvoiceView> invoices, boolean selected, int maxLines) {
        if (!selected) {
            return Uni.createFrom().item(invoices); // whatever a lookup read along is not shown
        }
        return loaded(invoices).map(all -> all.stream()
                .map(invoice -> invoice.lines() == null ? invoice : invoice.capped(maxLines, limits.statusHistory()))
                .toList());
    }

    private Uni<List<InvoiceView>> loaded(List<InvoiceView> invoices) {
        List<Long> missing = invoices.stream().filter(invoice -> invoice.lines() == null).map(invoice -> Long.valueOf(invoice.id())).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(invoices);
        }
        return cache.detailsOf(missing, queries::detailsOf).map(details -> invoices.stream().map(invoice -> {
            if (invoice.lines() != null) {
                return invoice;
            }
            LinesAndHistory found = details.getOrDefault(Long.valueOf(invoice.id()), LinesAndHistory.NONE);
            return invoice.withDetails(found.lines(), found.history());
        }).toList());
    }
}
