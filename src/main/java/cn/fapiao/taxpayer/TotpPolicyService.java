package cn.fapiao.taxpayer;

import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.List;

/**
 * Which roles of an organisation must log in with a second factor. Checked at login: sessions
 * already open go on until they end, and their users are asked to enrol at their next login.
 */
@ApplicationScoped
public class TotpPolicyService {

    private final OrganisationRepository organisations;

    public TotpPolicyService(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    public Uni<Organisation> get(Caller caller) {
        caller.require(Role.ADMIN);
        return Panache.withSession(() -> organisations.findById(caller.organisationId()));
    }

    public Uni<Organisation> set(Caller caller, List<Role> requiredForRoles) {
        caller.require(Role.ADMIN);
        EnumSet<Role> roles = requiredForRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(requiredForRoles);
        return Panache.withTransaction(() -> organisations.findById(caller.organisationId()).invoke(organisation -> organisation.setTotpRequiredRoles(roles)));
    }
}
