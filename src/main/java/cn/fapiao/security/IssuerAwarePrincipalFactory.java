package cn.fapiao.security;

import cn.fapiao.common.cache.LocalCaches;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.github.benmanes.caffeine.cache.Cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies access tokens of two issuers: this server's own (the configured key) and, when
 * configured ({@code fapiao.auth.external.*}), an external identity provider's, checked against
 * its JWKS with its issuer and its roles claim. The unverified {@code iss} only chooses which
 * verification applies; the signature, issuer and expiry are then fully checked by SmallRye JWT.
 *
 * <p>Clients send the same access token with every request, so a verified token is remembered
 * for a minute (and never past its own expiry): RS256 verification and claim parsing were ~6% of
 * the CPU of a simple query in the benchmark.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class IssuerAwarePrincipalFactory extends JWTCallerPrincipalFactory {

    private static final Pattern ISSUER = Pattern.compile("\"iss\"\\s*:\\s*\"([^\"]*)\"");

    private final AuthConfig config;
    // One parser per issuer: each keeps its own cached verification keys (the JWKS is not refetched per request).
    private final DefaultJWTCallerPrincipalFactory own = new DefaultJWTCallerPrincipalFactory();
    private final DefaultJWTCallerPrincipalFactory external = new DefaultJWTCallerPrincipalFactory();
    private volatile JWTAuthContextInfo externalContext;
    private final Cache<String, JWTCallerPrincipal> verified = LocalCaches.builder()
            .maximumSize(5_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    public IssuerAwarePrincipalFactory(AuthConfig config) {
        this.config = config;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo ownContext) throws ParseException {
        JWTCallerPrincipal known = verified.getIfPresent(token);
        if (known != null && known.getExpirationTime() > Instant.now().getEpochSecond()) {
            return known;
        }
        Optional<String> externalIssuer = config.external().issuer();
        JWTCallerPrincipal principal = externalIssuer.isPresent() && externalIssuer.get().equals(unverifiedIssuer(token))
                ? external.parse(token, externalContext(ownContext, externalIssuer.get()))
                : own.parse(token, ownContext);
        verified.put(token, principal);
        return principal;
    }

    /** Whether verified claims came from the external provider (then roles and organisation are mapped). */
    public boolean isExternal(String issuer) {
        return config.external().issuer().map(i -> i.equals(issuer)).orElse(false);
    }

    private JWTAuthContextInfo externalContext(JWTAuthContextInfo ownContext, String issuer) {
        JWTAuthContextInfo context = externalContext;
        if (context == null) {
            context = new JWTAuthContextInfo(ownContext);
            context.setIssuedBy(issuer);
            context.setPublicKeyContent(null);
            context.setPublicVerificationKey(null);
            context.setPublicKeyLocation(config.external().jwksUrl()
                    .orElseThrow(() -> new IllegalStateException("fapiao.auth.external.jwks-url is required with fapiao.auth.external.issuer")));
            context.setGroupsPath(config.external().rolesClaim());
            externalContext = context;
        }
        return context;
    }

    private static String unverifiedIssuer(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            Matcher matcher = ISSUER.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return matcher.find() ? matcher.group(1) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
