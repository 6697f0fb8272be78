package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A submitted ticket: its tracking number and, for anonymous submitters, the access key to follow it.")
public record SubmittedFeedback(
        @NonNull @Description("The ticket's tracking number, e.g. FB-261130-00042-7.") String trackingNumber,
        @Description("Anonymous submissions only: the secret that opens the ticket with its tracking number. Shown this once and stored only as a hash: keep it.") String accessKey,
        @NonNull TicketView ticket) {
}
