package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AssignTicketInput")
@Description("Assigns a ticket to an agent of the desk, a team, or both; null clears.")
public record AssignTicketInput(
        @NonNull @Id String id,
        @Id @Description("User id of a SUPPORT_AGENT of the desk's organisation.") String assigneeId,
        @Description("Team name, up to 64 characters.") String team) {
}
