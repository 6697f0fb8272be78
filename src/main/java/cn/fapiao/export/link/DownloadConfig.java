package cn.fapiao.export.link;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of download links and exports ({@code fapiao.downloads.*}). */
@ConfigMapping(prefix = "fapiao.downloads")
public interface DownloadConfig {

    /**
     * Base64 of at least 32 random bytes: the HMAC-SHA256 key signing download links
     * ({@code FAPIAO_DOWNLOADS_SIGNING_KEY}; a Kubernetes Secret in production, generated into
     * {@code .data/dev-secrets} in dev mode). Every replica needs the same key. Changing it
     * invalidates the links handed out, which live minutes only.
     */
    String signingKey();

    /** How long a link works. Short: the link alone authorises its download (see README). */
    @WithDefault("PT5M")
    Duration linkTtl();

    /**
     * The public address links start with, e.g. {@code https://fapiao.example.com}; when absent,
     * the scheme and host the GraphQL request came to (with proxy forwarding enabled, the client's).
     */
    Optional<String> publicBaseUrl();

    /** The longest period of one invoice register, in days (a year and a day for leap years). */
    @WithDefault("366")
    int registerMaxDays();

    /**
     * Register downloads one replica streams at once. Each holds a database connection for as long
     * as its client reads (a slow client pauses its cursor): capped well below the pool's size
     * ({@code DB_POOL_MAX_SIZE}, 20) so that downloads never starve the API. More are RATE_LIMITED.
     */
    @WithDefault("4")
    int maxConcurrentStreams();

    /** A download whose client takes nothing for this long is ended, giving its connection back. */
    @WithDefault("PT60S")
    Duration stalledStreamTimeout();

    /** The most months one trend chart covers. */
    @WithDefault("36")
    int chartMaxMonths();
}
