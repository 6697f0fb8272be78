package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Description("One change of a ticket: who, when, from, to, why.")
public record TicketHistoryView(
        @NonNull OffsetDateTime at,
        @NonNull @Description("SUBMITTER, AGENT or SYSTEM.") String actor,
        @Description("The agent's username.") String actorName,
        @NonNull @Description("SUBMITTED, STATUS, LEVEL, ASSIGNMENT, BREACHED, ESCALATED, RATED, MERGED or LEAD_REVIEW.") String change,
        String from,
        String to,
        String reason) {
}
