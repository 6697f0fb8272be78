package cn.fapiao.security;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.security.crypto.Totp;
import cn.fapiao.security.session.LoginSession;
import cn.fapiao.security.session.LoginSessions;
import cn.fapiao.taxpayer.AppUser;
import cn.fapiao.taxpayer.AppUserRepository;
import cn.fapiao.taxpayer.Organisation;
import cn.fapiao.taxpayer.OrganisationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Logging in, refreshing and logging out. The slow password check runs between two short
 * database steps, so no connection is held while bcrypt works. Each login is a session
 * ({@link LoginSessions}) that its refresh and access tokens belong to.
 */
@ApplicationScoped
public class LoginService {

    private final AppUserRepository users;
    private final OrganisationRepository organisations;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordCheck passwords;
    private final TokenIssuer tokens;
    private final TotpSecrets totpSecrets;
    private final LoginSessions sessions;
    private final AuthConfig config;

    public LoginService(AppUserRepository users, OrganisationRepository organisations, RefreshTokenRepository refreshTokens,
                        PasswordCheck passwords, TokenIssuer tokens, TotpSecrets totpSecrets, LoginSessions sessions,
                        AuthConfig config) {
        this.users = users;
        this.organisations = organisations;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.tokens = tokens;
        this.totpSecrets = totpSecrets;
        this.sessions = sessions;
        this.config = config;
    }

    /** What a successful login or refresh hands out; {@code user} is who logged in. */
    public record Session(AppUser user, String organisationUscc, TokenIssuer.AccessToken accessToken,
                          String refreshToken, Instant refreshTokenExpiresAt) {
    }

    public Uni<Session> login(String username, String password, String otp, String clientAddress) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || name.length() > 64 || password == null || password.isEmpty()) {
            return Uni.createFrom().failure(PasswordCheck.invalidCredentials("password"));
        }
        return Panache.withSession(() -> users.findByUsername(name))
                .chain(user -> passwords.verify(name, user, password, clientAddress, "password"))
                .chain(user -> Panache.withTransaction(() -> users.findById(user.id)
                        .chain(current -> organisations.findById(current.organisationId).chain(organisation -> {
                            checkSecondFactor(current, organisation, otp);
                            return startSession(current);
                        }))));
    }

    public Uni<Session> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 100) {
            return Uni.createFrom().failure(invalidRefreshToken());
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // The outcome of a reused token must commit (the family is revoked) and still fail:
        // the transaction returns either a session or the reason, and the failure is raised after commit.
        return Panache.withTransaction(() -> refreshTokens.findByHashForUpdate(TokenIssuer.hash(refreshToken))
                        .chain(link -> {
                            if (link == null || link.revokedAt != null || link.expiresAt.isBefore(now)) {
                                return Uni.createFrom().item(RefreshOutcome.invalid());
                            }
                            if (link.usedAt != null) {
                                return sessions.end(link.familyId, LoginSession.EndReason.REFRESH_TOKEN_REUSED)
                                        .replaceWith(RefreshOutcome.reuse(link.familyId));
                            }
                            link.usedAt = now;
                            return users.findById(link.userId).chain(user -> user == null || !user.active
                                    ? Uni.createFrom().item(RefreshOutcome.invalid())
                                    : continueSession(user, link.familyId).map(RefreshOutcome::of));
                        }))
                .call(outcome -> outcome.tokenReused() ? sessions.announceSession(outcome.endedSession()) : Uni.createFrom().voidItem())
                .map(outcome -> {
                    if (outcome.session() != null) {
                        return outcome.session();
                    }
                    throw outcome.tokenReused()
                            ? new ApiException(ErrorCode.REFRESH_TOKEN_REUSED, "This refresh token was already used: every session of this login has been ended. Log in again.", "refreshToken", List.of(), Map.of())
                            : invalidRefreshToken();
                });
    }

    /** Ends the login session the refresh token belongs to (every token of its chain). */
    public Uni<Boolean> logout(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 100) {
            return Uni.createFrom().item(false);
        }
        return Panache.withTransaction(() -> refreshTokens.findByHashForUpdate(TokenIssuer.hash(refreshToken))
                        .chain(link -> link == null ? Uni.createFrom().<UUID>nullItem()
                                : sessions.end(link.familyId, LoginSession.EndReason.LOGOUT).map(ended -> ended ? link.familyId : null)))
                .call(ended -> ended == null ? Uni.createFrom().voidItem() : sessions.announceSession(ended))
                .map(ended -> ended != null);
    }

    private record RefreshOutcome(Session session, UUID endedSession) {
        static RefreshOutcome of(Session session) {
            return new RefreshOutcome(session, null);
        }

        static RefreshOutcome invalid() {
            return new RefreshOutcome(null, null);
        }

        static RefreshOutcome reuse(UUID endedSession) {
            return new RefreshOutcome(null, endedSession);
        }

        boolean tokenReused() {
            return endedSession != null;
        }
    }

    private void checkSecondFactor(AppUser user, Organisation organisation, String otp) {
        if (!user.totpEnabled) {
            if (organisation.requiresTotp(user.roleSet())) {
                throw new ApiException(ErrorCode.TOTP_ENROLMENT_REQUIRED, "otp",
                        "Your organisation requires a one-time password for your role: set one up with enrolTotp(username, password) and confirmTotp, then log in with its code.");
            }
            return;
        }
        if (otp == null || otp.isBlank()) {
            throw new ApiException(ErrorCode.OTP_REQUIRED, "This account uses a one-time password: give the 6-digit code from the authenticator app.", "otp", List.of(), Map.of());
        }
        OptionalLong step = Totp.verify(totpSecrets.reveal(user), otp.strip(), Instant.now());
        if (step.isEmpty() || (user.totpLastStep != null && step.getAsLong() <= user.totpLastStep)) {
            throw new ApiException(ErrorCode.INVALID_OTP, "The one-time password is wrong, expired or already used.", "otp", List.of(), Map.of());
        }
        user.totpLastStep = step.getAsLong();
    }

    private Uni<Session> startSession(AppUser user) {
        return sessions.start(user.id, user.organisationId).chain(sessionId -> continueSession(user, sessionId));
    }

    private Uni<Session> continueSession(AppUser user, UUID familyId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String refreshToken = tokens.newRefreshToken();
        RefreshToken link = new RefreshToken();
        link.tokenHash = TokenIssuer.hash(refreshToken);
        link.familyId = familyId;
        link.userId = user.id;
        link.organisationId = user.organisationId;
        link.issuedAt = now;
        link.expiresAt = now.plus(config.refreshTokenTtl());
        return organisations.findById(user.organisationId)
                .chain(organisation -> refreshTokens.persist(link).map(saved -> new Session(user, organisation.uscc,
                        tokens.accessToken(user, organisation.uscc, familyId), refreshToken, link.expiresAt.toInstant())));
    }

    private static ApiException invalidRefreshToken() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "The refresh token is unknown, expired or revoked: log in again.", "refreshToken", List.of(), Map.of());
    }
}
