package cn.fapiao.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tells Quarkus when a bearer token expires ({@code quarkus.identity.expire-time}, which SmallRye
 * JWT does not set): the GraphQL WebSocket handler closes a connection with 1008 "Authentication
 * expired" at that moment, so a subscription never outlives its token.
 */
@ApplicationScoped
public class TokenExpiryAugmentor implements SecurityIdentityAugmentor {

    static final String EXPIRE_TIME = "quarkus.identity.expire-time";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0
                || identity.getAttribute(EXPIRE_TIME) != null) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(EXPIRE_TIME, jwt.getExpirationTime()).build());
    }
}
