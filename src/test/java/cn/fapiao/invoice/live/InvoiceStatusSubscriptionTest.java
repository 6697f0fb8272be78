package cn.fapiao.invoice.live;

import cn.fapiao.event.EventFeed;
import cn.fapiao.support.Events;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.GraphQLSocket;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invoice status changes reach subscribers over both WebSocket protocols, once, in order, and only those who may see them. */
@QuarkusTest
class InvoiceStatusSubscriptionTest {

    static final String SUBSCRIPTION = """
            subscription($filter: InvoiceStatusFilter, $after: ID) {
              invoiceStatusChanged(filter: $filter, afterEventId: $after) {
                eventId fromStatus toStatus changedAt changedBy role
                invoice { id number status seller { taxId } lines { itemName } statusHistory { toStatus } }
              }
            }""";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    Vertx vertx;

    @Inject
    Pool database;

    @Inject
    EventFeed feed;

    @BeforeEach
    void noSubscriptionsOfEarlierTests() {
        Events.quiet(feed);
    }

    @Test
    void aStatusChangeReachesTheSellersAndTheBuyersSubscribersAndNobodyElse() {
        try (GraphQLSocket seller = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("a-accountant"));
             GraphQLSocket buyer = GraphQLSocket.open(vertx, GraphQLSocket.LEGACY_WS, Tokens.of("b-accountant"));
             GraphQLSocket stranger = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("c-accountant"))) {
            seller.subscribe("s", SUBSCRIPTION, Map.of());
            buyer.subscribe("b", SUBSCRIPTION, Map.of());
            stranger.subscribe("c", SUBSCRIPTION, Map.of());
            subscribed(3);

            String number = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*订阅", "10.00", "0.13")))).get("number");

            JsonObject sellers = event(seller.nextResult("s", WAIT));
            assertEquals(number, sellers.getJsonObject("invoice").getString("number"));
            assertNull(sellers.getString("fromStatus"));
            assertEquals("NORMAL", sellers.getString("toStatus"));
            assertEquals("SELLER", sellers.getString("role"));
            assertEquals("a-issuer", sellers.getString("changedBy"));
            assertEquals("*货物*订阅", sellers.getJsonObject("invoice").getJsonArray("lines").getJsonObject(0).getString("itemName"));
            JsonObject buyers = event(buyer.nextResult("b", WAIT));
            assertEquals(number, buyers.getJsonObject("invoice").getString("number"));
            assertEquals("BUYER", buyers.getString("role"));
            assertEquals(sellers.getString("eventId"), buyers.getString("eventId"));
            stranger.expectNothing("c", Duration.ofSeconds(2));
        }
    }

    @Test
    void aChangeCommittedElsewhereArrivesAndARolledBackOneNever() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*别处", "20.00", "0.13")))).get("id");
        Events.settled(database, feed);
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("a-auditor"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of("filter", Map.of("invoiceId", id)));
            subscribed(1);
            // What another replica does: change the status and write its history in one transaction.
            database.withTransaction(connection -> connection.preparedQuery(
                            "insert into invoice_status_history (invoice_id, from_status, to_status, changed_by, reason) values ($1, 'NORMAL', 'ABNORMAL', 'tax-sync', 'rolled back')")
                    .execute(Tuple.of(Long.parseLong(id)))
                    .chain(() -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("roll back"))))
                    .onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(10));
            database.withTransaction(connection -> connection.preparedQuery(
                            "update invoice set status = 'LOST_CONTROL' where id = $1").execute(Tuple.of(Long.parseLong(id)))
                    .chain(() -> connection.preparedQuery(
                            "insert into invoice_status_history (invoice_id, from_status, to_status, changed_by, reason) values ($1, 'NORMAL', 'LOST_CONTROL', 'tax-sync', 'another replica')")
                            .execute(Tuple.of(Long.parseLong(id)))))
                    .await().atMost(Duration.ofSeconds(10));

            JsonObject event = event(socket.nextResult("1", WAIT));
            assertEquals("LOST_CONTROL", event.getString("toStatus"), "the rolled-back change came first: " + event);
            assertEquals("tax-sync", event.getString("changedBy"));
            assertEquals("LOST_CONTROL", event.getJsonObject("invoice").getString("status"), "a stale cached copy was sent");
            socket.expectNothing("1", Duration.ofSeconds(1));
        }
    }

    @Test
    void theListenerSurvivesItsConnectionBeingKilledAndDeliversWhatWasCommittedMeanwhile() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*断线", "30.00", "0.13")))).get("id");
        Events.settled(database, feed);
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("b-auditor"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of("filter", Map.of("invoiceId", id)));
            subscribed(1);
            long killed = database.query("select count(pg_terminate_backend(pid)) from pg_stat_activity where query ilike 'LISTEN%'")
                    .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
            assertTrue(killed >= 1, "no listening connection found");
            database.preparedQuery("insert into invoice_status_history (invoice_id, from_status, to_status, changed_by) values ($1, 'NORMAL', 'ABNORMAL', 'tax-sync')")
                    .execute(Tuple.of(Long.parseLong(id))).await().atMost(Duration.ofSeconds(10));

            JsonObject event = event(socket.nextResult("1", WAIT));
            assertEquals("ABNORMAL", event.getString("toStatus"));
        }
    }

    @Test
    void aSubscriberThatReconnectsGetsWhatItMissedOnceAndInOrder() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*重连", "40.00", "0.13")))).get("id");
        Events.settled(database, feed);
        String lastSeen;
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("a-auditor"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of("filter", Map.of("invoiceId", id)));
            subscribed(1);
            history(id, "NORMAL", "ABNORMAL");
            lastSeen = event(socket.nextResult("1", WAIT)).getString("eventId");
        }
        history(id, "ABNORMAL", "NORMAL");
        history(id, "NORMAL", "LOST_CONTROL");
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.LEGACY_WS, Tokens.of("a-auditor"))) {
            socket.subscribe("2", SUBSCRIPTION, Map.of("filter", Map.of("invoiceId", id), "after", lastSeen));
            JsonObject first = event(socket.nextResult("2", WAIT));
            JsonObject second = event(socket.nextResult("2", WAIT));
            assertEquals("NORMAL", first.getString("toStatus"));
            assertEquals("LOST_CONTROL", second.getString("toStatus"));
            assertTrue(Long.parseLong(first.getString("eventId")) > Long.parseLong(lastSeen));
            assertTrue(Long.parseLong(second.getString("eventId")) > Long.parseLong(first.getString("eventId")));
            history(id, "LOST_CONTROL", "NORMAL");
            assertEquals("NORMAL", event(socket.nextResult("2", WAIT)).getString("toStatus"));
            socket.expectNothing("2", Duration.ofSeconds(1));
        }
    }

    @Test
    void aConnectionWhoseTokenExpiresIsClosedWithACode() {
        long orgA = database.query("select id from organisation where uscc = '" + Invoices.ORG_A + "'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        String shortLived = Tokens.mint("9001", "a-short", orgA, Set.of("AUDITOR"), Instant.now().plusSeconds(3));
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, shortLived)) {
            socket.subscribe("1", SUBSCRIPTION, Map.of());
            assertEquals(1008, socket.awaitClose(Duration.ofSeconds(20)));
            assertEquals("Authentication expired", socket.closeReason());
        }
    }

    @Test
    void aLogoutEndsTheSubscriptionAtItsNextEvent() {
        JsonPath login = Tokens.loginResponse("b-auditor", Tokens.PASSWORD, null);
        String token = login.get("data.login.accessToken");
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*登出", "55.00", "0.13")))).get("id");
        Events.settled(database, feed);
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, token)) {
            socket.subscribe("1", SUBSCRIPTION, Map.of("filter", Map.of("invoiceId", id)));
            subscribed(1);
            history(id, "NORMAL", "ABNORMAL");
            assertEquals("ABNORMAL", event(socket.nextResult("1", WAIT)).getString("toStatus"));

            JsonPath out = GraphQL.postAs(token, "logout", "refreshToken", login.getString("data.login.refreshToken"));
            assertNull(out.get("errors"), out::prettify);
            history(id, "ABNORMAL", "NORMAL");
            assertEquals("UNAUTHENTICATED", code(socket.nextResult("1", WAIT)));
        }
    }

    @Test
    void theTokenMayComeInTheUpgradeRequestsHeader() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*头", "50.00", "0.13")))).get("id");
        Events.settled(database, feed);
        try (GraphQLSocket socket = GraphQLSocket.openWithHeader(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("a-partner"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of("filter", Map.of("invoiceId", id)));
            subscribed(1);
            history(id, "NORMAL", "ABNORMAL");
            assertEquals("ABNORMAL", event(socket.nextResult("1", WAIT)).getString("toStatus"));
        }
    }

    @Test
    void anotherOrganisationsInvoiceCannotBeWatchedAndNobodyWatchesAnonymously() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*他人", "60.00", "0.13")))).get("id");
        Events.settled(database, feed);
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("c-accountant"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of("filter", Map.of("invoiceId", id)));
            assertEquals("INVOICE_NOT_FOUND", code(socket.nextResult("1", WAIT)));
        }
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, null)) {
            socket.subscribe("1", SUBSCRIPTION, Map.of());
            assertEquals("UNAUTHENTICATED", code(socket.nextResult("1", WAIT)));
        }
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("a-support_agent"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of());
            assertEquals("FORBIDDEN", code(socket.nextResult("1", WAIT)));
        }
    }

    @Test
    void aFaultWhileStreamingIsAnsweredAsAnInternalErrorNotAsTheExceptionsName() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*故障", "65.00", "0.13")))).get("id");
        Events.settled(database, feed);
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("a-auditor"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of("filter", Map.of("invoiceId", id)));
            subscribed(1);
            // A status this server does not know, as a broken synchronisation might write it.
            database.preparedQuery("insert into invoice_status_history (invoice_id, from_status, to_status, changed_by) values ($1, 'NORMAL', 'BOGUS', 'tax-sync')")
                    .execute(Tuple.of(Long.parseLong(id))).await().atMost(Duration.ofSeconds(10));
            JsonObject failed = socket.nextResult("1", WAIT);
            assertEquals("INTERNAL_ERROR", code(failed)); // was "illegal-argument", made from the exception's class
            assertEquals("System error", failed.getJsonArray("errors").getJsonObject(0).getString("message"));
        }
    }

    @Test
    void badResumePointsAreRefusedWithTheirCodes() {
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("a-accountant"))) {
            socket.subscribe("1", SUBSCRIPTION, Map.of("after", "abc"));
            JsonObject refused = socket.nextResult("1", WAIT);
            assertEquals("VALIDATION_FAILED", code(refused));
            socket.subscribe("2", SUBSCRIPTION, Map.of("after", "-1"));
            assertEquals("VALIDATION_FAILED", code(socket.nextResult("2", WAIT)));
        }
    }

    @Test
    void subscriptionsCountAgainstTheQueryLimits() {
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            aliases.append(" e").append(i).append(": eventId");
        }
        try (GraphQLSocket socket = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, Tokens.of("a-accountant"))) {
            socket.subscribe("1", "subscription { invoiceStatusChanged {" + aliases + " } }", Map.of());
            assertEquals("QUERY_TOO_COMPLEX", code(socket.nextResult("1", WAIT)));
        }
    }

    private void history(String id, String from, String to) {
        database.withTransaction(connection -> connection.preparedQuery("update invoice set status = $2 where id = $1")
                        .execute(Tuple.of(Long.parseLong(id), to))
                        .chain(() -> connection.preparedQuery(
                                        "insert into invoice_status_history (invoice_id, from_status, to_status, changed_by) values ($1, $2, $3, 'tax-sync')")
                                .execute(Tuple.of(Long.parseLong(id), from, to))))
                .await().atMost(Duration.ofSeconds(10));
    }

    /** Waits until the server has registered this many subscriptions (subscribing answers nothing). */
    private void subscribed(int count) {
        Events.listening(feed, count);
    }

    static JsonObject event(JsonObject result) {
        assertNotNull(result, "no event arrived");
        assertNull(result.getValue("errors"), () -> result.encodePrettily());
        return result.getJsonObject("data").getJsonObject("invoiceStatusChanged");
    }

    static String code(JsonObject result) {
        assertNotNull(result, "no answer arrived");
        assertNotNull(result.getJsonArray("errors"), () -> result.encodePrettily());
        return result.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code");
    }
}
