package cn.fapiao.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * How a delivery is signed, as the README tells partners: {@code Fapiao-Signature: v1=<hex>},
 * the lower-case hex of HMAC-SHA256 keyed with the secret's UTF-8 bytes (the whole text, prefix
 * included) over {@code <Fapiao-Timestamp> + "." + <raw body>}. The timestamp inside the signed
 * text lets a receiver refuse old requests replayed by someone who recorded one.
 */
public final class WebhookSignature {

    public static final String VERSION = "v1";

    private WebhookSignature() {
    }

    /** {@code v1=<hex>} for this secret, timestamp (Unix seconds) and body. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java runtime; reaching this is a broken JVM.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
