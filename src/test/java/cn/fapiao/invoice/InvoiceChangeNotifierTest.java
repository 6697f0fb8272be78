package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every change to an invoice, its creation included, is announced on {@code fapiao_events} after
 * commit, so that other replicas evict it from their caches (a cached "not found" of a new number too).
 */
@QuarkusTest
class InvoiceChangeNotifierTest {

    @Inject
    Pool database;

    private SqlConnection listener;
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @BeforeEach
    void listen() {
        listener = database.getConnection().await().indefinitely();
        PgConnection.cast(listener).notificationHandler(notification -> {
            if (notification.getChannel().equals(InvoiceChangeNotifier.CHANNEL)) {
                heard.add(notification.getPayload());
            }
        });
        listener.query("LISTEN " + InvoiceChangeNotifier.CHANNEL).execute().await().indefinitely();
    }

    @AfterEach
    void close() {
        listener.close().await().indefinitely();
    }

    @Test
    void issuingAnInvoiceAnnouncesIt() throws InterruptedException {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*癸", "8.00", "0.13"))));
        String expected = "invoice:" + issued.get("id") + "::" + issued.get("number");
        assertTrue(heardWithin(expected), () -> "not announced: " + expected + ", heard " + heard);
    }

    @Test
    void confirmingTheUseOfAnInvoiceAnnouncesIt() throws InterruptedException {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*子", "9.00", "0.13"))));
        String expected = "invoice:" + issued.get("id") + "::" + issued.get("number");
        // The issue announces the same payload: wait for it first, so that it cannot pass for the confirmation's.
        assertTrue(heardWithin(expected), () -> "issue not announced: " + expected + ", heard " + heard);
        heard.clear();

        JsonPath confirmed = GraphQL.postAs(Tokens.of("b-accountant"), "confirmInvoiceUse", "id", (String) issued.get("id"));

        assertNull(confirmed.get("errors"), confirmed::prettify);
        assertTrue(heardWithin(expected), () -> "not announced: " + expected + ", heard " + heard);
    }

    private boolean heardWithin(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String payload = heard.poll(100, TimeUnit.MILLISECONDS);
            if (expected.equals(payload)) {
                return true;
            }
        }
        return false;
    }
}
