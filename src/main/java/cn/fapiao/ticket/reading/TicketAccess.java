package cn.fapiao.ticket.reading;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.TrackingNumber;
import cn.fapiao.security.Caller;
import cn.fapiao.ticket.DeskAccess;
import cn.fapiao.ticket.Ticket;
import cn.fapiao.ticket.TicketRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens a ticket by tracking number for whoever may see it: the desk's agents, users of the
 * ticket's organisation, and anyone with its access key. Everyone else gets TICKET_NOT_FOUND,
 * the same answer as for a number never given out, after the same work (one lookup, one hash
 * comparison). A merged ticket leads to the ticket it was merged into. Runs in the caller's session.
 */
@ApplicationScoped
public class TicketAccess {

    /** Merges chain at most this deep (each merge targets a ticket not merged itself, so one is the norm). */
    private static final int MAX_MERGE_HOPS = 5;

    private final TicketRepository tickets;
    private final DeskAccess desk;

    public TicketAccess(TicketRepository tickets, DeskAccess desk) {
        this.tickets = tickets;
        this.desk = desk;
    }

    /** A ticket the caller may see, and whether the caller sees it as an agent. */
    public record Opened(Ticket ticket, boolean agent) {
    }

    /** The canonical tracking number, or TRACKING_NUMBER_MALFORMED naming the field. */
    public static String canonical(String typed, String field) {
        return TrackingNumber.parse(typed).map(TrackingNumber::text).orElseThrow(() -> new ApiException(ErrorCode.TRACKING_NUMBER_MALFORMED, field,
                "`" + field + "` is not a tracking number of this desk (like FB-261130-00042-7): check it for a mistyped character."));
    }

    public Uni<Opened> open(Caller caller, String trackingNumber, String accessKey) {
        String number = canonical(trackingNumber, "trackingNumber");
        String key = accessKey != null && accessKey.length() > AccessKeys.MAX_LENGTH ? null : accessKey;
        return desk.isAgent(caller).chain(agent -> tickets.byTrackingNumber(number).chain(ticket -> {
            boolean keyFits = AccessKeys.matches(key, ticket == null ? null : ticket.accessKeyHash);
            boolean ownOrganisation = ticket != null && ticket.organisationId != null && caller.organisationId() != null
                    && caller.isAuthenticated() && ticket.organisationId.equals(caller.organisationId());
            if (ticket == null || !(agent || keyFits || ownOrganisation)) {
                return Uni.createFrom().failure(notFound());
            }
            return survivor(ticket, 0).map(survivor -> new Opened(survivor, agent));
        }));
    }

    /** An agent opens a ticket by id (the desk sees every ticket); merged ones are not followed. */
    public Uni<Ticket> lockForAgent(String id) {
        long ticketId = parseId(id);
        return tickets.lock(ticketId).onItem().ifNull().failWith(TicketAccess::notFound);
    }

    public static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    private Uni<Ticket> survivor(Ticket ticket, int hops) {
        if (ticket.mergedIntoId == null || hops >= MAX_MERGE_HOPS) {
            return Uni.createFrom().item(ticket);
        }
        return tickets.findById(ticket.mergedIntoId).chain(next -> next == null ? Uni.createFrom().item(ticket) : survivor(next, hops + 1));
    }

    public static ApiException notFound() {
        return new ApiException(ErrorCode.TICKET_NOT_FOUND, "trackingNumber",
                "No ticket with this tracking number and access key: check both, or log in as a user of the ticket's organisation.");
    }
}
