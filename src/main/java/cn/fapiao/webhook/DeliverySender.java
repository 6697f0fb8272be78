package cn.fapiao.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.ConnectException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one signed POST to an endpoint, without blocking: the Vert.x HTTP client, the address
 * checked by {@link EndpointResolver} (not a second lookup), no redirects, a connect timeout and
 * a timeout for the whole attempt. The answer's body is read and thrown away (a receiver cannot
 * make the server hold a large answer in memory).
 */
@ApplicationScoped
public class DeliverySender {

    public static final String SIGNATURE = "Fapiao-Signature";
    public static final String TIMESTAMP = "Fapiao-Timestamp";
    public static final String DELIVERY = "Fapiao-Delivery";
    public static final String EVENT = "Fapiao-Event";
    public static final String EVENT_ID = "Fapiao-Event-Id";

    private final HttpClient client;
    private final EndpointResolver resolver;
    private final WebhookSecrets secrets;
    private final WebhookConfig config;

    public DeliverySender(Vertx vertx, EndpointResolver resolver, WebhookSecrets secrets, WebhookConfig config) {
        this.resolver = resolver;
        this.secrets = secrets;
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setVerifyHost(true)
                        .setTrustAll(false)
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(4));
    }

    void close(@Observes ShutdownEvent stop) {
        client.closeAndForget();
    }

    /** Sends the delivery and reports how it went; never fails (a failure is a result). */
    public Uni<AttemptResult> send(ClaimedDelivery delivery) {
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        long start = System.nanoTime();
        // Whatever goes wrong before a request leaves (a secret that no longer decrypts, say) is an
        // attempt that failed, recorded and retried, not a claim left hanging until its lease ends.
        return Uni.createFrom().deferred(() -> attempt(delivery, startedAt, start))
                .onFailure().recoverWithItem(failure -> new AttemptResult(startedAt, elapsed(start), null, "Not sent: " + describe(failure)));
    }

    private Uni<AttemptResult> attempt(ClaimedDelivery delivery, OffsetDateTime startedAt, long start) {
        EndpointUrl.Result parsed = EndpointUrl.parse(delivery.url(), config.allowHttp(), "url");
        if (parsed.url() == null) {
            return Uni.createFrom().item(new AttemptResult(startedAt, 0, null, "Not sent: " + parsed.problem().message()));
        }
        EndpointUrl url = parsed.url();
        return resolver.resolve(url.host()).chain(resolution -> {
            if (!resolution.allowed()) {
                return Uni.createFrom().item(new AttemptResult(startedAt, elapsed(start), null, "Not sent: " + resolution.refusal()));
            }
            String body = WebhookPayload.body(delivery);
            long timestamp = System.currentTimeMillis() / 1000;
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setServer(SocketAddress.inetSocketAddress(url.port(), resolution.address().getHostAddress()))
                    .setHost(url.host())
                    .setPort(url.port())
                    .setSsl(url.https())
                    .setURI(url.requestUri())
                    .setFollowRedirects(false)
                    .putHeader("User-Agent", "fapiao-webhooks/1")
                    .setIdleTimeout(config.requestTimeout().toMillis())
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader(TIMESTAMP, Long.toString(timestamp))
                    .putHeader(SIGNATURE, WebhookSignature.sign(secrets.reveal(delivery.sealedSecret()), timestamp, body))
                    .putHeader(DELIVERY, Long.toString(delivery.id()))
                    .putHeader(EVENT, delivery.kind())
                    .putHeader(EVENT_ID, Long.toString(delivery.position()));
            AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
            return client.request(options)
                    .chain(request -> {
                        sent.set(request);
                        return request.send(Buffer.buffer(body));
                    })
                    .chain(response -> {
                        int status = response.statusCode();
                        response.handler(ignored -> {
                        });
                        return response.end().replaceWith(status);
                    })
                    .ifNoItem().after(config.requestTimeout()).failWith(TimeoutException::new)
                    .map(status -> new AttemptResult(startedAt, elapsed(start), status, null))
                    .onFailure().recoverWithItem(failure -> {
                        HttpClientRequest request = sent.get();
                        if (request != null) {
                            request.reset();
                        }
                        return new AttemptResult(startedAt, elapsed(start), null, describe(failure));
                    });
        });
    }

    /** What the admin sees of a failure: its kind, not the server's internals. */
    private String describe(Throwable failure) {
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return "Timed out (no complete answer within " + config.requestTimeout().toSeconds() + " s).";
        }
        if (failure instanceof ConnectException) {
            return "Connection failed: " + failure.getMessage();
        }
        if (failure instanceof javax.net.ssl.SSLException) {
            return "TLS failed: " + failure.getMessage();
        }
        return "Failed: " + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static int elapsed(long start) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
    }
}
