package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every change to an invoice, its creation included, writes an event into the outbox in its own
 * transaction, whoever makes it; every replica evicts its cached copy when the event arrives.
 */
@QuarkusTest
class InvoiceChangeNotifierTest {

    private static final String BY_NUMBER = "query Q($n: String!) { invoiceByNumber(number: $n) { status remark } }";

    @Inject
    Pool database;

    @Test
    void issuingAndConfirmingUseWriteTheirEvents() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*子", "9.00", "0.13"))));
        long id = Long.parseLong(issued.get("id"));
        assertEquals(List.of("invoice.status"), kinds(id));

        JsonPath confirmed = GraphQL.postAs(Tokens.of("b-accountant"), "confirmInvoiceUse", "id", (String) issued.get("id"));
        assertNull(confirmed.get("errors"), confirmed::prettify);

        assertEquals(List.of("invoice.status", "invoice.changed"), kinds(id));
    }

    @Test
    void anInvoiceAnOrganisationIssuedToItselfNamesItOnceInItsEvents() {
        long id = Long.parseLong(Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*自开", "7.00", "0.13")))).get("id"));
        database.preparedQuery("update invoice set buyer_org_id = seller_org_id where id = $1").execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10));
        database.preparedQuery("insert into invoice_status_history (invoice_id, from_status, to_status, changed_by) values ($1, 'NORMAL', 'ABNORMAL', 'tax-sync')")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10));
        // Each event reaches an organisation's subscribers and webhooks once (was {A, A}, counted twice by readers of the outbox).
        for (Row row : database.preparedQuery("select cardinality(organisation_ids) from event_outbox where subject_id = $1 and id > (select max(id) - 2 from event_outbox where subject_id = $1)")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10))) {
            assertEquals(1, row.getInteger(0));
        }
    }

    @Test
    void aChangeMadeByAnotherReplicaEvictsTheCachedInvoiceHere() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*癸", "8.00", "0.13"))));
        String number = issued.get("number");
        for (int lookup = 0; lookup < 2; lookup++) { // the second lookup caches it
            assertEquals("NORMAL", lookUp(number).getString("status"));
        }

        // Another replica's transactions: plain SQL, no call into this one.
        database.preparedQuery("update invoice set remark = 'changed elsewhere' where invoice_number = $1")
                .execute(Tuple.of(number)).await().atMost(Duration.ofSeconds(10));
        awaitRemark(number, "changed elsewhere");
        database.withTransaction(connection -> connection.preparedQuery("update invoice set status = 'ABNORMAL' where invoice_number = $1")
                        .execute(Tuple.of(number))
                        .chain(() -> connection.preparedQuery("insert into invoice_status_history (invoice_id, from_status, to_status, changed_by)"
                                + " select id, 'NORMAL', 'ABNORMAL', 'tax-sync' from invoice where invoice_number = $1").execute(Tuple.of(number))))
                .await().atMost(Duration.ofSeconds(10));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"ABNORMAL".equals(lookUp(number).getString("status")) && System.nanoTime() < deadline) {
            sleep();
        }
        assertEquals("ABNORMAL", lookUp(number).getString("status"));
    }

    private void awaitRemark(String number, String remark) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!remark.equals(lookUp(number).getString("remark")) && System.nanoTime() < deadline) {
            sleep();
        }
        assertEquals(remark, lookUp(number).getString("remark"), "the cached copy was never evicted");
    }

    private List<String> kinds(long id) {
        List<String> kinds = new ArrayList<>();
        for (Row row : database.preparedQuery("select kind from event_outbox where subject_id = $1 and kind like 'invoice.%' order by id")
                .execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10))) {
            kinds.add(row.getString("kind"));
        }
        return kinds;
    }

    private static JsonPath lookUp(String number) {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("b-accountant"), BY_NUMBER, "n", number);
        assertNull(answer.get("errors"), answer::prettify);
        return answer.setRootPath("data.invoiceByNumber");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
