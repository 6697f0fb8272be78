package cn.fapiao.export.stream;

import cn.fapiao.common.ErrorCode;
import cn.fapiao.export.format.Table;
import cn.fapiao.export.format.TableFormat;
import cn.fapiao.export.format.TableWriter;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.jboss.logging.Logger;

/**
 * Streams the rows of queries (one after the other) into one table file on an HTTP response, in constant memory: a
 * server-side cursor (a portal inside a read-only transaction) fetches {@link #FETCH} rows at a
 * time; each row is written as it comes and the bytes go out in chunks. When the client reads more
 * slowly than the database delivers, the cursor pauses until the response drains (back-pressure),
 * and when the client goes away the cursor is closed and the transaction rolled back, which ends
 * the query in PostgreSQL. Headers go out with the first chunk: a failure before it is a JSON
 * refusal, a failure after it cuts the connection, so that a truncated file never looks complete.
 */
public final class QueryToTable {

    /** Rows per round trip of the cursor. */
    static final int FETCH = 1000;
    private static final Logger LOG = Logger.getLogger(QueryToTable.class);

    private final HttpServerResponse response;
    private final TableFormat format;
    private final Table table;
    private final String fileName;
    private final TableRows rows;
    private final ChunkedBody body = new ChunkedBody();
    private final Runnable finished;
    private final long stallMillis;
    private final io.vertx.core.Vertx vertx = io.vertx.core.Vertx.currentContext().owner();
    private long stallTimer = -1;
    private TableWriter writer;
    private SqlConnection connection;
    private Transaction transaction;
    private RowStream<Row> stream;
    private boolean done;

    private QueryToTable(HttpServerResponse response, TableFormat format, Table table, String fileName, TableRows rows,
                         Runnable finished, long stallMillis) {
        this.finished = finished;
        this.stallMillis = stallMillis;
        this.response = response;
        this.format = format;
        this.table = table;
        this.fileName = fileName;
        this.rows = rows;
    }

    /**
     * Runs {@code sql} with {@code args} and writes its rows, mapped by {@code rows}, as {@code table} in {@code format}.
     * Call on the event loop of the request. {@code finished} runs once when the download ends in any way;
     * a client that takes nothing for {@code stalled} is cut off.
     */
    public static void run(Pool pool, java.util.List<String> statements, Tuple args, HttpServerResponse response, TableFormat format,
                           Table table, String fileName, TableRows rows, java.time.Duration stalled, Runnable finished) {
        new QueryToTable(response, format, table, fileName, rows, finished, stalled.toMillis()).start(pool, statements, args);
    }

    private void start(Pool pool, java.util.List<String> statements, Tuple args) {
        response.closeHandler(v -> cancel("client went away"));
        pool.getConnection()
                .compose(conn -> {
                    connection = conn;
                    if (done) { // the client left while we waited for a connection
                        release();
                        return io.vertx.core.Future.failedFuture("cancelled");
                    }
                    return conn.begin();
                })
                .compose(tx -> {
                    transaction = tx;
                    // Planned for the actual organisation and period each time: a generic plan, which PostgreSQL
                    // switches to after five executions, guesses one row and may sort instead of streaming.
                    return connection.query("set transaction read only; set local plan_cache_mode = force_custom_plan").execute();
                })
                .onSuccess(ok -> next(statements, 0, args))
                .onFailure(this::fail);
    }

    /** Runs statement {@code index}, then the next ones, into the same file. */
    private void next(java.util.List<String> statements, int index, Tuple args) {
        if (done) {
            release();
            return;
        }
        connection.prepare(statements.get(index))
                .onSuccess(statement -> stream(statement, args, index + 1 < statements.size() ? () -> next(statements, index + 1, args) : this::complete))
                .onFailure(this::fail);
    }

    private void stream(PreparedStatement statement, Tuple args, Runnable then) {
        if (done) {
            release();
            return;
        }
        try {
            if (writer == null) {
                writer = TableWriter.of(format, table, body);
            }
        } catch (Exception e) {
            fail(e);
            return;
        }
        stream = statement.createStream(FETCH, args);
        stream.exceptionHandler(this::fail);
        stream.endHandler(v -> {
            stream = null; // ended: its portal is closed
            statement.close();
            then.run();
        });
        stream.handler(row -> {
            if (done) {
                return;
            }
            try {
                writer.row(rows.cells(row));
            } catch (Exception e) {
                fail(e);
                return;
            }
            if (body.isFull()) {
                send();
            }
        });
    }

    /** Sends what was written; pauses the cursor while the client's connection cannot take more. */
    private void send() {
        if (!response.headWritten()) {
            DownloadResponse.fileHeaders(response, format.mediaType(), fileName).setChunked(true);
        }
        response.write(body.take());
        if (response.writeQueueFull() && stream != null) {
            RowStream<Row> paused = stream;
            paused.pause();
            // A client that stops reading but keeps its connection would hold the database connection for ever.
            stallTimer = vertx.setTimer(stallMillis, id -> {
                cancel("client stalled");
                response.reset();
            });
            response.drainHandler(v -> {
                vertx.cancelTimer(stallTimer);
                if (!done) {
                    paused.resume();
                }
            });
        }
    }

    private void complete() {
        if (done) {
            return;
        }
        try {
            Object[] totals = rows.totals();
            if (totals != null) {
                writer.totals(totals);
            }
            writer.finish();
        } catch (Exception e) {
            fail(e);
            return;
        }
        done = true;
        send();
        response.end();
        SqlConnection conn = connection;
        connection = null;
        transaction.commit().onComplete(ignored -> conn.close());
        finished.run();
    }

    private void cancel(String why) {
        if (done) {
            return;
        }
        done = true;
        LOG.debugf("Download %s stopped: %s", fileName, why);
        release();
        finished.run();
    }

    private void fail(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        LOG.errorf(failure, "Download %s failed", fileName);
        release();
        finished.run();
        DownloadResponse.refuse(response, ErrorCode.INTERNAL_ERROR, "System error");
    }

    /** Closes the cursor and rolls back, which ends the statement in PostgreSQL, then returns the connection. */
    private void release() {
        if (connection == null) {
            return;
        }
        SqlConnection conn = connection;
        connection = null;
        io.vertx.core.Future<Void> closed = stream == null ? io.vertx.core.Future.succeededFuture() : stream.close();
        closed.eventually(v -> transaction == null ? io.vertx.core.Future.succeededFuture() : transaction.rollback())
                .onComplete(ignored -> conn.close());
    }
}
