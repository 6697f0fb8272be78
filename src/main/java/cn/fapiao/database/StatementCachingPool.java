package cn.fapiao.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The reactive pool as Quarkus configures it, with room for our longest statements in each
 * connection's prepared-statement cache.
 *
 * <p>The Vert.x client keeps a statement prepared on the server only when its SQL is shorter than
 * 2,048 characters. Longer ones (issuing an invoice: counter, invoice, lines and history in one
 * statement; a page of the invoice list, which selects the invoice columns on both sides of a
 * union) were sent unnamed, so PostgreSQL parsed and planned them again on every execution. Quarkus
 * has no setting for this limit; it asks a {@link PgPoolCreator} bean, if there is one, to build
 * the pool from its own options.
 */
@Singleton
public class StatementCachingPool implements PgPoolCreator {

    /** Every statement this server sends is shorter; dynamic ones vary in a few filters only. */
    static final int STATEMENT_CACHE_SQL_LIMIT = 16_384;

    @Override
    @SuppressWarnings("deprecation") // PgPool: the type Quarkus expects back in Vert.x 4
    public Pool create(Input input) {
        List<PgConnectOptions> databases = input.pgConnectOptionsList();
        databases.forEach(options -> options.setPreparedStatementCacheSqlLimit(STATEMENT_CACHE_SQL_LIMIT));
        return PgPool.pool(input.vertx(), databases, input.poolOptions());
    }
}
