package cn.fapiao.taxpayer;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.Problem;
import cn.fapiao.security.Caller;
import cn.fapiao.security.PasswordHasher;
import cn.fapiao.security.RefreshTokenRepository;
import cn.fapiao.security.Role;
import cn.fapiao.taxpayer.api.CreateUserInput;
import cn.fapiao.taxpayer.api.UpdateUserInput;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Admins manage the users of their own organisation, and only those. */
@ApplicationScoped
public class UserAdminService {

    private final AppUserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher passwords;

    public UserAdminService(AppUserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher passwords) {
        this.users = users;
        this.refreshTokens = refreshTokens;
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
        checkPassword(input.password(), "password", problems);
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
            checkPassword(input.password(), "password", problems);
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
                        throw new ApiException(ErrorCode.USER_NOT_FOUND, "No user " + input.id() + " in your organisation.", "id", List.of(), Map.of());
                    }
                    if (input.displayName() != null) {
                        user.displayName = input.displayName();
                    }
                    if (input.roles() != null) {
                        user.setRoles(EnumSet.copyOf(input.roles()));
                    }
                    boolean endSessions = hash != null || Boolean.FALSE.equals(input.active());
                    if (input.active() != null) {
                        user.active = input.active();
                    }
                    if (hash != null) {
                        user.passwordHash = hash;
                    }
                    Uni<Integer> revoked = endSessions
                            ? refreshTokens.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", OffsetDateTime.now(ZoneOffset.UTC), user.id)
                            : Uni.createFrom().item(0);
                    return revoked.replaceWith(user);
                })));
    }

    private static void checkPassword(String password, String field, List<Problem> problems) {
        if (password == null || password.length() < 10) {
            problems.add(new Problem(field, "TOO_SHORT", "A password needs at least 10 characters."));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_BYTES) {
            problems.add(new Problem(field, "TOO_LONG", "A password may have at most 72 bytes."));
        }
    }

    private static Long parseId(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ApiException(ErrorCode.USER_NOT_FOUND, "No user " + id + " in your organisation.", "id", List.of(), Map.of());
        }
    }
}
