package cn.fapiao.ticket.live;

import cn.fapiao.event.EventFeed;
import cn.fapiao.support.Events;
import cn.fapiao.support.GraphQLSocket;
import cn.fapiao.support.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A ticket's changes reach its anonymous submitter (with the key) and the desk live; internal notes reach only the desk. */
@QuarkusTest
class TicketUpdatedSubscriptionTest {

    static final String SUBSCRIPTION = """
            subscription($n: String!, $k: String, $after: ID) {
              ticketUpdated(trackingNumber: $n, accessKey: $k, afterEventId: $after) {
                eventId change fromStatus toStatus changedAt ticket { trackingNumber status messages { body } }
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
    void theSubmitterHearsRepliesAndStatusButNeverInternalNotesAndTheDeskHearsAll() {
        Tickets.Submitted mine = Tickets.anonymous("订阅工单");
        Events.settled(database, feed);
        try (GraphQLSocket submitter = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, null);
             GraphQLSocket desk = GraphQLSocket.open(vertx, GraphQLSocket.LEGACY_WS, cn.fapiao.support.Tokens.of("a-support_agent"))) {
            submitter.subscribe("s", SUBSCRIPTION, Map.of("n", mine.trackingNumber(), "k", mine.accessKey()));
            desk.subscribe("d", SUBSCRIPTION, Map.of("n", mine.trackingNumber()));
            Events.listening(feed, 2);

            Tickets.agent("replyToTicket", "id", mine.id(), "body", "SECRET-NOTE 内部", "internal", true);
            Tickets.agent("replyToTicket", "id", mine.id(), "body", "我们正在核查。");

            JsonObject note = update(desk.nextResult("d", WAIT));
            assertEquals("note", note.getString("change"));
            // A public reply to a NEW ticket acknowledges it first: the submitter hears the status, then the reply.
            JsonObject acknowledged = update(submitter.nextResult("s", WAIT));
            assertEquals("status", acknowledged.getString("change"), "the submitter heard the internal note: " + acknowledged);
            assertEquals("ACKNOWLEDGED", acknowledged.getString("toStatus"));
            JsonObject reply = update(submitter.nextResult("s", WAIT));
            assertEquals("reply", reply.getString("change"), reply::encode);
            assertFalse(acknowledged.encode().contains("SECRET-NOTE") || reply.encode().contains("SECRET-NOTE"), reply::encode);
            assertEquals(mine.trackingNumber(), reply.getJsonObject("ticket").getString("trackingNumber"));
            submitter.expectNothing("s", Duration.ofSeconds(1));
        }
    }

    @Test
    void aWrongKeyOrAnotherOrganisationFollowsNothing() {
        Tickets.Submitted mine = Tickets.anonymous("别人的工单");
        try (GraphQLSocket stranger = GraphQLSocket.open(vertx, GraphQLSocket.TRANSPORT_WS, cn.fapiao.support.Tokens.of("b-accountant"))) {
            Map<String, Object> wrongKey = new HashMap<>(Map.of("n", mine.trackingNumber(), "k", mine.accessKey() + "x"));
            stranger.subscribe("1", SUBSCRIPTION, wrongKey);
            assertEquals("TICKET_NOT_FOUND", code(stranger.nextResult("1", WAIT)));
            stranger.subscribe("2", SUBSCRIPTION, Map.of("n", mine.trackingNumber()));
            assertEquals("TICKET_NOT_FOUND", code(stranger.nextResult("2", WAIT)));
            String typo = mine.trackingNumber().substring(0, mine.trackingNumber().length() - 1)
                    + (mine.trackingNumber().endsWith("A") ? "B" : "A");
            stranger.subscribe("3", SUBSCRIPTION, Map.of("n", typo));
            assertEquals("TRACKING_NUMBER_MALFORMED", code(stranger.nextResult("3", WAIT)));
        }
    }

    static JsonObject update(JsonObject result) {
        assertNotNull(result, "no update arrived");
        assertNull(result.getValue("errors"), result::encodePrettily);
        return result.getJsonObject("data").getJsonObject("ticketUpdated");
    }

    static String code(JsonObject result) {
        assertNotNull(result, "no answer arrived");
        assertNotNull(result.getJsonArray("errors"), result::encodePrettily);
        return result.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code");
    }
}
