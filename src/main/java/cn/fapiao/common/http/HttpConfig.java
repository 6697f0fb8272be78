package cn.fapiao.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** How GraphQL is served over HTTP ({@code fapiao.http.*}); CORS and compression are Quarkus's own settings. */
@ConfigMapping(prefix = "fapiao.http")
public interface HttpConfig {

    /** Persisted operations. */
    PersistedQueries persistedQueries();

    /**
     * How long HTTP caches may keep the answer to a GET of a persisted public reference query
     * (code and tax-ID helpers; never anything that depends on the caller).
     */
    @WithDefault("PT5M")
    Duration publicCacheMaxAge();

    /**
     * The smallest answer compressed when {@code quarkus.http.enable-compression} is on: below it,
     * compressing costs more CPU than the bytes it saves (see the README, Transport).
     */
    @WithDefault("1K")
    MemorySize compressFrom();

    interface PersistedQueries {

        /**
         * {@code automatic}: Apollo's automatic persisted queries, any valid document may be
         * registered by its hash; {@code allow-list}: only the operations of the manifest run.
         */
        @WithDefault("automatic")
        Mode mode();

        /** A client's manifest of registered operations (Apollo's persisted-query manifest JSON), allowed in allow-list mode besides the web console's own. */
        Optional<String> manifest();
    }

    enum Mode {
        AUTOMATIC,
        ALLOW_LIST
    }
}
