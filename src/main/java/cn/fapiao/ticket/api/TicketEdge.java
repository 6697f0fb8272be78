package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One ticket of the list and its cursor.")
public record TicketEdge(
        @NonNull @Description("Opaque cursor of this ticket, for `after`.") String cursor,
        @NonNull TicketSummary node) {
}
