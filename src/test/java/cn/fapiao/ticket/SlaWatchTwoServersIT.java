package cn.fapiao.ticket;

import cn.fapiao.support.AnotherServer;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.PackagedServer;
import cn.fapiao.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SLA watch with two server instances on one database, as two replicas run it: the packaged
 * server and a second process of the same jar, each running the watch every second. An urgent
 * ticket (first response due after 3 seconds here) that nobody answers is marked breached and
 * escalated once, not once per server, and never again in the seconds after.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServer.class)
class SlaWatchTwoServersIT {

    @Test
    void anOverdueTicketIsEscalatedOnceByTwoServers() throws Exception {
        try (AnotherServer second = AnotherServer.start("second-server")) {
            assertEquals(200, given().port(second.managementPort()).when().get("/q/health/ready").statusCode(), "the second server is up on the same database");

            String agentName = "sla-agent-" + System.currentTimeMillis() % 1_000_000;
            JsonPath created = GraphQL.postAs(Tokens.of(PackagedServer.ADMIN), "createUser", "input",
                    Map.of("username", agentName, "password", Tokens.PASSWORD, "roles", List.of("SUPPORT_AGENT")));
            assertNull(created.get("errors"), created::prettify);
            String agent = Tokens.of(agentName);

            JsonPath submitted = GraphQL.postQuery("mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { trackingNumber ticket { level } } }",
                    "input", Map.of("category", "TECHNICAL_PROBLEM", "subject", "System down",
                            "description", "The whole system is down for all users since this morning."));
            assertNull(submitted.get("errors"), submitted::prettify);
            assertEquals("URGENT", submitted.getString("data.submitFeedback.ticket.level"));
            String trackingNumber = submitted.getString("data.submitFeedback.trackingNumber");

            // Late after 3 s; both servers look every second (after their first 10 s).
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            List<String> changes = changes(agent, trackingNumber);
            while (!changes.contains("ESCALATED") && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                changes = changes(agent, trackingNumber);
            }
            assertTrue(changes.contains("ESCALATED"), changes::toString);
            Thread.sleep(5000); // five more runs of each watch
            changes = changes(agent, trackingNumber);
            assertEquals(1, changes.stream().filter("ESCALATED"::equals).count(), changes::toString);
            assertEquals(1, changes.stream().filter("BREACHED"::equals).count(), changes::toString);
            assertTrue(second.isAlive(), "the second server ran all along");
        }
    }

    private static List<String> changes(String agent, String trackingNumber) {
        JsonPath ticket = GraphQL.postQueryAs(agent, "query($t: String!) { ticket(trackingNumber: $t) { history { change } } }", "t", trackingNumber);
        assertNull(ticket.get("errors"), ticket::prettify);
        return ticket.getList("data.ticket.history.change");
    }
}
