package cn.fapiao.security;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the authenticated user, their organisation and roles, or nobody. Every
 * service operation takes a {@code Caller} and checks it itself, so that authorisation and
 * tenant scoping cannot be forgotten by a new resolver. {@code sessionId} is the login session of
 * an access token of ours (its {@code sid}), null for everyone else.
 */
public record Caller(Long userId, String username, Long organisationId, Set<Role> roles, UUID sessionId) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, Set.of());

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A caller outside a login session of ours (a failed login, an external provider's token). */
    public Caller(Long userId, String username, Long organisationId, Set<Role> roles) {
        this(userId, username, organisationId, roles, null);
    }

    public boolean isAuthenticated() {
        return userId != null || username != null;
    }

    public boolean hasAnyRole(Role... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }

    /** Refuses anonymous callers with UNAUTHENTICATED and callers without any of the roles with FORBIDDEN. */
    public Caller require(Role... anyOf) {
        requireAuthenticated();
        if (!hasAnyRole(anyOf)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This operation needs one of the roles " + Arrays.toString(anyOf) + ".");
        }
        return this;
    }

    public Caller requireAuthenticated() {
        if (!isAuthenticated()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Log in first: this operation needs an access token (Authorization: Bearer ...).");
        }
        if (organisationId == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The access token names no organisation of this system.");
        }
        return this;
    }
}
