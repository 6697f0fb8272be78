package cn.fapiao.webhook;

import cn.fapiao.support.Eventually;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import cn.fapiao.support.ManagementPort;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries end to end: invoices changed through the API (or plain SQL, as another replica
 * would), events positioned, and partner receivers on 127.0.0.1 that fail, answer and check
 * signatures as the README tells partners to. The test profile retries after 0.1-0.2 s, doubling to 1 s.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Inject
    Pool database;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    DeliveryQueue queue;

    @Inject
    Deliveries deliveries;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void removeEndpoints() {
        // Endpoints of these tests only (fixture organisations A, B and C): later tests start clean.
        database.query("delete from webhook_endpoint").execute().await().indefinitely();
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventOnTheThirdTrySignedAndOnce() {
        WebhookReceiver receiver = receiver().answer(500, 503);
        Registered endpoint = register("a-admin", receiver.url("/flaky"));

        String invoiceId = issue("1.00");
        positionEvents();

        List<WebhookReceiver.Received> got = Eventually.within(WITHIN, () -> receiver.about(invoiceId),
                list -> list.stream().anyMatch(r -> r.answered() == 200), "the third attempt answered 200");
        JsonPath log = Eventually.within(WITHIN, () -> deliveriesOf("a-admin", endpoint.id()),
                body -> "DELIVERED".equals(body.get("data.webhookDeliveries.edges[0].node.status")), "the delivery is DELIVERED");

        assertEquals(List.of(500, 503, 200), got.stream().map(WebhookReceiver.Received::answered).toList());
        assertEquals(1, got.stream().map(WebhookReceiver.Received::deliveryId).distinct().count(), "one delivery id in every attempt");
        for (WebhookReceiver.Received request : got) {
            assertTrue(request.signedWith(endpoint.secret()), () -> "not signed with the secret: " + request);
            assertEquals("invoice.status", request.event());
        }
        WebhookReceiver.Received last = got.get(2);
        assertEquals(last.eventId(), Long.toString(last.json().getLong("eventId")));
        assertEquals("NORMAL", last.json().getString("to"));
        assertNull(last.json().getValue("from"));
        assertEquals("a-issuer", last.json().getString("by"));
        // Ids and statuses only: no names, tax ids or bank accounts of the parties.
        assertFalse(last.body().contains(Invoices.ORG_B) || last.body().contains("中国银行") || last.body().contains("org B"), last.body());

        assertEquals(3, log.getInt("data.webhookDeliveries.edges[0].node.attemptCount"));
        assertEquals(List.of(200, 503, 500), log.getList("data.webhookDeliveries.edges[0].node.attempts.statusCode"));
        assertEquals(invoiceId, log.get("data.webhookDeliveries.edges[0].node.subjectId"));
        assertEquals(last.deliveryId(), log.get("data.webhookDeliveries.edges[0].node.id"));
        // Once: the delivered delivery is not taken again (its lease is void), whatever the workers do next.
        String later = issue("1.01");
        positionEvents();
        Eventually.within(WITHIN, () -> receiver.about(later), list -> !list.isEmpty(), "a later event arrived");
        assertEquals(3, receiver.about(invoiceId).size(), () -> "sent again after it was delivered: " + receiver.about(invoiceId));

        // What an operator graphs: attempts by outcome, and the lag from the event to its first send.
        String metrics = io.restassured.RestAssured.given().get(ManagementPort.at(management, "metrics")).then().statusCode(200).extract().asString();
        for (String expected : List.of("fapiao_webhook_attempts_total{outcome=\"delivered\",replay=\"false\"}",
                "fapiao_webhook_attempts_total{outcome=\"retry\",replay=\"false\"}", "fapiao_webhook_delivery_lag_seconds_bucket{")) {
            assertTrue(metrics.contains(expected), "missing " + expected);
        }
    }

    @Test
    void eventsOfOneInvoiceArriveInOrderWhileEarlierOnesAreRetried() {
        WebhookReceiver receiver = receiver().answer(500, 500, 500);
        register("a-admin", receiver.url("/ordered"));

        String invoiceId = issue("2.00");
        positionEvents();
        // Two more changes while the first event is still failing: they wait for it.
        setTaxStatus(invoiceId, "ABNORMAL");
        positionEvents();
        setTaxStatus(invoiceId, "NORMAL");
        positionEvents();

        List<WebhookReceiver.Received> got = Eventually.within(WITHIN, () -> receiver.about(invoiceId),
                list -> list.stream().filter(r -> r.answered() == 200).count() == 3, "all three events delivered");
        List<String> order = got.stream().map(r -> r.json().getString("to") + ":" + r.answered()).toList();
        assertEquals(List.of("NORMAL:500", "NORMAL:500", "NORMAL:500", "NORMAL:200", "ABNORMAL:200", "NORMAL:200"), order);
        List<Long> eventIds = got.stream().skip(3).map(r -> r.json().getLong("eventId")).toList();
        assertTrue(eventIds.get(0) < eventIds.get(1) && eventIds.get(1) < eventIds.get(2), () -> "event ids not increasing: " + eventIds);
    }

    @Test
    void anotherOrganisationsEventsNeverReachThisOrganisationsEndpoint() {
        WebhookReceiver sellers = receiver();
        WebhookReceiver strangers = receiver();
        register("a-admin", sellers.url("/a"));
        Registered stranger = register("c-admin", strangers.url("/c"));
        WebhookReceiver buyers = receiver();
        register("b-admin", buyers.url("/b"));

        String invoiceId = issue("3.00");
        positionEvents();

        Eventually.within(WITHIN, () -> sellers.about(invoiceId), list -> list.size() == 1, "the seller's endpoint got the event");
        Eventually.within(WITHIN, () -> buyers.about(invoiceId), list -> list.size() == 1, "the buyer's endpoint got the event");
        assertEquals(List.of(), strangers.received());
        assertEquals(List.of(), deliveriesOf("c-admin", stranger.id()).getList("data.webhookDeliveries.edges"));
        // Nor does the buyer's log show the seller's delivery, or the other way round.
        JsonPath buyerLog = deliveriesOf("b-admin", null);
        JsonPath sellerLog = deliveriesOf("a-admin", null);
        Set<String> buyerIds = new HashSet<>(buyerLog.getList("data.webhookDeliveries.edges.node.id"));
        List<String> sellerIds = sellerLog.getList("data.webhookDeliveries.edges.node.id");
        assertFalse(sellerIds.stream().anyMatch(buyerIds::contains), "a delivery shows in both organisations' logs");
    }

    @Test
    void aRolledBackChangeProducesNoDelivery() {
        WebhookReceiver receiver = receiver();
        register("a-admin", receiver.url("/rollback"));
        String invoiceId = issue("4.00");
        positionEvents();
        Eventually.within(WITHIN, () -> receiver.about(invoiceId), list -> list.size() == 1, "the issue event arrived");

        // A change that rolls back, as a failing request on any replica would: its outbox row goes with it.
        try {
            database.withTransaction(connection -> connection.preparedQuery(
                            "insert into invoice_status_history (invoice_id, from_status, to_status, changed_by) values ($1, 'NORMAL', 'LOST_CONTROL', 'rollback-test')")
                    .execute(Tuple.of(Long.parseLong(invoiceId)))
                    .chain(() -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("roll back"))))
                    .await().indefinitely();
        } catch (IllegalStateException expected) {
            // rolled back
        }
        positionEvents();
        setTaxStatus(invoiceId, "ABNORMAL");
        positionEvents();

        List<WebhookReceiver.Received> got = Eventually.within(WITHIN, () -> receiver.about(invoiceId), list -> list.size() == 2, "the committed change arrived");
        assertEquals(List.of("NORMAL", "ABNORMAL"), got.stream().map(r -> r.json().getString("to")).toList());
        long rolledBack = database.preparedQuery("select count(*) from webhook_delivery where data ->> 'by' = 'rollback-test'")
                .execute().await().indefinitely().iterator().next().getLong(0);
        assertEquals(0, rolledBack);
    }

    @Test
    void replayResendsTheSameDeliveryAsANewAttempt() {
        WebhookReceiver receiver = receiver();
        Registered endpoint = register("a-admin", receiver.url("/replay"));
        String invoiceId = issue("5.00");
        positionEvents();
        WebhookReceiver.Received first = Eventually.within(WITHIN, () -> receiver.about(invoiceId), list -> list.size() == 1, "delivered").get(0);
        JsonPath log = Eventually.within(WITHIN, () -> deliveriesOf("a-admin", endpoint.id()),
                body -> "DELIVERED".equals(body.get("data.webhookDeliveries.edges[0].node.status")), "DELIVERED in the log");
        String deliveryId = log.get("data.webhookDeliveries.edges[0].node.id");

        JsonPath replayed = GraphQL.postAs(Tokens.of("a-admin"), "replayWebhookDelivery", "id", deliveryId);

        assertNull(replayed.get("errors"), replayed::prettify);
        assertEquals(2, replayed.getInt("data.replayWebhookDelivery.attemptCount"));
        assertEquals(true, replayed.get("data.replayWebhookDelivery.attempts[0].replay"));
        assertEquals(200, replayed.getInt("data.replayWebhookDelivery.attempts[0].statusCode"));
        List<WebhookReceiver.Received> got = receiver.about(invoiceId);
        assertEquals(2, got.size());
        assertEquals(first.deliveryId(), got.get(1).deliveryId(), "the receiver deduplicates by this id");
        assertEquals(first.body(), got.get(1).body());
        assertTrue(got.get(1).signedWith(endpoint.secret()));
        // Another organisation's admin cannot replay it, and learns nothing of it.
        JsonPath foreign = GraphQL.postAs(Tokens.of("b-admin"), "replayWebhookDelivery", "id", deliveryId);
        assertEquals("WEBHOOK_DELIVERY_NOT_FOUND", foreign.get("errors[0].extensions.code"));
        assertEquals(2, receiver.about(invoiceId).size());
    }

    @Test
    void aFailedDeliveryIsReplayedButAPendingOneIsNot() {
        WebhookReceiver receiver = receiver().answer(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        Registered endpoint = register("a-admin", receiver.url("/down"));
        String invoiceId = issue("6.00");
        positionEvents();
        JsonPath pending = Eventually.within(WITHIN, () -> deliveriesOf("a-admin", endpoint.id()),
                body -> body.getList("data.webhookDeliveries.edges").size() == 1, "the delivery exists");
        String deliveryId = pending.get("data.webhookDeliveries.edges[0].node.id");
        JsonPath refused = GraphQL.postAs(Tokens.of("a-admin"), "replayWebhookDelivery", "id", deliveryId);
        assertEquals("WEBHOOK_REPLAY_NOT_ALLOWED", refused.get("errors[0].extensions.code"), refused::prettify);

        // A day of failures, shortened: the delivery is given up after its first failure from now on.
        database.preparedQuery("update webhook_delivery set created_at = now() - interval '25 hours' where id = $1")
                .execute(Tuple.of(Long.parseLong(deliveryId))).await().indefinitely();
        Eventually.within(WITHIN, () -> deliveriesOf("a-admin", endpoint.id()),
                body -> "FAILED".equals(body.get("data.webhookDeliveries.edges[0].node.status")), "given up: FAILED");
        int attempts = receiver.about(invoiceId).size();
        receiver.clearScript(); // the endpoint is back

        JsonPath replayed = GraphQL.postAs(Tokens.of("a-admin"), "replayWebhookDelivery", "id", deliveryId);

        assertNull(replayed.get("errors"), replayed::prettify);
        assertEquals("DELIVERED", replayed.get("data.replayWebhookDelivery.status"));
        assertEquals(attempts + 1, receiver.about(invoiceId).size());
        assertEquals(200, receiver.about(invoiceId).get(attempts).answered());
    }

    @Test
    void twoWorkersNeverSendTheSameDeliveryTwice() throws Exception {
        WebhookReceiver receiver = receiver();
        Registered endpoint = register("a-admin", receiver.url("/race"));
        List<String> invoiceIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            invoiceIds.add(issue("7." + (10 + i)));
        }
        // Two more replicas' claim runs, racing each other and this replica's own worker.
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            runs.add(replicas.submit(() -> {
                started.countDown();
                int sent = 0;
                while (!done.get()) {
                    List<ClaimedDelivery> claimed = queue.claim(2, deliveries.lease()).await().atMost(Duration.ofSeconds(10));
                    for (ClaimedDelivery delivery : claimed) {
                        deliveries.deliver(delivery).await().atMost(Duration.ofSeconds(10));
                        sent++;
                    }
                    if (claimed.isEmpty()) {
                        Thread.sleep(10); // a replica's poll interval, shortened: not a synchronisation
                    }
                }
                return sent;
            }));
        }
        assertTrue(started.await(5, TimeUnit.SECONDS));
        // The deliveries are made held back (in the positioning transaction, so no worker sees them
        // due before), then all fall due at once: three claimants race for the same twelve rows.
        database.withTransaction(connection -> connection.query("select assign_event_positions()").execute()
                        .chain(() -> connection.preparedQuery("update webhook_delivery set next_attempt_at = now() + interval '1 hour' where endpoint_id = $1")
                                .execute(Tuple.of(Long.parseLong(endpoint.id())))))
                .await().indefinitely();
        database.preparedQuery("update webhook_delivery set next_attempt_at = now() where endpoint_id = $1")
                .execute(Tuple.of(Long.parseLong(endpoint.id()))).await().indefinitely();

        Eventually.within(WITHIN, receiver::received, list -> invoiceIds.stream().allMatch(id -> list.stream().anyMatch(r -> id.equals(r.invoiceId()))),
                "every invoice's event arrived");
        done.set(true);
        int byTestReplicas = 0;
        for (Future<Integer> run : runs) {
            byTestReplicas += run.get(20, TimeUnit.SECONDS);
        }
        replicas.shutdown();
        Map<String, Integer> perDelivery = new HashMap<>();
        for (WebhookReceiver.Received request : receiver.received()) {
            perDelivery.merge(request.deliveryId(), 1, Integer::sum);
        }
        assertEquals(invoiceIds.size(), perDelivery.size(), perDelivery::toString);
        assertTrue(perDelivery.values().stream().allMatch(count -> count == 1), () -> "sent more than once: " + perDelivery);
        System.out.printf("webhook race: %d of %d deliveries sent by the two test replicas%n", byTestReplicas, invoiceIds.size());
    }

    @Test
    void anAddressThatTurnsPrivateAfterRegistrationIsNotSentTo() {
        WebhookReceiver receiver = receiver();
        Registered endpoint = register("a-admin", receiver.url("/rebind"));
        // As if the name now pointed into the internal network (DNS changed after registration).
        database.preparedQuery("update webhook_endpoint set url = 'http://10.11.12.13:' || $2 || '/internal' where id = $1")
                .execute(Tuple.of(Long.parseLong(endpoint.id()), Integer.toString(receiver.port()))).await().indefinitely();
        String invoiceId = issue("8.00");
        positionEvents();

        JsonPath log = Eventually.within(WITHIN, () -> deliveriesOf("a-admin", endpoint.id()),
                body -> body.get("data.webhookDeliveries.edges[0].node.attempts[0]") != null, "an attempt is logged");
        assertNull(log.get("data.webhookDeliveries.edges[0].node.attempts[0].statusCode"));
        assertTrue(log.getString("data.webhookDeliveries.edges[0].node.attempts[0].error").startsWith("Not sent"), log::prettify);
        assertEquals("PENDING", log.get("data.webhookDeliveries.edges[0].node.status"));
        assertEquals(List.of(), receiver.about(invoiceId));
    }

    // ------------------------------------------------------------------ helpers

    record Registered(String id, String secret) {
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    static Registered register(String admin, String url) {
        JsonPath body = GraphQL.postAs(Tokens.of(admin), "registerWebhookEndpoint", "input", Map.of("url", url, "eventKinds", List.of("INVOICE_STATUS")));
        assertNull(body.get("errors"), body::prettify);
        String secret = body.get("data.registerWebhookEndpoint.secret");
        assertNotNull(secret);
        return new Registered(body.get("data.registerWebhookEndpoint.endpoint.id"), secret);
    }

    static JsonPath deliveriesOf(String admin, String endpointId) {
        JsonPath body = GraphQL.postAs(Tokens.of(admin), "webhookDeliveries", "endpointId", endpointId);
        assertNull(body.get("errors"), body::prettify);
        return body;
    }

    private static String issue(String amount) {
        return Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*信息技术服务*webhook", amount, "0.06")))).get("id");
    }

    private static void setTaxStatus(String invoiceId, String status) {
        JsonPath body = GraphQL.postAs(Tokens.of("a-partner"), "setInvoiceTaxStatus", "input", Map.of("id", invoiceId, "status", status, "reason", "webhook test"));
        assertNull(body.get("errors"), body::prettify);
    }

    /** What the lead's event feed does on every replica after each commit: give committed events their positions. */
    private void positionEvents() {
        database.query("select assign_event_positions()").execute().await().indefinitely();
    }
}
