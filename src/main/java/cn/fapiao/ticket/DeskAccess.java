package cn.fapiao.ticket;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import cn.fapiao.taxpayer.OrganisationDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who works the feedback desk: SUPPORT_AGENT users of the desk's organisation
 * ({@code fapiao.support.desk-organisation}). Tickets come from every organisation and from
 * anonymous submitters, so an agent of any other organisation reading them would read strangers'
 * tickets; those agents are ordinary submitters here.
 */
@ApplicationScoped
public class DeskAccess {

    private final SupportConfig config;
    private final OrganisationDirectory organisations;
    private volatile Long deskId;

    public DeskAccess(SupportConfig config, OrganisationDirectory organisations) {
        this.config = config;
        this.organisations = organisations;
    }

    /** Whether the caller works the desk (false for anonymous callers). */
    public Uni<Boolean> isAgent(Caller caller) {
        return caller.hasAnyRole(Role.SUPPORT_AGENT) ? inDeskOrganisation(caller) : Uni.createFrom().item(false);
    }

    /**
     * UNAUTHENTICATED, FORBIDDEN without one of the roles, FORBIDDEN for holders of them in other
     * organisations: what the desk keeps for itself (its calendar) is not another organisation's to change.
     */
    public Uni<Caller> requireDeskRole(Caller caller, Role... anyOf) {
        caller.require(anyOf);
        return inDeskOrganisation(caller).map(member -> {
            if (!member) {
                throw new ApiException(ErrorCode.FORBIDDEN, "Only the feedback desk's organisation may do this.");
            }
            return caller;
        });
    }

    private Uni<Boolean> inDeskOrganisation(Caller caller) {
        if (!caller.isAuthenticated() || caller.organisationId() == null || config.deskOrganisation().isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Long known = deskId;
        if (known != null) {
            return Uni.createFrom().item(caller.organisationId().equals(known));
        }
        return organisations.idByUscc(config.deskOrganisation().get()).map(desk -> {
            // An organisation keeps its id for good: remembered once it exists (every desk request asked for it).
            deskId = desk;
            return caller.organisationId().equals(desk);
        });
    }

    /** UNAUTHENTICATED, FORBIDDEN for other roles, FORBIDDEN for agents of other organisations. */
    public Uni<Caller> requireAgent(Caller caller) {
        caller.require(Role.SUPPORT_AGENT);
        return isAgent(caller).map(agent -> {
            if (!agent) {
                throw new ApiException(ErrorCode.FORBIDDEN, "Only the agents of the feedback desk's organisation work tickets.");
            }
            return caller;
        });
    }
}
