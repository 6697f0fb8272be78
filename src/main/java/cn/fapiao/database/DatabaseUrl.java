package cn.fapiao.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PostgreSQL location given as one URL, {@code postgresql://user:password@host:port/database?params},
 * the form that hosting platforms and operators hand out. It is turned into the reactive URL
 * (request paths), the JDBC URL (Flyway at start-up) and the credentials Quarkus expects.
 */
public record DatabaseUrl(String host, int port, String database, String username, String password, String query) {

    static final int DEFAULT_PORT = 5432;

    /** Parses {@code postgres://} or {@code postgresql://} URLs; anything else is a configuration error. */
    public static DatabaseUrl parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgresql:// (got scheme '" + uri.getScheme() + "')");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host (expected postgresql://user:password@host:port/database)");
        }
        String path = Optional.ofNullable(uri.getPath()).orElse("").replaceFirst("^/", "");
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new DatabaseUrl(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT,
                path.isEmpty() ? "postgres" : path, user, password, uri.getRawQuery());
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // Never print the password.
        return "DatabaseUrl[" + host + ":" + port + "/" + database + ", user=" + username + "]";
    }
}
