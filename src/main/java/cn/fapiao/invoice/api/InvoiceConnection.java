package cn.fapiao.invoice.api;

import cn.fapiao.common.pagination.PageInfo;
import cn.fapiao.security.Caller;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A page of the invoice list. It also remembers who asked and with which filter, so that
 * {@code totalCount} (a separate field resolver) counts the same set, and only when selected;
 * usually the count was read with the page already.
 * That state has no getter and so never appears in the schema.
 */
@Description("A page of the invoices the caller's organisation issued or received (Relay connection).")
public class InvoiceConnection {

    private final List<InvoiceEdge> edges;
    private final PageInfo pageInfo;
    private final Caller caller;
    private final InvoiceFilter filter;
    private final Integer countedWithPage;

    /** countedWithPage: the total count when it was read with the page, else null. */
    public InvoiceConnection(List<InvoiceEdge> edges, PageInfo pageInfo, Caller caller, InvoiceFilter filter, Integer countedWithPage) {
        this.edges = List.copyOf(edges);
        this.pageInfo = pageInfo;
        this.caller = caller;
        this.filter = filter;
        this.countedWithPage = countedWithPage;
    }

    public @NonNull List<@NonNull InvoiceEdge> getEdges() {
        return edges;
    }

    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
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
        return new InvoiceConnection(replaced, pageInfo, caller, filter, countedWithPage);
    }

    /** The total count read with the page, or null when it was not (then count with {@link #countWith}). */
    public Integer countedWithPage() {
        return countedWithPage;
    }

    /** Runs a count over the same caller and filter as this page. */
    public <T> T countWith(BiFunction<Caller, InvoiceFilter, T> counter) {
        return counter.apply(caller, filter);
    }
}
