package cn.fapiao.support;

import io.restassured.path.json.JsonPath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Feedback tickets for tests. Each anonymous submitter comes from a loopback address of its own
 * (127.1.x.y), so that the per-address budgets of one test do not starve another.
 */
public final class Tickets {

    /** A 1x1 PNG. */
    public static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 1000) * 50);

    private Tickets() {
    }

    /** An anonymous submitter's ticket: where they send from, the number and the key. */
    public record Submitted(String address, String trackingNumber, String accessKey, String id, JsonPath body) {
        public JsonPath read() {
            return GraphQL.postFrom(address, null, "ticket", "trackingNumber", trackingNumber, "accessKey", accessKey);
        }

        public JsonPath send(String document, Map<String, Object> input) {
            Map<String, Object> withKey = new LinkedHashMap<>(input);
            withKey.put("trackingNumber", trackingNumber);
            withKey.put("accessKey", accessKey);
            return GraphQL.postFrom(address, null, document, "input", withKey);
        }
    }

    /** A fresh loopback address no other submitter used in this run. */
    public static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "127.1." + ((n / 250) % 250 + 1) + "." + (n % 250 + 1);
    }

    public static Map<String, Object> input(String category, String subject, String description) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("category", category);
        input.put("subject", subject);
        input.put("description", description);
        return input;
    }

    public static Submitted anonymous(Map<String, Object> input) {
        String address = freshAddress();
        JsonPath body = GraphQL.postFrom(address, null, "submitFeedback", "input", input);
        String number = body.get("data.submitFeedback.trackingNumber");
        assertNotNull(number, body::prettify);
        return new Submitted(address, number, body.get("data.submitFeedback.accessKey"), body.get("data.submitFeedback.ticket.id"), body);
    }

    public static Submitted anonymous(String subject) {
        return anonymous(input("TECHNICAL_PROBLEM", subject, "Details of " + subject));
    }

    /** A ticket submitted by a logged-in user (no key: their organisation sees it). */
    public static Submitted byUser(String username, Map<String, Object> input) {
        JsonPath body = GraphQL.postAs(Tokens.of(username), "submitFeedback", "input", input);
        String number = body.get("data.submitFeedback.trackingNumber");
        assertNotNull(number, body::prettify);
        return new Submitted("127.0.0.1", number, null, body.get("data.submitFeedback.ticket.id"), body);
    }

    public static JsonPath agent(String document, Object... input) {
        return asAgent("a-support_agent", document, input);
    }

    public static JsonPath asAgent(String username, String document, Object... input) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < input.length; i += 2) {
            values.put((String) input[i], input[i + 1]);
        }
        return GraphQL.postAs(Tokens.of(username), document, "input", values);
    }

    public static List<String> codes(JsonPath body) {
        return body.getList("errors.extensions.code");
    }
}
