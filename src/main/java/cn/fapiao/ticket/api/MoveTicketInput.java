package cn.fapiao.ticket.api;

import cn.fapiao.domain.TicketAction;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MoveTicketInput")
@Description("An agent moves a ticket through its workflow.")
public record MoveTicketInput(
        @NonNull @Id String id,
        @NonNull @Description("ACKNOWLEDGE, START_WORK, ASK_SUBMITTER, RESOLVE, CLOSE or REOPEN (merging has mergeTicket, the submitter's answer answerTicket).") TicketAction action,
        @Description("Why, kept in the history (up to 1000 characters).") String reason) {
}
