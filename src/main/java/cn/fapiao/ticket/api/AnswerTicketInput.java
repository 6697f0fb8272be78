package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AnswerTicketInput")
@Description("The submitter's message on their ticket (up to 10000 characters): answers a question of the desk (the SLA clock runs again) or, within 7 days of resolution, reopens it.")
public record AnswerTicketInput(
        @NonNull String trackingNumber,
        @Description("The access key of an anonymous ticket; logged-in users of the ticket's organisation need none.") String accessKey,
        @NonNull String body) {
}
