package cn.fapiao.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

/** The ticket aggregate's rows; callers open the session or transaction. */
@ApplicationScoped
public class TicketRepository implements PanacheRepository<Ticket> {

    public Uni<Ticket> byTrackingNumber(String trackingNumber) {
        return find("trackingNumber", trackingNumber).firstResult();
    }

    /** The ticket with a row lock until the transaction ends: concurrent changes of one ticket take turns. */
    public Uni<Ticket> lock(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<TicketMessage>> messages(long ticketId, boolean withInternal, int newest) {
        String query = withInternal ? "from TicketMessage where ticketId = ?1 order by id desc"
                : "from TicketMessage where ticketId = ?1 and internal = false order by id desc";
        return getSession().chain(s -> s.createSelectionQuery(query, TicketMessage.class).setParameter(1, ticketId)
                .setMaxResults(newest).getResultList()).map(TicketRepository::oldestFirst);
    }

    public Uni<List<TicketHistoryEntry>> history(long ticketId, int newest) {
        return getSession().chain(s -> s.createSelectionQuery("from TicketHistoryEntry where ticketId = ?1 order by id desc", TicketHistoryEntry.class)
                .setParameter(1, ticketId).setMaxResults(newest).getResultList()).map(TicketRepository::oldestFirst);
    }

    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> list = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(list);
        return list;
    }

    public Uni<Void> add(Object row) {
        return getSession().chain(s -> s.persist(row));
    }
}
