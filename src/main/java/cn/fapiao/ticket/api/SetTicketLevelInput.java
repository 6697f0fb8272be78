package cn.fapiao.ticket.api;

import cn.fapiao.domain.TicketLevel;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SetTicketLevelInput")
@Description("An agent changes a ticket's response level; its due times follow the new level.")
public record SetTicketLevelInput(
        @NonNull @Id String id,
        @NonNull TicketLevel level,
        @NonNull @Description("Why, kept in the history (up to 1000 characters).") String reason) {
}
