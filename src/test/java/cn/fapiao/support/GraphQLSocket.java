package cn.fapiao.support;

import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real WebSocket client speaking one of the two GraphQL-over-WebSocket protocols to the test
 * server's {@code /graphql}: {@code graphql-transport-ws} (the graphql-ws library's) or the legacy
 * {@code graphql-ws} (Apollo subscriptions-transport-ws). Every message received is queued.
 */
public final class GraphQLSocket implements AutoCloseable {

    public static final String TRANSPORT_WS = "graphql-transport-ws";
    public static final String LEGACY_WS = "graphql-ws";

    private final String protocol;
    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private volatile Short closeCode;
    private volatile String closeReason;

    private GraphQLSocket(Vertx vertx, String protocol, String headerToken) {
        this.protocol = protocol;
        this.client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(RestAssured.port)
                .setURI("/graphql").setSubProtocols(List.of(protocol));
        if (headerToken != null) {
            options.addHeader("Authorization", "Bearer " + headerToken);
        }
        try {
            this.socket = client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not open the WebSocket", e);
        }
        socket.textMessageHandler(text -> received.add(new JsonObject(text)));
        socket.closeHandler(v -> {
            closeCode = socket.closeStatusCode();
            closeReason = socket.closeReason();
        });
    }

    /** Connects and initialises, the token (if any) in the connection_init payload, and waits for the acknowledgement. */
    public static GraphQLSocket open(Vertx vertx, String protocol, String token) {
        GraphQLSocket socket = new GraphQLSocket(vertx, protocol, null);
        socket.init(token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
        return socket;
    }

    /** Connects with the token in the upgrade request's Authorization header instead. */
    public static GraphQLSocket openWithHeader(Vertx vertx, String protocol, String token) {
        GraphQLSocket socket = new GraphQLSocket(vertx, protocol, token);
        socket.init(Map.of());
        return socket;
    }

    private void init(Map<String, Object> payload) {
        send(new JsonObject().put("type", "connection_init").put("payload", new JsonObject(payload)));
        JsonObject ack = next(Duration.ofSeconds(10), "connection_ack");
        assertNotNull(ack, "no connection_ack");
    }

    /**
     * The first answer of a one-off subscription, as an HTTP answer's body would read: opens a
     * socket with the token, subscribes, runs {@code afterSubscribing} (the change that should
     * produce an event; a refusal comes without one) and waits for the first result.
     */
    public static io.restassured.path.json.JsonPath firstAnswer(String token, String document, Map<String, Object> variables,
                                                                Runnable afterSubscribing) {
        Vertx vertx = io.quarkus.arc.Arc.container().instance(Vertx.class).get();
        try (GraphQLSocket socket = open(vertx, TRANSPORT_WS, token)) {
            socket.subscribe("1", document, variables);
            JsonObject result = socket.nextResult("1", Duration.ofMillis(300));
            if (result == null) {
                afterSubscribing.run();
                result = socket.nextResult("1", Duration.ofSeconds(15));
            }
            return new io.restassured.path.json.JsonPath(result == null ? "{}" : result.encode());
        }
    }

    /** Starts a subscription under the id. */
    public void subscribe(String id, String query, Map<String, Object> variables) {
        JsonObject payload = new JsonObject().put("query", query).put("variables", new JsonObject(variables));
        send(new JsonObject().put("id", id).put("type", TRANSPORT_WS.equals(protocol) ? "subscribe" : "start").put("payload", payload));
    }

    public void complete(String id) {
        send(new JsonObject().put("id", id).put("type", TRANSPORT_WS.equals(protocol) ? "complete" : "stop"));
    }

    /**
     * The next result of a subscription: its {@code payload} ({@code data} and/or {@code errors}),
     * or null when none came in time. An {@code error} message's payload comes back as {@code {errors: [...]}}.
     */
    public JsonObject nextResult(String id, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonObject message = poll(deadline);
            if (message == null) {
                return null;
            }
            String type = message.getString("type");
            if (!id.equals(message.getString("id"))) {
                continue;
            }
            if ("next".equals(type) || "data".equals(type)) {
                return message.getJsonObject("payload");
            }
            if ("error".equals(type)) {
                Object payload = message.getValue("payload");
                return payload instanceof JsonObject object && object.containsKey("errors") ? object
                        : new JsonObject().put("errors", payload instanceof JsonObject object ? List.of(object) : payload);
            }
            if ("complete".equals(type)) {
                return new JsonObject().put("complete", true);
            }
        }
    }

    /** Fails when a result of the subscription arrives within the time. */
    public void expectNothing(String id, Duration during) {
        JsonObject result = nextResult(id, during);
        if (result != null) {
            fail("expected nothing for subscription " + id + ", got " + result.encodePrettily());
        }
    }

    /** Waits for the socket to be closed by the server and returns its close code. */
    public short awaitClose(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (closeCode == null && System.nanoTime() < deadline) {
            poll(Math.min(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100)));
        }
        assertNotNull(closeCode, "the server did not close the socket");
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    private JsonObject next(Duration within, String type) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonObject message = poll(deadline);
            if (message == null) {
                return null;
            }
            if (type.equals(message.getString("type"))) {
                return message;
            }
            if ("connection_error".equals(message.getString("type"))) {
                assertEquals(type, message.encode());
            }
        }
    }

    private JsonObject poll(long deadline) {
        try {
            long wait = deadline - System.nanoTime();
            return wait <= 0 ? received.poll() : received.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void send(JsonObject message) {
        socket.writeTextMessage(message.encode());
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
        client.close();
    }
}
