package cn.fapiao.security.session;

import cn.fapiao.event.EventChannel;
import cn.fapiao.security.RefreshTokenRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Starts and ends login sessions. Ending one revokes its refresh tokens in the same transaction;
 * after commit, {@link #announceSession} or {@link #announceUser} makes every replica re-check
 * the access tokens concerned at once ({@link SessionGuard}).
 */
@ApplicationScoped
public class LoginSessions {

    static final String SESSION_EVENT = "session";
    static final String USER_EVENT = "user";

    private final LoginSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final SessionGuard guard;
    private final EventChannel events;

    public LoginSessions(LoginSessionRepository sessions, RefreshTokenRepository refreshTokens, SessionGuard guard, EventChannel events) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.guard = guard;
        this.events = events;
    }

    /** A new session of the user, in the caller's transaction. */
    public Uni<UUID> start(Long userId, Long organisationId) {
        LoginSession session = new LoginSession();
        session.id = UUID.randomUUID();
        session.userId = userId;
        session.organisationId = organisationId;
        session.startedAt = now();
        return sessions.persist(session).replaceWith(session.id);
    }

    /** Ends one session and its refresh tokens, in the caller's transaction; true when it was open. */
    public Uni<Boolean> end(UUID sessionId, LoginSession.EndReason reason) {
        OffsetDateTime now = now();
        return sessions.update("endedAt = ?1, endReason = ?2 where id = ?3 and endedAt is null", now, reason, sessionId)
                .call(() -> refreshTokens.revokeFamily(sessionId, now))
                .map(count -> count > 0);
    }

    /** Ends every open session of the user but {@code except} (may be null), in the caller's transaction. */
    public Uni<Integer> endAllOf(Long userId, LoginSession.EndReason reason, UUID except) {
        OffsetDateTime now = now();
        UUID keep = except == null ? new UUID(0, 0) : except;
        return sessions.update("endedAt = ?1, endReason = ?2 where userId = ?3 and endedAt is null and id <> ?4", now, reason, userId, keep)
                .call(() -> refreshTokens.update("revokedAt = ?1 where userId = ?2 and revokedAt is null and familyId <> ?3", now, userId, keep));
    }

    /** After commit: every replica re-checks the access tokens of this session. */
    public Uni<Void> announceSession(UUID sessionId) {
        guard.evictSession(sessionId);
        return events.publish(SESSION_EVENT, sessionId.toString());
    }

    /** After commit: every replica re-checks the access tokens of this user (state, roles or sessions changed). */
    public Uni<Void> announceUser(long userId) {
        guard.evictUser(userId);
        return events.publish(USER_EVENT, Long.toString(userId));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
