package cn.fapiao.webhook;

import cn.fapiao.security.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets: 256 random bits, shown to the admin once (at registration and rotation) and
 * kept sealed at rest, bound to their column, like the other sensitive columns.
 */
@ApplicationScoped
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final String COLUMN = "webhook_endpoint.secret";
    private final SecureRandom random = new SecureRandom();
    private final FieldCipher cipher;

    public WebhookSecrets(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** A new secret, in the clear: give it to the admin and seal it. */
    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String seal(String secret) {
        return cipher.encrypt(secret, COLUMN);
    }

    public String reveal(String sealed) {
        return cipher.decrypt(sealed, COLUMN);
    }
}
