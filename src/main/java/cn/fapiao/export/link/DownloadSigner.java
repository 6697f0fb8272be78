package cn.fapiao.export.link;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs download grants into link tokens and checks them: {@code base64url(JSON claims) "."
 * base64url(HMAC-SHA256(key, first part))}. A token is checked in this order: shape, signature
 * (in constant time), payload, expiry, so that an altered or foreign token learns nothing beyond
 * "invalid", not even whether it would have expired.
 */
@ApplicationScoped
public class DownloadSigner {

    /**
     * Longer than any token we sign, which is refused unread. Most are about 300 characters; a
     * statistics link with every filter field at its longest (two names of 200 Chinese characters)
     * about 2,600, within the 4,096 bytes of the server's request line (longer ones get 414 there).
     */
    static final int MAX_TOKEN_LENGTH = 4096;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;

    @Inject
    public DownloadSigner(DownloadConfig config) {
        this(decodeKey(config.signingKey()), Clock.systemUTC());
    }

    /** With a key of its own: for tests (links signed elsewhere) and tools. */
    public DownloadSigner(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
    }

    public String sign(DownloadClaims claims) {
        String payload = ENCODER.encodeToString(claims.toJson().encode().getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * The grant of a token.
     *
     * @throws ApiException LINK_INVALID for a token this server did not sign as it is, LINK_EXPIRED for one past its time
     */
    public DownloadClaims verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid();
        }
        String payload = token.substring(0, dot);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw invalid();
        }
        DownloadClaims claims;
        try {
            claims = DownloadClaims.fromJson(new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw invalid(); // signed by us, yet not a grant this version reads (a future format, say)
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw new ApiException(ErrorCode.LINK_EXPIRED, "This download link has expired: ask for a new one with createDownloadLink.");
        }
        return claims;
    }

    public Instant now() {
        return clock.instant();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.LINK_INVALID, "This is not a valid download link: ask for a new one with createDownloadLink.");
    }

    static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("fapiao.downloads.signing-key must be base64", e);
        }
        if (key.length < 32) {
            throw new IllegalStateException("fapiao.downloads.signing-key must hold at least 32 random bytes (base64), got " + key.length);
        }
        return key;
    }
}
