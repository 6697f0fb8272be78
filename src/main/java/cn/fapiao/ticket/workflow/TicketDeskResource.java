package cn.fapiao.ticket.workflow;

import cn.fapiao.security.CallerContext;
import cn.fapiao.ticket.api.AssignTicketInput;
import cn.fapiao.ticket.api.MergeTicketInput;
import cn.fapiao.ticket.api.MoveTicketInput;
import cn.fapiao.ticket.api.ReplyToTicketInput;
import cn.fapiao.ticket.api.SetTicketLevelInput;
import cn.fapiao.ticket.api.TicketConnection;
import cn.fapiao.ticket.api.TicketFilter;
import cn.fapiao.ticket.api.TicketView;
import cn.fapiao.ticket.reading.TicketList;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The agents' side of the feedback desk (and the ticket list, which users of an organisation see for their own tickets). */
@GraphQLApi
public class TicketDeskResource {

    private final TicketWork work;
    private final TicketList list;
    private final CallerContext callers;

    public TicketDeskResource(TicketWork work, TicketList list, CallerContext callers) {
        this.work = work;
        this.list = list;
        this.callers = callers;
    }

    @Query("tickets")
    @Description("Tickets newest first, filtered and paged (Relay: `first`/`after`). The desk's agents see every ticket; other users their organisation's. "
            + "Any logged-in user. Errors: VALIDATION_FAILED, UNAUTHENTICATED.")
    public Uni<@NonNull TicketConnection> tickets(@Name("filter") TicketFilter filter,
                                                  @Name("first") @Description("Page size, 1-100, default 20.") Integer first,
                                                  @Name("after") @Description("Cursor of the last ticket of the previous page.") String after) {
        return callers.current().chain(caller -> list.page(caller, filter, first, after));
    }

    @Mutation("moveTicket")
    @Description("Moves a ticket through its workflow. Role: SUPPORT_AGENT of the desk. "
            + "Errors: VALIDATION_FAILED, TICKET_NOT_FOUND, TICKET_TRANSITION_NOT_ALLOWED, TICKET_REOPEN_WINDOW_OVER, FORBIDDEN.")
    public Uni<@NonNull TicketView> moveTicket(@Name("input") @NonNull MoveTicketInput input) {
        return callers.current().chain(caller -> work.move(caller, input));
    }

    @Mutation("replyToTicket")
    @Description("A public reply (the first one meets the first-response target) or an internal note; a reply may ask the submitter for information. "
            + "Role: SUPPORT_AGENT of the desk. Errors: VALIDATION_FAILED, TICKET_NOT_FOUND, TICKET_TRANSITION_NOT_ALLOWED, FORBIDDEN.")
    public Uni<@NonNull TicketView> replyToTicket(@Name("input") @NonNull ReplyToTicketInput input) {
        return callers.current().chain(caller -> work.reply(caller, input));
    }

    @Mutation("assignTicket")
    @Description("Assigns a ticket to an agent of the desk and/or a team. Role: SUPPORT_AGENT of the desk. Errors: VALIDATION_FAILED, TICKET_NOT_FOUND, FORBIDDEN.")
    public Uni<@NonNull TicketView> assignTicket(@Name("input") @NonNull AssignTicketInput input) {
        return callers.current().chain(caller -> work.assign(caller, input));
    }

    @Mutation("setTicketLevel")
    @Description("Changes a ticket's response level with a reason; its due times follow. Role: SUPPORT_AGENT of the desk. "
            + "Errors: VALIDATION_FAILED, TICKET_NOT_FOUND, FORBIDDEN.")
    public Uni<@NonNull TicketView> setTicketLevel(@Name("input") @NonNull SetTicketLevelInput input) {
        return callers.current().chain(caller -> work.setLevel(caller, input));
    }

    @Mutation("mergeTicket")
    @Description("Merges a duplicate into another ticket; the duplicate's tracking number and key lead to the survivor. Role: SUPPORT_AGENT of the desk. "
            + "Errors: TICKET_NOT_FOUND, TICKET_MERGE_NOT_ALLOWED, TICKET_TRANSITION_NOT_ALLOWED, FORBIDDEN.")
    public Uni<@NonNull TicketView> mergeTicket(@Name("input") @NonNull MergeTicketInput input) {
        return callers.current().chain(caller -> work.merge(caller, input));
    }
}
