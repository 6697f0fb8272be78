package cn.fapiao.webhook;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepository<WebhookEndpoint> {

    /** Key space of the advisory lock that queues registrations of one organisation (V55; 7301/7302 are taken). */
    private static final int REGISTRATION_LOCK = 7355;

    /** An endpoint of the given organisation, or null: never another organisation's. */
    public Uni<WebhookEndpoint> findInOrganisation(Long organisationId, Long id) {
        return find("id = ?1 and organisationId = ?2", id, organisationId).firstResult();
    }

    public Uni<List<WebhookEndpoint>> listInOrganisation(Long organisationId) {
        return list("organisationId = ?1 order by id", organisationId);
    }

    public Uni<Long> countInOrganisation(Long organisationId) {
        return count("organisationId = ?1", organisationId);
    }

    /**
     * Queues the registrations of one organisation until the transaction ends, so that two at the
     * same time cannot both pass the limit on endpoints.
     */
    public Uni<Void> lockRegistrations(Long organisationId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select cast(pg_advisory_xact_lock(" + REGISTRATION_LOCK + ", cast(:organisation % 2147483647 as integer)) as text)")
                .setParameter("organisation", organisationId)
                .getSingleResult())
                .replaceWithVoid();
    }
}
