package cn.fapiao.security;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.security.crypto.Totp;
import cn.fapiao.taxpayer.AppUser;
import cn.fapiao.taxpayer.AppUserRepository;
import cn.fapiao.taxpayer.OrganisationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The second factor: a user starts enrolment (gets a secret and an otpauth URI for the
 * authenticator app), proves it with a first code, and from then on logs in with codes.
 * Starting and switching off need the password again, so that a stolen access token cannot
 * put its own device on the account (and lock the user out) or remove the factor. A user whose
 * organisation requires a factor has no access token yet: they name themselves with username
 * and password instead.
 */
@ApplicationScoped
public class TotpEnrolmentService {

    private final AppUserRepository users;
    private final OrganisationRepository organisations;
    private final PasswordCheck passwords;
    private final TotpSecrets secrets;
    private final AuthConfig config;
    private final SecureRandom random = new SecureRandom();

    public TotpEnrolmentService(AppUserRepository users, OrganisationRepository organisations, PasswordCheck passwords,
                                TotpSecrets secrets, AuthConfig config) {
        this.users = users;
        this.organisations = organisations;
        this.passwords = passwords;
        this.secrets = secrets;
        this.config = config;
    }

    public record Enrolment(String secret, String otpauthUri) {
    }

    /** Who proves themselves: the caller of an access token, else whoever {@code username} names. */
    public record Claimant(Caller caller, String username, String password, String clientAddress) {
    }

    /** Starts (or restarts) enrolment; the factor is not required until {@link #confirm} succeeds. */
    public Uni<Enrolment> start(Claimant claimant) {
        return provenUser(claimant).chain(proven -> Panache.withTransaction(() -> users.findById(proven.id).map(user -> {
            if (user.totpEnabled) {
                throw new ApiException(ErrorCode.TOTP_ALREADY_ENABLED, "A one-time password is already set up; disable it first to enrol a new device.", null, List.of(), Map.of());
            }
            String secret = Totp.newSecret(random);
            secrets.seal(user, secret);
            return new Enrolment(secret, Totp.otpauthUri(config.totpIssuer(), user.username, secret));
        })));
    }

    /**
     * Switches the started enrolment on. With an access token the code alone proves it (only who
     * started the enrolment, with the password, knows the secret); without, username and password.
     */
    public Uni<Boolean> confirm(Claimant claimant, String code) {
        Uni<AppUser> who = claimant.caller().isAuthenticated() ? Panache.withSession(() -> ownUser(claimant.caller())) : provenUser(claimant);
        return who.chain(proven -> Panache.withTransaction(() -> users.findById(proven.id).map(user -> {
            if (user.totpSecret == null || user.totpEnabled) {
                throw new ApiException(ErrorCode.TOTP_NOT_ENROLLED, "Start with enrolTotp.", null, List.of(), Map.of());
            }
            acceptCode(user, code);
            user.totpEnabled = true;
            return true;
        })));
    }

    /** Switches the factor off, proven with the password and a current code; not where the organisation requires it. */
    public Uni<Boolean> disable(Claimant claimant, String code) {
        claimant.caller().requireAuthenticated();
        return provenUser(claimant).chain(proven -> Panache.withTransaction(() -> users.findById(proven.id)
                .chain(user -> organisations.findById(user.organisationId).map(organisation -> {
                    if (!user.totpEnabled) {
                        return false;
                    }
                    if (organisation.requiresTotp(user.roleSet())) {
                        throw new ApiException(ErrorCode.TOTP_REQUIRED_BY_POLICY, "code",
                                "Your organisation requires a one-time password for your role; an admin can reset it if the device is lost.");
                    }
                    acceptCode(user, code);
                    user.totpEnabled = false;
                    user.totpSecret = null;
                    return true;
                }))));
    }

    /** The user the claimant names, once the password is proven (counted like a login). */
    private Uni<AppUser> provenUser(Claimant claimant) {
        Caller caller = claimant.caller();
        Uni<AppUser> named;
        String username;
        if (caller.isAuthenticated()) {
            named = Panache.withSession(() -> ownUser(caller));
            username = caller.username();
        } else {
            username = claimant.username() == null ? "" : claimant.username().strip();
            if (username.isEmpty() || username.length() > 64) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.UNAUTHENTICATED, "username",
                        "Log in first, or name the account with username and password."));
            }
            named = Panache.withSession(() -> users.findByUsername(username));
        }
        return named.chain(user -> passwords.verify(username, user, claimant.password(), claimant.clientAddress(), "password"));
    }

    private void acceptCode(AppUser user, String code) {
        OptionalLong step = code == null ? OptionalLong.empty() : Totp.verify(secrets.reveal(user), code.strip(), Instant.now());
        if (step.isEmpty() || (user.totpLastStep != null && step.getAsLong() <= user.totpLastStep)) {
            throw new ApiException(ErrorCode.INVALID_OTP, "The one-time password is wrong, expired or already used.", "code", List.of(), Map.of());
        }
        user.totpLastStep = step.getAsLong();
    }

    private Uni<AppUser> ownUser(Caller caller) {
        caller.requireAuthenticated();
        if (caller.userId() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Accounts of the external identity provider set up their second factor there.");
        }
        return users.findInOrganisation(caller.organisationId(), caller.userId()).map(user -> {
            if (user == null || !user.active) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "This account no longer exists or is disabled.");
            }
            return user;
        });
    }
}
