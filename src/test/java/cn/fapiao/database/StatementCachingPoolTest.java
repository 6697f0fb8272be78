package cn.fapiao.database;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A statement longer than the Vert.x client's default limit (2,048 characters) stays prepared on
 * its connection, as the short ones do: PostgreSQL parses and plans it once, not per execution.
 */
@QuarkusTest
class StatementCachingPoolTest {

    @Inject
    Pool database;

    @Test
    void aLongStatementStaysPreparedOnItsConnection() {
        String marker = "long_statement_" + System.nanoTime();
        String sql = "select $1::int as one /* " + marker + " " + "x".repeat(3_000) + " */";
        long prepared = database.withConnection(connection -> connection.preparedQuery(sql).execute(Tuple.of(1))
                        .chain(() -> connection.preparedQuery(sql).execute(Tuple.of(2)))
                        .chain(() -> connection.preparedQuery("select count(*) from pg_prepared_statements where statement like $1")
                                .execute(Tuple.of("%" + marker + "%"))))
                .await().indefinitely().iterator().next().getLong(0);
        assertEquals(1, prepared);
    }
}
