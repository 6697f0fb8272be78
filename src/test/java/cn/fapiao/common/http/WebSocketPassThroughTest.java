package cn.fapiao.common.http;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * GraphQL over WebSocket shares {@code /graphql} with our HTTP route: an upgrade must still reach
 * SmallRye's WebSocket handler, in both of its subprotocols, and run an operation there.
 */
@QuarkusTest
class WebSocketPassThroughTest {

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL server;

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "graphql-ws"})
    void anUpgradeOnTheGraphQLPathReachesSmallRyesWebSocketHandler(String subprotocol) throws Exception {
        HttpClient client = vertx.createHttpClient();
        try {
            LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
            WebSocket socket = client.webSocket(new WebSocketConnectOptions().setHost(server.getHost()).setPort(server.getPort())
                            .setURI("/graphql").addSubProtocol(subprotocol))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket.textMessageHandler(text -> received.add(new JsonObject(text)));
            socket.writeTextMessage(new JsonObject().put("type", "connection_init").encode());
            JsonObject ack = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(ack, "no answer to connection_init");
            assertEquals("connection_ack", ack.getString("type"), ack::encode);

            String start = subprotocol.equals("graphql-ws") ? "start" : "subscribe";
            socket.writeTextMessage(new JsonObject().put("id", "1").put("type", start)
                    .put("payload", new JsonObject().put("query", "{ decodeInvoiceCode(code: \"011001800604\") { valid } }")).encode());
            JsonObject next = received.poll(10, TimeUnit.SECONDS);
            while (next != null && "ka".equals(next.getString("type"))) {
                next = received.poll(10, TimeUnit.SECONDS); // graphql-ws keep-alives
            }
            assertNotNull(next, "no answer to the operation");
            assertEquals(true, next.getJsonObject("payload").getJsonObject("data").getJsonObject("decodeInvoiceCode").getBoolean("valid"), next::encode);
            socket.close();
        } finally {
            client.close();
        }
    }
}
