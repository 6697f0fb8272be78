package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RateTicketInput")
@Description("The submitter's rating of a resolved ticket, once: 1 (bad) to 5 (good), and a comment up to 2000 characters.")
public record RateTicketInput(
        @NonNull String trackingNumber,
        String accessKey,
        @NonNull int rating,
        String comment) {
}
