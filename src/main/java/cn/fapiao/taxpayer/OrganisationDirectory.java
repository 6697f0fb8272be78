package cn.fapiao.taxpayer;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Organisation id by USCC, for callers that name their organisation by USCC (tokens of an
 * external identity provider). The mapping never changes once made, so it is cached. And the
 * USCC and name of an organisation by id, for the titles of exported files.
 */
@ApplicationScoped
public class OrganisationDirectory {

    private final Pool pool;

    public OrganisationDirectory(Pool pool) {
        this.pool = pool;
    }

    /** The id, or null when no organisation has this USCC. */
    @CacheResult(cacheName = "organisation-id-by-uscc")
    public Uni<Long> idByUscc(String uscc) {
        return pool.preparedQuery("select id from organisation where uscc = $1").execute(Tuple.of(uscc))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
    }

    /** An organisation's tax ID and name. */
    public record Named(String uscc, String name) {
    }

    /** The organisation's USCC and name, or null when there is none with this id (names may change: not cached). */
    public Uni<Named> named(long id) {
        return pool.preparedQuery("select uscc, name from organisation where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : new Named(rows.iterator().next().getString(0), rows.iterator().next().getString(1)));
    }
}
