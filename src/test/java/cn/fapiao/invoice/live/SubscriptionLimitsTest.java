package cn.fapiao.invoice.live;

import cn.fapiao.event.EventFeed;
import cn.fapiao.support.Events;
import cn.fapiao.support.GraphQLSocket;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static cn.fapiao.invoice.live.InvoiceStatusSubscriptionTest.SUBSCRIPTION;
import static cn.fapiao.invoice.live.InvoiceStatusSubscriptionTest.WAIT;
import static cn.fapiao.invoice.live.InvoiceStatusSubscriptionTest.code;
import static cn.fapiao.invoice.live.InvoiceStatusSubscriptionTest.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bounds of live updates: sockets per replica, subscriptions per user, and how far back a subscriber can resume. */
@QuarkusTest
@TestProfile(SubscriptionLimitsTest.Small.class)
class SubscriptionLimitsTest {

    public static class Small implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fapiao.events.connections-per-replica", "3",
                    "fapiao.events.subscriptions-per-user", "2",
                    "fapiao.events.retention", "PT2S",
                    "fapiao.events.prune-interval", "PT1S");
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    Pool database;

    @Inject
    EventFeed feed;

    @Test
    void aUserHoldsAtMostItsShareOfSubscriptionsAndGetsItBackOnComplete() {
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("a-accountant"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of());
            socket.subscribe("2", SUBSCRIPTION, Map.of());
            socket.expectNothing("2", Duration.ofMillis(500));
            socket.subscribe("3", SUBSCRIPTION, Map.of());
            assertEquals("SUBSCRIPTION_LIMIT_REACHED", code(socket.nextResult("3", WAIT)));

            socket.complete("1");
            sleep(300);
            socket.subscribe("4", SUBSCRIPTION, Map.of());
            socket.expectNothing("4", Duration.ofMillis(500));
        }
        // Another user is not held back by the first one's subscriptions.
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("a-auditor"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of());
            socket.expectNothing("1", Duration.ofMillis(500));
        }
    }

    @Test
    void socketsBeyondTheReplicasShareAreRefusedAtTheUpgrade() throws Exception {
        try (GraphQLSocket first = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, null);
             GraphQLSocket second = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, null);
             GraphQLSocket third = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, null)) {
            WebSocketClient client = vertx.createWebSocketClient();
            try {
                ExecutionException refused = assertThrows(ExecutionException.class, () -> client.connect(new WebSocketConnectOptions()
                                .setHost("localhost").setPort(RestAssured.port).setURI("/graphql").setSubProtocols(List.of(GraphQLSocket.TRANSPORT_WS)))
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
                assertEquals(503, assertInstanceOf(UpgradeRejectedException.class, refused.getCause()).getStatus());
            } finally {
                client.close();
            }
        }
        sleep(500);
        try (GraphQLSocket again = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, null)) {
            // A closed socket gave its place back.
        }
    }

    @Test
    void resumingFromAnEventThatWasPrunedIsRefusedInsteadOfMissingEvents() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*过期", "70.00", "0.13")))).get("id");
        Events.settled(database, feed);
        Events.quiet(feed);
        String seen;
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("b-accountant"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of("filter", Map.of("invoiceId", id)));
            Events.listening(feed, 1);
            database.preparedQuery("insert into invoice_status_history (invoice_id, from_status, to_status, changed_by) values ($1, 'NORMAL', 'ABNORMAL', 'tax-sync')")
                    .execute(Tuple.of(Long.parseLong(id))).await().atMost(Duration.ofSeconds(10));
            JsonObject first = event(socket.nextResult("1", WAIT));
            seen = first.getString("eventId");
        }
        database.preparedQuery("insert into invoice_status_history (invoice_id, from_status, to_status, changed_by) values ($1, 'ABNORMAL', 'NORMAL', 'tax-sync')")
                .execute(Tuple.of(Long.parseLong(id))).await().atMost(Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (prunedThrough() <= Long.parseLong(seen) && System.nanoTime() < deadline) {
            sleep(200);
        }
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("b-accountant"))) {
            socket.subscribe("2", SUBSCRIPTION, Map.of("filter", Map.of("invoiceId", id), "after", seen));
            assertEquals("RESUME_NOT_POSSIBLE", code(socket.nextResult("2", WAIT)));
        }
    }

    private long prunedThrough() {
        return database.query("select pruned_through from event_retention").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
