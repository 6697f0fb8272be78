package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Description("A message on a ticket.")
public record TicketMessageView(
        @NonNull @Id String id,
        @NonNull @Description("SUBMITTER, AGENT or SYSTEM.") String author,
        @Description("The agent's username. Agents only.") String authorName,
        @NonNull @Description("An internal note: only agents ever see these.") boolean internal,
        @NonNull String body,
        @NonNull OffsetDateTime createdAt) {
}
