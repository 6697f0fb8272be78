package cn.fapiao.ticket;

import cn.fapiao.domain.TicketStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.graphql.JsonProviderHolder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;

/**
 * The one place a ticket change becomes an event ({@code event_outbox}, kind {@code ticket.updated}),
 * inserted in the transaction of the change so that a rolled-back change announces nothing. The
 * payload names the change and the statuses, never a message's text: an internal note is only
 * {@code public: false}.
 */
@ApplicationScoped
public class TicketEvents {

    public static final String KIND = "ticket.updated";

    private static final String INSERT = "insert into event_outbox (kind, subject_id, organisation_ids, data) "
            + "values (?1, ?2, case when ?3 < 0 then '{}'::bigint[] else array[?3]::bigint[] end, cast(cast(?4 as text) as jsonb))";

    /**
     * Records one change of {@code ticket} in the current Panache transaction.
     *
     * @param change             what happened, e.g. {@code created}, {@code status}, {@code reply}, {@code note}
     * @param visibleToSubmitter whether the submitter sees the change (false for internal notes, assignment, level)
     */
    public Uni<Void> record(Ticket ticket, String change, TicketStatus from, TicketStatus to, Instant at, boolean visibleToSubmitter) {
        JsonObjectBuilder data = JsonProviderHolder.JSON_PROVIDER.createObjectBuilder()
                .add("trackingNumber", ticket.trackingNumber)
                .add("change", change)
                .add("to", to.name())
                .add("at", at.toString())
                .add("public", visibleToSubmitter);
        if (from == null) {
            data.addNull("from");
        } else {
            data.add("from", from.name());
        }
        long organisation = ticket.organisationId == null ? -1 : ticket.organisationId;
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, KIND).setParameter(2, ticket.id).setParameter(3, organisation)
                .setParameter(4, data.build().toString()).executeUpdate()).replaceWithVoid();
    }
}
