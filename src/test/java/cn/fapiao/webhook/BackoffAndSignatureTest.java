package cn.fapiao.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffAndSignatureTest {

    private static final Duration BASE = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofHours(1);

    @ParameterizedTest(name = "after {0} failures: {1}-{2} ms")
    @CsvSource({
            "1, 5000, 10000",
            "2, 10000, 20000",
            "3, 20000, 40000",
            "9, 1280000, 2560000",
            "10, 1800000, 3600000",
            "11, 1800000, 3600000",
            "1000, 1800000, 3600000"})
    void doublesUpToTheCapWithJitter(int failures, long lowest, long highest) {
        assertEquals(lowest, Backoff.after(failures, BASE, MAX, 0.0).toMillis());
        assertEquals(highest, Backoff.after(failures, BASE, MAX, 0.9999999999).toMillis(), 1);
    }

    @Test
    void aDayOfRetriesIsAboutFortyAttempts() {
        long elapsed = 0;
        int attempts = 1;
        while (elapsed < Duration.ofHours(24).toMillis()) {
            elapsed += Backoff.after(attempts, BASE, MAX, 0.5).toMillis();
            attempts++;
        }
        assertEquals(41, attempts);
    }

    /** The README's scheme, checked against a value computed independently (openssl dgst -sha256 -hmac). */
    @Test
    void signsTimestampDotBody() {
        String body = "{\"eventId\":42,\"kind\":\"invoice.status\"}";
        assertEquals("v1=" + OPENSSL_VECTOR, WebhookSignature.sign("whsec_test", 1764547200L, body));
    }

    private static final String OPENSSL_VECTOR = "f9dc905892d3344f8c43e31f1a9d9de9ba032a4fd1c0958a3cd3c573aedbca4b";
}
