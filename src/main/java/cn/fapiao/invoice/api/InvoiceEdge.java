package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One invoice of the list and its cursor.")
public record InvoiceEdge(
        @NonNull @Description("Opaque cursor of this invoice, for `after` / `before` with the same `orderBy`.") String cursor,
        @NonNull @Description("The invoice.") InvoiceView node) {
}
