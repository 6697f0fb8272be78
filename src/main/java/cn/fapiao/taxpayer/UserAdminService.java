package cn.fapiao.taxpayer;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.Problem;
import cn.fapiao.security.Caller;
import cn.fapiao.security.PasswordHasher;
import cn.fapiao.security.PasswordRules;
import cn.fapiao.security.Role;
import cn.fapiao.security.session.LoginSession;
import cn.fapiao.security.session.LoginSessions;
import cn.fapiao.taxpayer.api.CreateUserInput;
import cn.fapiao.taxpayer.api.UpdateUserInput;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Admins manage the users of their own organisation, and only those. */
@ApplicationScoped
public class UserAdminService {

    private final AppUserRepository users;
    private final LoginSessions sessions;
    private final PasswordHasher passwords;

    public UserAdminService(AppUserRepository users, LoginSessions sessions, PasswordHasher passwords) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
    }

    public Uni<List<AppUser>> list(Caller caller) {
        caller.require(Role.ADMIN);
        return Panache.withSession(() -> users.listInOrganisation(caller.organisationId()));
    }

    public Uni<AppUser> create(Caller caller, CreateUserInput input) {
        caller.require(Role.ADMIN);
        List<Problem> problems = new ArrayList<>();
        String username = input.username() == null ? "" : input.username().strip();
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            problems.add(new Problem("username", "INVALID_FORMAT", "Username must be 3-64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit."));
        }
        PasswordRules.check(input.password(), "password", problems);
        if (input.roles() == null || input.roles().isEmpty()) {
            problems.add(new Problem("roles", "REQUIRED", "Give the user at least one role."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return passwords.hash(input.password()).chain(hash -> Panache.withTransaction(() -> users.findByUsername(username)
                .chain(existing -> {
                    if (existing != null) {
                        throw new ApiException(ErrorCode.USERNAME_TAKEN, "The username '" + username + "' is taken.", "username", List.of(), Map.of());
                    }
                    AppUser user = new AppUser();
                    user.organisationId = caller.organisationId();
                    user.username = username;
                    user.displayName = input.displayName();
                    user.passwordHash = hash;
                    user.setRoles(EnumSet.copyOf(input.roles()));
                    return users.persist(user);
                })));
    }

    public Uni<AppUser> update(Caller caller, UpdateUserInput input) {
        caller.require(Role.ADMIN);
        Long id = parseId(input.id());
        List<Problem> problems = new ArrayList<>();
        if (input.password() != null) {
            PasswordRules.check(input.password(), "password", problems);
        }
        if (input.roles() != null && input.roles().isEmpty()) {
            problems.add(new Problem("roles", "REQUIRED", "A user needs at least one role; disable the user instead."));
        }
        boolean self = id.equals(caller.userId());
        if (self && (Boolean.FALSE.equals(input.active()) || (input.roles() != null && !input.roles().contains(Role.ADMIN)))) {
            problems.add(new Problem(input.roles() != null ? "roles" : "active", "SELF_LOCKOUT",
                    "Admins cannot disable themselves or remove their own ADMIN role; ask another admin."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Uni<String> newHash = input.password() == null ? Uni.createFrom().nullItem() : passwords.hash(input.password());
        return newHash.chain(hash -> Panache.withTransaction(() -> users.findInOrganisation(caller.organisationId(), id)
                .chain(user -> {
                    if (user == null) {
                        throw userNotFound(input.id());
                    }
                    if (input.displayName() != null) {
                        user.displayName = input.displayName();
                    }
                    if (input.roles() != null) {
                        user.setRoles(EnumSet.copyOf(input.roles()));
                    }
                    if (input.active() != null) {
                        user.active = input.active();
                    }
                    if (hash != null) {
                        user.passwordHash = hash;
                    }
                    // Disabling or a new password ends every session; new roles end none, but tokens
                    // naming the old roles stop working (SessionGuard) and a refresh gives the new ones.
                    if (Boolean.FALSE.equals(input.active()) || hash != null) {
                        LoginSession.EndReason reason = Boolean.FALSE.equals(input.active()) ? LoginSession.EndReason.DEACTIVATED : LoginSession.EndReason.PASSWORD_RESET;
                        return sessions.endAllOf(user.id, reason, null).replaceWith(user);
                    }
                    return Uni.createFrom().item(user);
                })))
                .call(user -> sessions.announceUser(user.id));
    }

    /**
     * Removes a user's second factor (a lost device, or one an intruder put there) and ends their
     * sessions; they log in with the password again, and enrol anew where the organisation requires
     * it. Not for the admin's own factor: that takes the password and a code ({@code disableTotp}).
     */
    public Uni<AppUser> resetTotp(Caller caller, String userId) {
        caller.require(Role.ADMIN);
        Long id = parseId(userId);
        if (id.equals(caller.userId())) {
            throw ApiException.validation(List.of(new Problem("id", "SELF_RESET",
                    "Admins switch their own second factor off with disableTotp (password and code), or ask another admin.")));
        }
        return Panache.withTransaction(() -> users.findInOrganisation(caller.organisationId(), id)
                        .chain(user -> {
                            if (user == null) {
                                throw userNotFound(userId);
                            }
                            user.totpEnabled = false;
                            user.totpSecret = null;
                            return sessions.endAllOf(user.id, LoginSession.EndReason.TOTP_RESET, null).replaceWith(user);
                        }))
                .call(user -> sessions.announceUser(user.id));
    }

    private static ApiException userNotFound(String id) {
        return new ApiException(ErrorCode.USER_NOT_FOUND, "No user " + id + " in your organisation.", "id", List.of(), Map.of());
    }

    private static Long parseId(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException | NullPointerException e) {
            throw userNotFound(id);
        }
    }
}
