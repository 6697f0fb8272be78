package cn.fapiao.invoice.api;

import cn.fapiao.common.pagination.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of the invoice list. {@code totalCount} is read in the page's statement when the request
 * selects it (InvoiceListResource asks the document); otherwise it stays null and is never resolved.
 */
@Description("A page of the invoices the caller's organisation issued or received (Relay connection).")
public class InvoiceConnection {

    private final List<InvoiceEdge> edges;
    private final PageInfo pageInfo;
    private final Integer totalCount;

    /** totalCount: null when the request does not select it. */
    public InvoiceConnection(List<InvoiceEdge> edges, PageInfo pageInfo, Integer totalCount) {
        this.edges = List.copyOf(edges);
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
    }

    @Description("The invoices of this page in the requested order, each with its cursor.")
    public @NonNull List<@NonNull InvoiceEdge> getEdges() {
        return edges;
    }

    @Description("Whether there are more pages, and the cursors to ask for them.")
    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }

    @Description("How many invoices match the filter in all pages together. Counted only when selected.")
    public @NonNull Integer getTotalCount() {
        return totalCount;
    }

    /** The invoices of this page, in order. */
    public List<InvoiceView> nodes() {
        return edges.stream().map(InvoiceEdge::node).toList();
    }

    /** The same page with these invoices (the same ones, in the same order, with more detail). */
    public InvoiceConnection withNodes(List<InvoiceView> nodes) {
        List<InvoiceEdge> replaced = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            replaced.add(new InvoiceEdge(edges.get(i).cursor(), nodes.get(i)));
        }
        return new InvoiceConnection(replaced, pageInfo, totalCount);
    }
}
