package cn.fapiao.security.session;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.common.cache.LocalCaches;
import cn.fapiao.event.EventChannel;
import cn.fapiao.security.AuthConfig;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import com.github.benmanes.caffeine.cache.Cache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Checks on every request that an access token of ours still stands for a live login: its
 * session has not ended, its user is active and still has the roles the token names (a token
 * with other roles is refused, and {@code refreshToken} gives one with the new roles). What the
 * database says is remembered per session for {@code fapiao.auth.session-check-ttl} at most;
 * every change evicts it at once on every replica ({@link LoginSessions#announceSession},
 * {@link LoginSessions#announceUser} through the {@link EventChannel}), so the expiry only bounds
 * a missed notification.
 */
@ApplicationScoped
public class SessionGuard {

    private static final String STATE = """
            select s.user_id, s.ended_at is null and u.active as live, u.roles
            from login_session s join app_user u on u.id = s.user_id where s.id = $1""";

    /** What the database says of a session; {@code userId} is null when there is no such session. */
    record State(Long userId, boolean live, Set<Role> roles) {
        static final State UNKNOWN = new State(null, false, Set.of());
    }

    private final Pool pool;
    private final EventChannel events;
    private final Cache<UUID, State> states;
    /** Counts evictions: a load that overlapped one does not store what it read, which may predate the change. */
    private long evictions;

    public SessionGuard(Pool pool, EventChannel events, AuthConfig config) {
        this.pool = pool;
        this.events = events;
        this.states = LocalCaches.builder().maximumSize(100_000).expireAfterWrite(config.sessionCheckTtl()).build();
    }

    void register(@Observes StartupEvent start) {
        events.on(LoginSessions.SESSION_EVENT, id -> evictSession(UUID.fromString(id)));
        events.on(LoginSessions.USER_EVENT, id -> evictUser(Long.parseLong(id)));
    }

    /** Fails with UNAUTHENTICATED unless the caller's session is live and matches the token. */
    public Uni<Caller> check(Caller caller) {
        if (caller.sessionId() == null) {
            return Uni.createFrom().failure(ended());
        }
        State known = states.getIfPresent(caller.sessionId());
        Uni<State> state = known != null ? Uni.createFrom().item(known) : load(caller.sessionId());
        return state.map(s -> {
            if (!s.live() || !s.userId().equals(caller.userId()) || !s.roles().equals(caller.roles())) {
                throw ended();
            }
            return caller;
        });
    }

    public synchronized void evictSession(UUID sessionId) {
        evictions++;
        states.invalidate(sessionId);
    }

    public synchronized void evictUser(long userId) {
        evictions++;
        states.asMap().values().removeIf(state -> state.userId() != null && state.userId() == userId);
    }

    private Uni<State> load(UUID sessionId) {
        long before;
        synchronized (this) {
            before = evictions;
        }
        return pool.preparedQuery(STATE).execute(Tuple.of(sessionId))
                .map(rows -> rows.size() == 0 ? State.UNKNOWN : stateOf(rows.iterator().next()))
                .invoke(state -> {
                    synchronized (this) {
                        if (evictions == before) {
                            states.put(sessionId, state);
                        }
                    }
                });
    }

    private static State stateOf(Row row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : row.getArrayOfStrings("roles")) {
            roles.add(Role.valueOf(role));
        }
        return new State(row.getLong("user_id"), row.getBoolean("live"), Set.copyOf(roles));
    }

    private static ApiException ended() {
        return new ApiException(ErrorCode.UNAUTHENTICATED,
                "This access token's login has ended or the account changed (logout, new password, new roles or deactivation): use refreshToken or log in again.");
    }
}
