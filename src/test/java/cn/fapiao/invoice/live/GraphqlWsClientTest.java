package cn.fapiao.invoice.live;

import cn.fapiao.event.EventFeed;
import cn.fapiao.support.Events;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From outside: the graphql-ws JavaScript library, unmodified, under Node.js (installed by the build
 * from src/test/node/package-lock.json), receives an invoice's status change.
 */
@QuarkusTest
class GraphqlWsClientTest {

    private static final Path CLIENTS = Path.of("src/test/node");

    @Inject
    Pool database;

    @Inject
    EventFeed feed;

    @Test
    void theGraphqlWsLibraryReceivesAStatusChange() throws Exception {
        assertTrue(Files.isDirectory(CLIENTS.resolve("node_modules/graphql-ws")),
                "the build installs the test clients (npm ci in src/test/node); is Node.js installed?");
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*客户端", "80.00", "0.13")))).get("id");
        Events.settled(database, feed);
        Events.quiet(feed);
        Process node = new ProcessBuilder("node", "subscribe.mjs", "ws://localhost:" + RestAssured.port + "/graphql",
                Tokens.of("b-accountant"), id).directory(CLIENTS.toFile()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("connected", output.readLine());
            Events.listening(feed, 1); // the subscribe message follows the acknowledgement
            JsonPath changed = GraphQL.postQueryAs(Tokens.of("a-partner"),
                    "mutation M($i: SetInvoiceTaxStatusInput!) { setInvoiceTaxStatus(input: $i) { id } }",
                    "i", Map.of("id", id, "status", "ABNORMAL", "reason", "graphql-ws client test"));
            assertNull(changed.get("errors"), changed::prettify);

            String line = output.readLine();
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "the client did not finish");
            assertEquals(0, node.exitValue(), line);
            JsonObject event = new JsonObject(line).getJsonObject("data").getJsonObject("invoiceStatusChanged");
            assertEquals("ABNORMAL", event.getString("toStatus"));
            assertEquals(id, event.getJsonObject("invoice").getString("id"));
        } finally {
            node.destroyForcibly();
        }
    }
}
