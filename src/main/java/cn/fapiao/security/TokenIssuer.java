package cn.fapiao.security;

import cn.fapiao.taxpayer.AppUser;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Signs access tokens (RS256 JWT; the key comes from {@code smallrye.jwt.sign.key[.location]})
 * and makes opaque refresh tokens, of which only the SHA-256 is stored.
 */
@ApplicationScoped
public class TokenIssuer {

    /** Claim with the caller's organisation id. */
    public static final String ORGANISATION_CLAIM = "org";
    /** Claim with the caller's organisation USCC. */
    public static final String ORGANISATION_USCC_CLAIM = "org_uscc";
    /** Claim with the login session (refresh-token family) the access token belongs to. */
    public static final String SESSION_CLAIM = "sid";

    private final AuthConfig config;
    private final SecureRandom random = new SecureRandom();

    public TokenIssuer(AuthConfig config) {
        this.config = config;
    }

    public record AccessToken(String token, Instant expiresAt) {
    }

    public AccessToken accessToken(AppUser user, String organisationUscc, UUID sessionId) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.accessTokenTtl());
        String token = Jwt.issuer(config.issuer())
                .subject(user.id.toString())
                .upn(user.username)
                .groups(user.roleSet().stream().map(Role::name).collect(java.util.stream.Collectors.toSet()))
                .claim(ORGANISATION_CLAIM, user.organisationId)
                .claim(ORGANISATION_USCC_CLAIM, organisationUscc)
                .claim(SESSION_CLAIM, sessionId.toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return new AccessToken(token, expiresAt);
    }

    /** A new random refresh token (256 bits, URL-safe). */
    public String newRefreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String refreshToken) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
