package cn.fapiao.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides where the database is, before Quarkus connects to it:
 * <ol>
 *   <li>the usual {@code quarkus.datasource.*} settings (environment or properties) always win;</li>
 *   <li>else a single {@code DATABASE_URL=postgresql://user:password@host:port/db} is expanded
 *       into the reactive URL, the JDBC URL (Flyway) and the credentials;</li>
 *   <li>else an embedded PostgreSQL is started lazily, only when a datasource setting is
 *       actually read at run time, so building the application never starts a database.</li>
 * </ol>
 * Both sources have low ordinals: anything configured explicitly overrides them.
 */
public class DatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context, REACTIVE_URL)) {
            return List.of();
        }
        ConfigValue databaseUrl = context.getValue("database.url");
        if (databaseUrl != null && databaseUrl.getValue() != null && !databaseUrl.getValue().isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(databaseUrl.getValue());
            Map<String, String> values = new java.util.HashMap<>();
            values.put(REACTIVE_URL, url.reactiveUrl());
            values.put(JDBC_URL, url.jdbcUrl());
            if (url.username() != null) {
                values.put(USERNAME, url.username());
            }
            if (url.password() != null) {
                values.put(PASSWORD, url.password());
            }
            return List.of(new MapBackedConfigSource("DATABASE_URL", values, 240) {
            });
        }
        if (!"false".equalsIgnoreCase(valueOf(context, "fapiao.embedded-postgres.enabled"))) {
            String persistent = valueOf(context, "fapiao.embedded-postgres.persistent");
            String dir = valueOf(context, "fapiao.embedded-postgres.data-dir");
            Path dataDirectory = "false".equalsIgnoreCase(persistent) ? null : Path.of(dir == null ? ".data/postgres" : dir);
            return List.of(new EmbeddedPostgresConfigSource(dataDirectory));
        }
        return List.of();
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        String value = valueOf(context, name);
        return value != null && !value.isBlank();
    }

    private static String valueOf(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }

    /** Answers the datasource settings by starting the embedded server on first read. */
    static final class EmbeddedPostgresConfigSource implements ConfigSource {

        private static final Set<String> NAMES = Set.of(REACTIVE_URL, JDBC_URL);
        private final Path dataDirectory;

        EmbeddedPostgresConfigSource(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

        /**
         * Deliberately empty: the Quarkus build reads the value of every listed name, which would
         * start a database during {@code mvnw package}. Lookups by name still reach {@link #getValue}.
         */
        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String name) {
            if (!NAMES.contains(name)) {
                return null;
            }
            int port = EmbeddedPostgresServer.ensureStarted(dataDirectory);
            // The embedded server trusts local connections; the user travels in the URL so that
            // an explicitly configured quarkus.datasource.username is never needed.
            return name.equals(REACTIVE_URL)
                    ? "postgresql://postgres@localhost:" + port + "/postgres"
                    : "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        }

        @Override
        public String getName() {
            return "EmbeddedPostgreSQL";
        }

        @Override
        public int getOrdinal() {
            return 10;
        }
    }
}
