package cn.fapiao.common.http;

import cn.fapiao.common.ErrorCode;
import cn.fapiao.common.cache.LocalCaches;
import com.github.benmanes.caffeine.cache.Cache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.graphql.JsonProviderHolder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Persisted operations: clients send the SHA-256 of a document instead of the document.
 *
 * <p>In {@code automatic} mode (Apollo's automatic persisted queries) a hash the server does not
 * know answers {@code PERSISTED_QUERY_NOT_FOUND}; the client sends the document with its hash once,
 * the server checks the hash and stores the document in PostgreSQL, so every replica knows it from
 * then on. Each replica keeps the documents it has seen in memory: a hash names its document
 * forever, so there is nothing to invalidate. A document is stored only once it parsed and
 * validated, so garbage is never kept.
 *
 * <p>In {@code allow-list} mode only the operations of the manifest run (by hash, or by a document
 * whose hash is in it); nothing is registered. The web console's own operations (its build's
 * manifest, in the jar) are always known: registered in automatic mode, allowed in allow-list mode.
 */
@ApplicationScoped
public class PersistedQueries {

    private static final Logger LOG = Logger.getLogger(PersistedQueries.class);
    /** The web console's manifest, written by the build (src/build/persisted-operations.mjs). */
    static final String CONSOLE_MANIFEST = "META-INF/resources/persisted-operations.json";

    private final Pool pool;
    private final HttpConfig.PersistedQueries config;
    private final Cache<String, String> known = LocalCaches.builder().maximumSize(10_000).build();
    private volatile Map<String, String> allowed = Map.of();

    public PersistedQueries(Pool pool, HttpConfig config) {
        this.pool = pool;
        this.config = config.persistedQueries();
    }

    void loadManifest(@Observes StartupEvent start) {
        Map<String, String> console = consoleOperations();
        if (allowListed()) {
            Map<String, String> operations = new HashMap<>(console);
            config.manifest().ifPresent(manifest -> operations.putAll(readManifest(Path.of(manifest))));
            allowed = Map.copyOf(operations);
            LOG.infof("Allow-list mode: %d registered operations (the web console's%s)", allowed.size(),
                    config.manifest().map(m -> " and " + m).orElse(""));
        } else {
            // The console's operations run by hash from its first request on, without the round trip
            // that registers an unknown hash.
            known.putAll(console);
        }
    }

    /** The operations of the web console built into the jar (its build writes the manifest), none if absent. */
    static Map<String, String> consoleOperations() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CONSOLE_MANIFEST)) {
            if (in == null) {
                return Map.of();
            }
            return readManifest(new InputStreamReader(in, StandardCharsets.UTF_8), CONSOLE_MANIFEST);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CONSOLE_MANIFEST, e);
        }
    }

    boolean allowListed() {
        return config.mode() == HttpConfig.Mode.ALLOW_LIST;
    }

    /** Whether the request can run as it is, without looking anything up (the common case). */
    boolean runsAsSent(GraphQLRequest request) {
        return request.persistedHash() == null && !allowListed();
    }

    /** The request with its document: found by its hash, or checked against it. Fails with an {@link HttpRefusal}. */
    Uni<GraphQLRequest> resolve(GraphQLRequest request) {
        String hash = request.persistedHash();
        if (request.query() != null) {
            String actual = PersistedHash.of(request.query());
            if (hash != null && !hash.equals(actual)) {
                return Uni.createFrom().failure(new HttpRefusal(400, ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, "extensions.persistedQuery.sha256Hash",
                        "`extensions.persistedQuery.sha256Hash` is not the SHA-256 of the document in `query`."));
            }
            if (allowListed() && !allowed.containsKey(actual)) {
                return Uni.createFrom().failure(notAllowed());
            }
            return Uni.createFrom().item(request);
        }
        if (allowListed()) {
            String document = allowed.get(hash);
            return document == null ? Uni.createFrom().failure(notAllowed()) : Uni.createFrom().item(request.withQuery(document));
        }
        String cached = known.getIfPresent(hash);
        if (cached != null) {
            return Uni.createFrom().item(request.withQuery(cached));
        }
        return pool.preparedQuery("select document from persisted_query where sha256 = $1").execute(Tuple.of(hash))
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        throw new HttpRefusal(200, ErrorCode.PERSISTED_QUERY_NOT_FOUND, null,
                                "PersistedQueryNotFound: no operation is stored under this hash; send it again with the document in `query`.");
                    }
                    String document = found.next().getString(0);
                    known.put(hash, document);
                    return request.withQuery(document);
                });
    }

    /** Stores a document that was sent with its hash and has parsed and validated, for every replica. */
    void register(String hash, String document) {
        if (known.getIfPresent(hash) != null) {
            return;
        }
        known.put(hash, document);
        pool.preparedQuery("insert into persisted_query (sha256, document) values ($1, $2) on conflict (sha256) do nothing")
                .execute(Tuple.of(hash, document))
                .subscribe().with(done -> { }, failure -> {
                    known.invalidate(hash);
                    LOG.warn("Could not store a persisted query", failure);
                });
    }

    private static HttpRefusal notAllowed() {
        return new HttpRefusal(400, ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, "extensions.persistedQuery.sha256Hash",
                "Only registered operations run on this server: send the hash of an operation of the client's manifest.");
    }

    /**
     * Apollo's persisted-query manifest: {@code {"operations": [{"id": sha256, "body": document}, ...]}}.
     * Each id is checked against its body, so a wrong manifest stops the start instead of running other documents.
     */
    static Map<String, String> readManifest(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readManifest(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the persisted-query manifest " + file, e);
        }
    }

    private static Map<String, String> readManifest(Reader in, String name) {
        try (JsonReader reader = JsonProviderHolder.JSON_PROVIDER.createReader(in)) {
            Map<String, String> operations = new HashMap<>();
            for (JsonValue entry : reader.readObject().getJsonArray("operations")) {
                JsonObject operation = entry.asJsonObject();
                String body = operation.getString("body");
                String id = operation.getString("id").toLowerCase();
                if (!id.equals(PersistedHash.of(body))) {
                    throw new IllegalStateException("Persisted-query manifest " + name + ": the id " + id + " is not the SHA-256 of its body");
                }
                operations.put(id, body);
            }
            return Map.copyOf(operations);
        }
    }
}
