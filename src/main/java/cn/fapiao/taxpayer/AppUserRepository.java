package cn.fapiao.taxpayer;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class AppUserRepository implements PanacheRepository<AppUser> {

    public Uni<AppUser> findByUsername(String username) {
        return find("username", username).firstResult();
    }

    /** A user of the given organisation, or null: never another organisation's user. */
    public Uni<AppUser> findInOrganisation(Long organisationId, Long userId) {
        return find("id = ?1 and organisationId = ?2", userId, organisationId).firstResult();
    }

    public Uni<List<AppUser>> listInOrganisation(Long organisationId) {
        return list("organisationId = ?1 order by username", organisationId);
    }
}
