package cn.fapiao.security;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.common.cache.LocalCaches;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import cn.fapiao.security.session.SessionGuard;
import cn.fapiao.taxpayer.OrganisationDirectory;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
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
    private final IssuerAwarePrincipalFactory issuers;
    private final OrganisationDirectory organisations;
    private final AuthConfig config;
    private final SessionGuard sessions;
    /**
     * Callers of our own tokens by raw token. A token's claims never change, and reading a custom
     * claim through SmallRye JWT throws and catches an exception internally each time (2.5% of the
     * CPU of a simple lookup in the benchmark). Kept as briefly as verified tokens are. Whether
     * the token's session still stands is checked on every request ({@link SessionGuard}).
     */
    private final Cache<String, Caller> ownCallers = LocalCaches.builder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    public CallerContext(CurrentIdentityAssociation identities, CurrentVertxRequest request,
                         IssuerAwarePrincipalFactory issuers, OrganisationDirectory organisations, AuthConfig config,
                         SessionGuard sessions) {
        this.identities = identities;
        this.request = request;
        this.issuers = issuers;
        this.organisations = organisations;
        this.config = config;
        this.sessions = sessions;
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
                .chain(this::toCaller);
    }

    /**
     * The caller of a plain HTTP route (file downloads), from the route's own context: no
     * credentials is {@link Caller#ANONYMOUS}, credentials that fail are UNAUTHENTICATED (the route
     * answers, not Quarkus with a bare 401).
     */
    public Uni<Caller> of(RoutingContext context) {
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, LEAVE_TO_GRAPHQL);
        Uni<SecurityIdentity> deferred = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (deferred == null) {
            return Uni.createFrom().item(Caller.ANONYMOUS);
        }
        return deferred.onFailure().transform(e -> new ApiException(ErrorCode.UNAUTHENTICATED,
                        "The access token is invalid, expired or revoked: log in again or use refreshToken."))
                .chain(this::toCaller);
    }

    /** The client's address (the proxy-forwarded one when forwarding is enabled), for audit and rate limits. */
    public String clientAddress() {
        RoutingContext context = request.getCurrent();
        if (context == null || context.request().remoteAddress() == null) {
            return "unknown";
        }
        return context.request().remoteAddress().hostAddress();
    }

    private Uni<Caller> toCaller(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(Caller.ANONYMOUS);
        }
        if (issuers.isExternal(jwt.getIssuer())) {
            // An external provider's user has no account and no session here: the organisation is
            // named by USCC, and ending its access is the provider's job (its tokens should be short-lived).
            Object uscc = jwt.getClaim(config.external().organisationClaim());
            Uni<Long> organisation = uscc == null ? Uni.createFrom().nullItem() : organisations.idByUscc(uscc.toString());
            return organisation.map(organisationId -> new Caller(null, jwt.getName(), organisationId, rolesOf(identity)));
        }
        String token = jwt.getRawToken();
        return sessions.check(token == null ? ownCaller(jwt, identity) : ownCallers.get(token, t -> ownCaller(jwt, identity)));
    }

    private static Caller ownCaller(JsonWebToken jwt, SecurityIdentity identity) {
        Object org = jwt.getClaim(TokenIssuer.ORGANISATION_CLAIM);
        Object sid = jwt.getClaim(TokenIssuer.SESSION_CLAIM);
        return new Caller(parseLong(jwt.getSubject()), jwt.getName(), org == null ? null : parseLong(org.toString()), rolesOf(identity),
                sid == null ? null : parseUuid(sid instanceof jakarta.json.JsonString text ? text.getString() : sid.toString()));
    }

    private static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Set<Role> rolesOf(SecurityIdentity identity) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : identity.getRoles()) {
            try {
                roles.add(Role.valueOf(group));
            } catch (IllegalArgumentException ignored) {
                // Roles of other systems (an external provider's, say) grant nothing here.
            }
        }
        return roles;
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
