package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ReplyToTicketInput")
@Description("An agent's message on a ticket (up to 10000 characters).")
public record ReplyToTicketInput(
        @NonNull @Id String id,
        @NonNull String body,
        @Description("An internal note, never shown to the submitter. Default false: a public reply.") Boolean internal,
        @Description("The reply asks the submitter for information: the ticket waits on them and its SLA clock pauses. Public replies only.") Boolean askSubmitter) {
}
