package cn.fapiao.webhook;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registering and managing endpoints as an adversary would try it: addresses inside the server's
 * network, credentials in URLs, another organisation's endpoints through every operation, the
 * secret after registration, the limit raced. The test profile allows http and loopback (its
 * receivers) and four endpoints per organisation.
 */
@QuarkusTest
class WebhookEndpointTest {

    private static final String RECEIVER = "http://127.0.0.1:9/hook";

    @Inject
    Pool database;

    @AfterEach
    void removeEndpoints() {
        database.query("delete from webhook_endpoint").execute().await().indefinitely();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.169.254/latest/meta-data/", // cloud metadata
            "http://[fd00:ec2::254]/", // its IPv6 twin
            "http://[::ffff:169.254.169.254]/", // the same, IPv4-mapped
            "http://10.0.0.5/internal",
            "http://172.16.1.1/", "http://192.168.1.1/", "http://100.64.0.1/",
            "http://[fe80::1]/", "http://0.0.0.0:8080/", "http://[::]/", "http://224.0.0.1/",
            "http://[64:ff9b::a9fe:a9fe]/", // NAT64 of 169.254.169.254
            "http://[2002:a9fe:a9fe::1]/", // 6to4 of 169.254.169.254
            "http://no-such-host.invalid/"})
    void addressesInsideTheNetworkAreRefused(String url) {
        JsonPath body = register("a-admin", url);
        assertEquals("WEBHOOK_ADDRESS_NOT_ALLOWED", body.get("errors[0].extensions.code"), body::prettify);
        assertEquals("url", body.get("errors[0].extensions.field"));
        assertNull(body.get("data"));
        assertEquals(0, countEndpoints());
    }

    @ParameterizedTest
    @CsvSource({
            "https://user:password@example.com/hook, USERINFO_NOT_ALLOWED",
            "https://partner.example@127.0.0.1/hook, USERINFO_NOT_ALLOWED",
            "ftp://example.com/hook, HTTPS_REQUIRED",
            "file:///etc/passwd, HTTPS_REQUIRED",
            "/relative/hook, HTTPS_REQUIRED",
            "http://127.0.0.1/hook#fragment, INVALID_FORMAT",
            "'http://exa mple.com/', INVALID_FORMAT"})
    void badUrlsAreRefusedNamingTheField(String url, String problem) {
        JsonPath body = register("a-admin", url);
        assertEquals("VALIDATION_FAILED", body.get("errors[0].extensions.code"), body::prettify);
        assertEquals("url", body.get("errors[0].extensions.field"));
        assertEquals(problem, body.get("errors[0].extensions.problems[0].code"));
    }

    @Test
    void aUrlTooLongAnEmptyEventListOrALongDescriptionIsRefused() {
        JsonPath body = GraphQL.postAs(Tokens.of("a-admin"), "registerWebhookEndpoint", "input",
                Map.of("url", "http://127.0.0.1/" + "x".repeat(2000), "eventKinds", List.of(), "description", "d".repeat(201)));
        assertEquals("VALIDATION_FAILED", body.get("errors[0].extensions.code"), body::prettify);
        assertEquals(List.of("url", "eventKinds", "description"), body.getList("errors[0].extensions.problems.field"));
    }

    @Test
    void theSecretIsShownOnceAndKeptSealed() {
        JsonPath registered = register("a-admin", RECEIVER);
        assertNull(registered.get("errors"), registered::prettify);
        String id = registered.get("data.registerWebhookEndpoint.endpoint.id");
        String secret = registered.get("data.registerWebhookEndpoint.secret");
        assertTrue(secret.matches("whsec_[A-Za-z0-9_-]{43}"), secret);

        JsonPath listed = GraphQL.postAs(Tokens.of("a-admin"), "webhookEndpoints");
        assertEquals(List.of(id), listed.getList("data.webhookEndpoints.id"));
        assertFalse(listed.prettify().contains(secret));
        JsonPath asked = GraphQL.postQueryAs(Tokens.of("a-admin"), "{ webhookEndpoints { id secret } }");
        assertEquals("GRAPHQL_VALIDATION_FAILED", asked.get("errors[0].extensions.code"), "the endpoint type has no secret field");
        String stored = database.preparedQuery("select secret from webhook_endpoint where id = $1").execute(Tuple.of(Long.parseLong(id)))
                .await().indefinitely().iterator().next().getString(0);
        assertTrue(stored.startsWith("v1:") && !stored.contains(secret.substring(6)), "sealed at rest");

        JsonPath rotated = GraphQL.postAs(Tokens.of("a-admin"), "rotateWebhookSecret", "id", id);
        String next = rotated.get("data.rotateWebhookSecret.secret");
        assertNotEquals(secret, next);
        String restored = database.preparedQuery("select secret from webhook_endpoint where id = $1").execute(Tuple.of(Long.parseLong(id)))
                .await().indefinitely().iterator().next().getString(0);
        assertNotEquals(stored, restored);
    }

    @Test
    void anotherOrganisationsAdminCannotSeeOrChangeTheEndpoint() {
        String id = register("a-admin", RECEIVER).get("data.registerWebhookEndpoint.endpoint.id");

        assertEquals(List.of(), GraphQL.postAs(Tokens.of("b-admin"), "webhookEndpoints").getList("data.webhookEndpoints"));
        expectNotFound(GraphQL.postAs(Tokens.of("b-admin"), "updateWebhookEndpoint", "input", Map.of("id", id, "url", "http://127.0.0.1:1/stolen")));
        expectNotFound(GraphQL.postAs(Tokens.of("b-admin"), "updateWebhookEndpoint", "input", Map.of("id", id, "active", false)));
        expectNotFound(GraphQL.postAs(Tokens.of("b-admin"), "rotateWebhookSecret", "id", id));
        expectNotFound(GraphQL.postAs(Tokens.of("b-admin"), "deleteWebhookEndpoint", "id", id));
        expectNotFound(GraphQL.postAs(Tokens.of("b-admin"), "webhookDeliveries", "endpointId", id));
        // Ids that are no number, or far out of range, answer the same.
        expectNotFound(GraphQL.postAs(Tokens.of("b-admin"), "rotateWebhookSecret", "id", "x' or '1'='1"));
        expectNotFound(GraphQL.postAs(Tokens.of("b-admin"), "deleteWebhookEndpoint", "id", "99999999999999999999"));

        JsonPath own = GraphQL.postAs(Tokens.of("a-admin"), "webhookEndpoints");
        assertEquals(RECEIVER, own.get("data.webhookEndpoints[0].url"));
        assertEquals(true, own.get("data.webhookEndpoints[0].active"));
    }

    @Test
    void anAdminUpdatesDisablesAndDeletesTheirEndpoint() {
        String id = register("a-admin", RECEIVER).get("data.registerWebhookEndpoint.endpoint.id");

        JsonPath updated = GraphQL.postAs(Tokens.of("a-admin"), "updateWebhookEndpoint", "input",
                Map.of("id", id, "url", "http://localhost:10/new", "description", "ERP 对接", "active", false));
        assertNull(updated.get("errors"), updated::prettify);
        assertEquals("http://localhost:10/new", updated.get("data.updateWebhookEndpoint.url"));
        assertEquals("ERP 对接", updated.get("data.updateWebhookEndpoint.description"));
        assertEquals(false, updated.get("data.updateWebhookEndpoint.active"));

        JsonPath moved = GraphQL.postAs(Tokens.of("a-admin"), "updateWebhookEndpoint", "input", Map.of("id", id, "url", "http://169.254.169.254/"));
        assertEquals("WEBHOOK_ADDRESS_NOT_ALLOWED", moved.get("errors[0].extensions.code"), "an update is checked like a registration");

        JsonPath deleted = GraphQL.postAs(Tokens.of("a-admin"), "deleteWebhookEndpoint", "id", id);
        assertEquals(id, deleted.get("data.deleteWebhookEndpoint.id"));
        expectNotFound(GraphQL.postAs(Tokens.of("a-admin"), "deleteWebhookEndpoint", "id", id));
    }

    @Test
    void theLimitOfEndpointsHoldsUnderParallelRegistrations() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<JsonPath>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            Callable<JsonPath> call = () -> register("c-admin", RECEIVER + n);
            results.add(pool.submit(call));
        }
        int registered = 0;
        int refused = 0;
        for (Future<JsonPath> result : results) {
            JsonPath body = result.get();
            if (body.get("errors") == null) {
                registered++;
            } else {
                assertEquals("WEBHOOK_ENDPOINT_LIMIT_REACHED", body.get("errors[0].extensions.code"), body::prettify);
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(4, registered);
        assertEquals(2, refused);
        assertEquals(4, GraphQL.postAs(Tokens.of("c-admin"), "webhookEndpoints").getList("data.webhookEndpoints").size());
    }

    @Test
    void nonAdminsAreRefusedEvenWithTheEndpointsId() {
        String id = register("a-admin", RECEIVER).get("data.registerWebhookEndpoint.endpoint.id");
        for (String user : List.of("a-issuer", "a-accountant", "a-auditor", "a-partner", "a-support_agent")) {
            assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of(user), "rotateWebhookSecret", "id", id).get("errors[0].extensions.code"), user);
            assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of(user), "webhookDeliveries", "endpointId", id).get("errors[0].extensions.code"), user);
        }
        assertEquals(1, countEndpoints());
    }

    @Test
    void severalRootFieldsInOneRequestEachGetTheirAnswer() {
        String id = register("a-admin", RECEIVER).get("data.registerWebhookEndpoint.endpoint.id");
        JsonPath body = GraphQL.postQueryAs(Tokens.of("a-admin"),
                "{ a: webhookEndpoints { id } b: webhookEndpoints { url } users { username } c: webhookDeliveries { edges { cursor } } d: webhookDeliveries(endpointId: \"" + id + "\") { edges { cursor } } }");
        assertNull(body.get("errors"), body::prettify);
        assertEquals(List.of(id), body.getList("data.a.id"));
        assertEquals(List.of(RECEIVER), body.getList("data.b.url"));
        assertFalse(body.getList("data.users").isEmpty());
    }

    private static JsonPath register(String admin, String url) {
        return GraphQL.postAs(Tokens.of(admin), "registerWebhookEndpoint", "input", Map.of("url", url, "eventKinds", List.of("INVOICE_STATUS")));
    }

    private static void expectNotFound(JsonPath body) {
        assertEquals("WEBHOOK_ENDPOINT_NOT_FOUND", body.get("errors[0].extensions.code"), body::prettify);
        assertNull(body.get("data"));
    }

    private long countEndpoints() {
        return database.query("select count(*) from webhook_endpoint").execute().await().indefinitely().iterator().next().getLong(0);
    }
}
