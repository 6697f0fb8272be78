package cn.fapiao.security;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Turns the request's credentials into a {@link Caller}. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}), so a bad token does not stop public operations,
 * and when an operation needs the caller a bad token becomes an UNAUTHENTICATED GraphQL error
 * instead of a bare HTTP 401: GraphQL clients expect every refusal inside the GraphQL response.
 */
@ApplicationScoped
public class CallerContext {

    private static final BiConsumer<RoutingContext, Throwable> LEAVE_TO_GRAPHQL = (context, failure) -> {
    };

    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest request;

    public CallerContext(CurrentIdentityAssociation identities, CurrentVertxRequest request) {
        this.identities = identities;
        this.request = request;
    }

    public Uni<Caller> current() {
        RoutingContext context = request.getCurrent();
        if (context != null) {
            // Quarkus would end the HTTP exchange with a 401 on failure; the failure is reported below instead.
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_TO_GRAPHQL);
        }
        return identities.getDeferredIdentity()
                .onFailure().transform(e -> new ApiException(ErrorCode.UNAUTHENTICATED,
                        "The access token is invalid, expired or revoked: log in again or use refreshToken."))
                .map(CallerContext::toCaller);
    }

    /** The client's address (the proxy-forwarded one when forwarding is enabled), for audit and rate limits. */
    public String clientAddress() {
        RoutingContext context = request.getCurrent();
        if (context == null || context.request().remoteAddress() == null) {
            return "unknown";
        }
        return context.request().remoteAddress().hostAddress();
    }

    private static Caller toCaller(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Caller.ANONYMOUS;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : identity.getRoles()) {
            try {
                roles.add(Role.valueOf(group));
            } catch (IllegalArgumentException ignored) {
                // Roles of other systems (an external provider's, say) grant nothing here.
            }
        }
        Long userId = parseLong(jwt.getSubject());
        Object org = jwt.getClaim(TokenIssuer.ORGANISATION_CLAIM);
        Long organisationId = org == null ? null : parseLong(org.toString());
        return new Caller(userId, jwt.getName(), organisationId, roles);
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
