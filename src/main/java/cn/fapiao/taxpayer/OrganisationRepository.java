package cn.fapiao.taxpayer;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepository<Organisation> {

    public Uni<Organisation> findByUscc(String uscc) {
        return find("uscc", uscc).firstResult();
    }
}
