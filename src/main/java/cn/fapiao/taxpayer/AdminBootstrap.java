package cn.fapiao.taxpayer;

import cn.fapiao.domain.Regions;
import cn.fapiao.domain.TaxIdValidation;
import cn.fapiao.domain.TaxIdValidator;
import cn.fapiao.security.PasswordHasher;
import cn.fapiao.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.EnumSet;

/** Creates the configured first organisation and admin at start-up, once (see {@link BootstrapConfig}). */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final BootstrapConfig config;
    private final OrganisationRepository organisations;
    private final AppUserRepository users;
    private final PasswordHasher passwords;

    public AdminBootstrap(BootstrapConfig config, OrganisationRepository organisations, AppUserRepository users, PasswordHasher passwords) {
        this.config = config;
        this.organisations = organisations;
        this.users = users;
        this.passwords = passwords;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        if (config.adminUsername().isEmpty()) {
            return;
        }
        String uscc = config.organisationUscc().orElseThrow(() -> new IllegalStateException("fapiao.bootstrap.organisation-uscc is required with fapiao.bootstrap.admin-username"));
        TaxIdValidation validation = TaxIdValidator.validate(uscc);
        if (!validation.valid()) {
            throw new IllegalStateException("fapiao.bootstrap.organisation-uscc is not a valid taxpayer ID: " + validation.problems().get(0).message());
        }
        String password = config.adminPassword().filter(p -> p.length() >= 10)
                .orElseThrow(() -> new IllegalStateException("fapiao.bootstrap.admin-password (at least 10 characters) is required with fapiao.bootstrap.admin-username"));
        String username = config.adminUsername().get().strip();
        VertxContextSupport.subscribeAndAwait(() -> passwords.hash(password).chain(hash -> Panache.withTransaction(() ->
                users.findByUsername(username).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                        : organisation(validation).chain(organisation -> {
                            AppUser admin = new AppUser();
                            admin.organisationId = organisation.id;
                            admin.username = username;
                            admin.displayName = "Administrator";
                            admin.passwordHash = hash;
                            admin.setRoles(EnumSet.of(Role.ADMIN));
                            LOG.infof("Bootstrap: created admin %s of organisation %s", username, organisation.uscc);
                            return users.persist(admin).replaceWithVoid();
                        })))));
    }

    private Uni<Organisation> organisation(TaxIdValidation validation) {
        return organisations.findByUscc(validation.taxId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            Organisation organisation = new Organisation();
            organisation.uscc = validation.taxId();
            organisation.name = config.organisationName().orElse(validation.taxId());
            organisation.regionCode = validation.region() == null ? "1100" : Regions.routingCode(validation.region().code());
            return organisations.persist(organisation);
        });
    }
}
