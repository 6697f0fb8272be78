package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What the invoice cache keeps. The remark is changed behind the server's back (straight in the
 * database, with triggers off so that no outbox event evicts it): whether a lookup shows the change
 * tells whether it was served from the cache.
 */
@QuarkusTest
class InvoiceCacheTest {

    private static final String BY_NUMBER = "query Q($n: String!) { invoiceByNumber(number: $n) { remark } }";
    private static final String BY_ID = "query Q($id: ID!) { invoice(id: $id) { remark } }";

    @Inject
    Pool database;

    @Inject
    InvoiceCache cache;

    @Test
    void aLookupByNumberIsCachedFromTheSecondTimeTheInvoiceIsAskedFor() {
        JsonPath issued = issue("*货物*缓存甲");
        long id = Long.parseLong(issued.get("id"));
        String number = issued.get("number");

        setRemark(id, "first");
        assertEquals("first", remark(BY_NUMBER, "n", number, "invoiceByNumber")); // read, only remembered
        setRemark(id, "second");
        assertEquals("second", remark(BY_NUMBER, "n", number, "invoiceByNumber")); // read again, now cached
        setRemark(id, "third");
        assertEquals("second", remark(BY_NUMBER, "n", number, "invoiceByNumber")); // from the cache
    }

    @Test
    void aLookupByIdIsCachedFromTheSecondTimeTheInvoiceIsAskedFor() {
        long id = Long.parseLong(issue("*货物*缓存乙").get("id"));

        setRemark(id, "first");
        assertEquals("first", remark(BY_ID, "id", Long.toString(id), "invoice"));
        setRemark(id, "second");
        assertEquals("second", remark(BY_ID, "id", Long.toString(id), "invoice"));
        setRemark(id, "third");
        assertEquals("second", remark(BY_ID, "id", Long.toString(id), "invoice"));
    }

    @Test
    void aChangeThroughTheApiEvictsTheCachedInvoice() {
        JsonPath issued = issue("*货物*缓存丁");
        String id = issued.get("id");
        String number = issued.get("number");
        String byNumber = "query Q($n: String!) { invoiceByNumber(number: $n) { status } }";
        String byId = "query Q($id: ID!) { invoice(id: $id) { status } }";
        for (int lookup = 0; lookup < 2; lookup++) { // the second lookup caches it
            assertEquals("NORMAL", GraphQL.postQueryAs(Tokens.of("b-accountant"), byNumber, "n", number).get("data.invoiceByNumber.status"));
            assertEquals("NORMAL", GraphQL.postQueryAs(Tokens.of("b-accountant"), byId, "id", id).get("data.invoice.status"));
        }

        JsonPath marked = GraphQL.postAs(Tokens.of("a-partner"), "setInvoiceTaxStatus", "input",
                Map.of("id", id, "status", "LOST_CONTROL", "reason", "issuer's device reported lost"));
        assertNull(marked.get("errors"), marked::prettify);

        assertEquals("LOST_CONTROL", GraphQL.postQueryAs(Tokens.of("b-accountant"), byNumber, "n", number).get("data.invoiceByNumber.status"));
        assertEquals("LOST_CONTROL", GraphQL.postQueryAs(Tokens.of("b-accountant"), byId, "id", id).get("data.invoice.status"));
    }

    @Test
    void detailsReadWhileTheInvoiceChangesAreNotKept() {
        JsonPath issued = issue("*货物*缓存丙");
        long id = Long.parseLong(issued.get("id"));
        LinesAndHistory readBeforeTheChange = new LinesAndHistory(List.of(), List.of());
        LinesAndHistory readAfterIt = new LinesAndHistory(List.of(), List.of());
        // Asked for once before, so the next read goes into the cache.
        cache.detailsOf(List.of(id), ids -> Uni.createFrom().item(Map.of(id, LinesAndHistory.NONE))).await().indefinitely();

        // A page starts reading the invoice's lines and history; the invoice changes (and is evicted)
        // before that read comes back.
        CompletableFuture<Map<Long, LinesAndHistory>> slowRead = new CompletableFuture<>();
        CompletableFuture<Map<Long, LinesAndHistory>> page = cache
                .detailsOf(List.of(id), ids -> Uni.createFrom().completionStage(slowRead)).subscribeAsCompletionStage();
        cache.evict(id, null, issued.get("number")).await().indefinitely();
        slowRead.complete(Map.of(id, readBeforeTheChange));
        assertSame(readBeforeTheChange, page.join().get(id)); // that page answers with what it read

        // The next reader must not be served the older read from the cache.
        Map<Long, LinesAndHistory> next = cache.detailsOf(List.of(id), ids -> Uni.createFrom().item(Map.of(id, readAfterIt)))
                .await().indefinitely();
        assertSame(readAfterIt, next.get(id));
        // And what that reader loaded is kept.
        Map<Long, LinesAndHistory> third = cache.detailsOf(List.of(id), ids -> {
            throw new AssertionError("the details of " + ids + " should have come from the cache");
        }).await().indefinitely();
        assertSame(readAfterIt, third.get(id));
    }

    @Test
    void aPageKeepsAnInvoicesLinesFromTheSecondTimeTheyAreAskedFor() {
        JsonPath issued = issue("*货物*缓存戊");
        long id = Long.parseLong(issued.get("id"));
        String page = "query P($f: InvoiceFilter) { invoices(filter: $f, first: 5) { edges { node { id lines { itemName } } } } }";
        Map<String, Object> filter = Map.of("buyerTaxId", Invoices.ORG_B, "amountMin", "12.00", "amountMax", "14.00");

        setItemName(id, "first");
        assertEquals("first", itemName(page, filter, id)); // read, only remembered
        setItemName(id, "second");
        assertEquals("second", itemName(page, filter, id)); // read again, now cached
        setItemName(id, "third");
        assertEquals("second", itemName(page, filter, id)); // from the cache
    }

    private void setItemName(long id, String name) {
        database.preparedQuery("update invoice_line set item_name = $2 where invoice_id = $1").execute(Tuple.of(id, name)).await().indefinitely();
    }

    /** The item name of invoice {@code id} on the first page of the list (the newest invoices come first). */
    private static String itemName(String page, Map<String, Object> filter, long id) {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("b-accountant"), page, "f", filter);
        assertNull(answer.get("errors"), answer::prettify);
        String name = answer.getString("data.invoices.edges.node.find { it.id == '" + id + "' }.lines[0].itemName");
        assertNotNull(name, () -> "invoice " + id + " is not on the first page: " + answer.prettify());
        return name;
    }

    private static JsonPath issue(String itemName) {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line(itemName, "12.00", "0.13"))));
        assertNull(issued.get("errors"), issued::prettify);
        return issued;
    }

    private void setRemark(long id, String remark) {
        database.withTransaction(connection -> connection.query("set local session_replication_role = replica").execute()
                .chain(() -> connection.preparedQuery("update invoice set remark = $2 where id = $1").execute(Tuple.of(id, remark))))
                .await().indefinitely();
    }

    private static String remark(String query, String variable, String value, String field) {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("b-accountant"), query, variable, value);
        assertNull(answer.get("errors"), answer::prettify);
        return answer.get("data." + field + ".remark");
    }
}
