package cn.fapiao.ticket.api;

import cn.fapiao.common.pagination.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("A page of tickets, newest first (Relay connection).")
public record TicketConnection(
        @NonNull List<@NonNull TicketEdge> edges,
        @NonNull PageInfo pageInfo) {
}
