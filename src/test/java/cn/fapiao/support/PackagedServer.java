package cn.fapiao.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What the packaged server (the jar, production profile) needs to start in tests against it
 * ({@code *IT}, run by failsafe after packaging): the throw-away keys of {@code src/test/resources},
 * a throw-away embedded database started here (so that a test can start a second server on it), and a first organisation with its admin (the bootstrap, as on a
 * new installation), which is also the feedback desk's organisation; and introspection on, as a public
 * API may have it (FAPIAO_GRAPHQL_INTROSPECTION), because the graphql-http audits of variables query
 * {@code __type}. Everything else is as deployed. One configuration for every IT, so that they share
 * one start of the server.
 */
public class PackagedServer implements QuarkusTestResourceLifecycleManager {

    public static final String ORGANISATION = "91110000802100433B";
    public static final String ADMIN = "a-admin";

    private static volatile Map<String, String> config;
    private EmbeddedPostgres database;

    @Override
    public Map<String, String> start() {
        Path keys = Path.of("src/test/resources/keys").toAbsolutePath();
        if (!Files.isRegularFile(keys.resolve("test-private.pem"))) {
            throw new IllegalStateException("Run from the project directory: " + keys + " is missing");
        }
        try {
            // The database lives in the test's JVM, so that a test can start a second server on it.
            database = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").setServerConfig("fsync", "off")
                    .setServerConfig("max_connections", "200").setLocaleConfig("encoding", "UTF8").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>(Map.ofEntries(
                Map.entry("database.url", "postgresql://postgres:postgres@localhost:" + database.getPort() + "/postgres"),
                Map.entry("smallrye.jwt.sign.key.location", keys.resolve("test-private.pem").toString()),
                Map.entry("mp.jwt.verify.publickey.location", keys.resolve("test-public.pem").toString()),
                Map.entry("fapiao.encryption.active-key", testSetting("fapiao.encryption.active-key")),
                Map.entry("fapiao.encryption.keys.test", testSetting("fapiao.encryption.keys.test")),
                Map.entry("fapiao.downloads.signing-key", testSetting("fapiao.downloads.signing-key")),
                Map.entry("fapiao.bootstrap.organisation-uscc", ORGANISATION),
                Map.entry("fapiao.bootstrap.organisation-name", "测试甲公司"),
                Map.entry("fapiao.bootstrap.admin-username", ADMIN),
                Map.entry("fapiao.bootstrap.admin-password", Tokens.PASSWORD),
                Map.entry("fapiao.support.desk-organisation", ORGANISATION),
                Map.entry("fapiao.support.team-lead", "a-support_agent"),
                // The SLA watch every second, and an urgent ticket late after 3 seconds (SlaWatchTwoServersIT).
                Map.entry("fapiao.support.watch-every", "1s"),
                Map.entry("fapiao.support.sla.urgent-first-response", "PT3S"),
                Map.entry("FAPIAO_GRAPHQL_INTROSPECTION", "true"),
                Map.entry("quarkus.management.port", "0"),
                Map.entry("quarkus.log.console.json.enabled", "false")));
        config = Map.copyOf(values);
        return values;
    }

    /** A throw-away key of src/test/resources/application.properties (kept in that one place). */
    private static String testSetting(String name) {
        Properties test = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/test/resources/application.properties"))) {
            test.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Objects.requireNonNull(test.getProperty(name), name);
    }

    /** The configuration the running packaged server got, for a second server on the same database. */
    public static Map<String, String> config() {
        if (config == null) {
            throw new IllegalStateException("The packaged server has not started");
        }
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
