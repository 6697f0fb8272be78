package cn.fapiao.webhook;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A partner's receiver, on 127.0.0.1 in the test's own JVM (never an outside address): answers
 * the statuses it is told to (200 once the script runs out) and keeps every request it got.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and what the receiver answered. */
    record Received(String deliveryId, String timestamp, String signature, String event, String eventId, String body, int answered) {

        JsonObject json() {
            return new JsonObject(body);
        }

        String invoiceId() {
            JsonObject invoice = json().getJsonObject("invoice");
            return invoice == null ? null : invoice.getString("id");
        }

        /** The check the README tells partners to make: HMAC-SHA256 of "timestamp.body" with the secret, compared in constant time. */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Integer status = script.pollFirst();
            int answer = status == null ? 200 : status;
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("Fapiao-Delivery"), headers.getFirst("Fapiao-Timestamp"), headers.getFirst("Fapiao-Signature"),
                    headers.getFirst("Fapiao-Event"), headers.getFirst("Fapiao-Event-Id"), new String(body, StandardCharsets.UTF_8), answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** The next requests get these statuses, in order. */
    WebhookReceiver answer(int... statuses) {
        for (int status : statuses) {
            script.addLast(status);
        }
        return this;
    }

    /** From now on every request gets 200. */
    void clearScript() {
        script.clear();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<Received> about(String invoiceId) {
        return received.stream().filter(r -> invoiceId.equals(r.invoiceId())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
