package cn.fapiao.ticket.api;

import cn.fapiao.domain.TicketCategory;
import cn.fapiao.domain.TicketLevel;
import cn.fapiao.domain.TicketStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Description("A ticket in a list; open it with ticket(trackingNumber) for messages and history.")
public record TicketSummary(
        @NonNull @Id String id,
        @NonNull String trackingNumber,
        @NonNull TicketStatus status,
        @NonNull TicketCategory category,
        @NonNull TicketLevel level,
        @NonNull String subject,
        @NonNull OffsetDateTime submittedAt,
        @NonNull OffsetDateTime firstResponseDue,
        OffsetDateTime resolutionDue,
        OffsetDateTime firstRespondedAt,
        @NonNull @Description("Found late by the SLA watch.") boolean breached,
        @Description("Username of the assigned agent. Agents only.") String assignee,
        String team,
        Integer rating) {
}
