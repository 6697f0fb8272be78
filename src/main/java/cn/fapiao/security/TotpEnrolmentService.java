package cn.fapiao.security;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.security.crypto.Totp;
import cn.fapiao.taxpayer.AppUser;
import cn.fapiao.taxpayer.AppUserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The optional second factor: a user starts enrolment (gets a secret and an otpauth URI for
 * the authenticator app), proves it with a first code, and from then on logs in with codes.
 */
@ApplicationScoped
public class TotpEnrolmentService {

    private final AppUserRepository users;
    private final TotpSecrets secrets;
    private final AuthConfig config;
    private final SecureRandom random = new SecureRandom();

    public TotpEnrolmentService(AppUserRepository users, TotpSecrets secrets, AuthConfig config) {
        this.users = users;
        this.secrets = secrets;
        this.config = config;
    }

    public record Enrolment(String secret, String otpauthUri) {
    }

    /** Starts (or restarts) enrolment; the factor is not required until {@link #confirm} succeeds. */
    public Uni<Enrolment> start(Caller caller) {
        caller.requireAuthenticated();
        return Panache.withTransaction(() -> ownUser(caller).map(user -> {
            if (user.totpEnabled) {
                throw new ApiException(ErrorCode.TOTP_ALREADY_ENABLED, "A one-time password is already set up; disable it first to enrol a new device.", null, List.of(), Map.of());
            }
            String secret = Totp.newSecret(random);
            secrets.seal(user, secret);
            return new Enrolment(secret, Totp.otpauthUri(config.totpIssuer(), user.username, secret));
        }));
    }

    public Uni<Boolean> confirm(Caller caller, String code) {
        caller.requireAuthenticated();
        return Panache.withTransaction(() -> ownUser(caller).map(user -> {
            if (user.totpSecret == null) {
                throw new ApiException(ErrorCode.TOTP_NOT_ENROLLED, "Start with enrolTotp.", null, List.of(), Map.of());
            }
            acceptCode(user, code);
            user.totpEnabled = true;
            return true;
        }));
    }

    public Uni<Boolean> disable(Caller caller, String code) {
        caller.requireAuthenticated();
        return Panache.withTransaction(() -> ownUser(caller).map(user -> {
            if (!user.totpEnabled) {
                return false;
            }
            acceptCode(user, code);
            user.totpEnabled = false;
            user.totpSecret = null;
            return true;
        }));
    }

    private void acceptCode(AppUser user, String code) {
        OptionalLong step = code == null ? OptionalLong.empty() : Totp.verify(secrets.reveal(user), code.strip(), Instant.now());
        if (step.isEmpty() || (user.totpLastStep != null && step.getAsLong() <= user.totpLastStep)) {
            throw new ApiException(ErrorCode.INVALID_OTP, "The one-time password is wrong, expired or already used.", "code", List.of(), Map.of());
        }
        user.totpLastStep = step.getAsLong();
    }

    private Uni<AppUser> ownUser(Caller caller) {
        return users.findInOrganisation(caller.organisationId(), caller.userId()).map(user -> {
            if (user == null || !user.active) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "This account no longer exists or is disabled.");
            }
            return user;
        });
    }
}
