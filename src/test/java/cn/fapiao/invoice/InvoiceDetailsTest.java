package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An invoice's lines and status history are loaded only when selected, by each operation that
 * returns invoices. The single lookups and the life-cycle mutations are covered where they are
 * tested (their documents select both); these are the other places invoices appear.
 */
@QuarkusTest
class InvoiceDetailsTest {

    @Inject
    Pool pool;

    @Test
    void aPageOfTheListCarriesEachInvoicesLinesAndHistory() {
        // A total range no other test's invoices fall into (totals include 13% tax).
        String amount = ThreadLocalRandom.current().nextInt(70_000, 80_000) + ".37";
        JsonPath one = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*甲", amount, "0.13"))));
        JsonPath two = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*乙", amount, "0.13"), Invoices.line("*货物*丙", "1.00", "0.13"))));

        JsonPath page = GraphQL.postAs(Tokens.of("b-accountant"), "invoicesWithDetails", "first", 10,
                "filter", Map.of("amountMin", amount, "amountMax", new BigDecimal(amount).multiply(BigDecimal.valueOf(2)).toPlainString()));

        assertNull(page.get("errors"), page::prettify);
        List<Map<String, Object>> nodes = page.getList("data.invoices.edges.node");
        assertEquals(2, nodes.size(), page::prettify);
        Map<String, Map<String, Object>> byId = Map.of((String) nodes.get(0).get("id"), nodes.get(0), (String) nodes.get(1).get("id"), nodes.get(1));
        assertEquals(List.of("*货物*甲"), itemNames(byId.get((String) one.get("id"))));
        assertEquals(List.of("*货物*乙", "*货物*丙"), itemNames(byId.get((String) two.get("id"))));
        assertEquals("NORMAL", ((List<Map<String, Object>>) byId.get((String) one.get("id")).get("statusHistory")).get(0).get("toStatus"));
    }

    @Test
    void theConfirmedInvoiceComesBackWithItsLinesAndHistory() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*服务*丁", "50.00", "0.06"))));
        JsonPath confirmed = GraphQL.postAs(Tokens.of("b-accountant"), "confirmInvoiceUseWithDetails", "id", (String) issued.get("id"));
        assertNull(confirmed.get("errors"), confirmed::prettify);
        assertEquals(1, confirmed.getList("data.confirmInvoiceUse.lines").size());
        assertEquals("NORMAL", confirmed.get("data.confirmInvoiceUse.statusHistory[0].toStatus"));
    }

    @Test
    void aNearMatchCarriesItsLinesAndHistory() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*戊", "23.23", "0.13"))));
        String number = issued.get("number");
        String typo = Invoices.withSequenceDigitWrong(number);
        JsonPath body = GraphQL.postAs(Tokens.of("b-accountant"), "diagnoseWithDetails", "input", Map.of("number", typo, "amount", "23.23"));
        assertNull(body.get("errors"), body::prettify);
        assertEquals(number, body.get("data.diagnoseInvoice.nearMatches[0].invoice.number"), body::prettify);
        assertEquals("*货物*戊", body.get("data.diagnoseInvoice.nearMatches[0].invoice.lines[0].itemName"));
        assertEquals("NORMAL", body.get("data.diagnoseInvoice.nearMatches[0].invoice.statusHistory[0].toStatus"));
    }

    @Test
    void linesAndHistorySelectedThroughFragmentsAndAliasesAreLoaded() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*己", "12.34", "0.13"))));
        String query = "query Q($id: ID!) { invoice(id: $id) { number ... on Invoice { items: lines { itemName } } ...History } }"
                + " fragment History on Invoice { ... { changes: statusHistory { toStatus } } }";
        JsonPath body = GraphQL.postQueryAs(Tokens.of("b-accountant"), query, "id", (String) issued.get("id"));
        assertNull(body.get("errors"), body::prettify);
        assertEquals("*货物*己", body.get("data.invoice.items[0].itemName"));
        assertEquals("NORMAL", body.get("data.invoice.changes[0].toStatus"));
    }

    @Test
    void anInvoiceRememberedWithoutItsLinesGetsThemWhenTheyAreAskedFor() {
        // The first two lookups read the row alone (the second time, it is cached); the third selects
        // the details of that cached invoice.
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*壬", "31.00", "0.13"))));
        String number = issued.get("number");
        for (int lookup = 0; lookup < 2; lookup++) {
            JsonPath plain = GraphQL.postQueryAs(Tokens.of("b-accountant"), "query Q($n: String!) { invoiceByNumber(number: $n) { number status } }", "n", number);
            assertNull(plain.get("errors"), plain::prettify);
        }

        JsonPath detailed = GraphQL.postQueryAs(Tokens.of("b-accountant"),
                "query Q($n: String!) { invoiceByNumber(number: $n) { number lines { itemName } statusHistory { toStatus } } }", "n", number);

        assertNull(detailed.get("errors"), detailed::prettify);
        assertEquals("*货物*壬", detailed.get("data.invoiceByNumber.lines[0].itemName"));
        assertEquals("NORMAL", detailed.get("data.invoiceByNumber.statusHistory[0].toStatus"));
    }

    @Test
    void everyValueOfALineAndOfTheHistoryComesBackAsStored() {
        Map<String, Object> line = Invoices.line("*服务*庚", "25.00", "0.06");
        line.put("specification", "A-1");
        line.put("unit", "次");
        line.put("quantity", "2");
        line.put("unitPrice", "12.5");
        Instant before = Instant.now().minusSeconds(60);
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(line, Invoices.line("*服务*辛", "1.10", "0.06"))));
        String query = "query Q($id: ID!) { invoice(id: $id) { lines { lineNo itemName specification unit quantity unitPrice amount taxRate"
                + " taxTreatment tax remainingAmount } statusHistory { fromStatus toStatus changedAt changedBy reason } } }";

        JsonPath body = GraphQL.postQueryAs(Tokens.of("b-accountant"), query, "id", (String) issued.get("id"))
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)); // amounts with their scale

        assertNull(body.get("errors"), body::prettify);
        Map<String, Object> first = body.getMap("data.invoice.lines[0]");
        assertEquals("1", String.valueOf(first.get("lineNo")));
        assertEquals("*服务*庚", first.get("itemName"));
        assertEquals("A-1", first.get("specification"));
        assertEquals("次", first.get("unit"));
        assertEquals(List.of("2", "12.5", "25.00", "1.50", "25.00"), List.of(first.get("quantity"), first.get("unitPrice"),
                first.get("amount"), first.get("tax"), first.get("remainingAmount")).stream().map(String::valueOf).toList());
        assertEquals(0, new BigDecimal("0.06").compareTo((BigDecimal) first.get("taxRate")));
        assertEquals("2", String.valueOf((Object) body.get("data.invoice.lines[1].lineNo")));
        assertNull(body.get("data.invoice.lines[1].quantity"));
        Map<String, Object> change = body.getMap("data.invoice.statusHistory[0]");
        assertNull(change.get("fromStatus"));
        assertEquals("NORMAL", change.get("toStatus"));
        // In UTC, as every other timestamp of the API.
        Instant changedAt = OffsetDateTime.parse((String) change.get("changedAt")).toInstant();
        assertTrue(((String) change.get("changedAt")).endsWith("Z"), change::toString);
        assertTrue(changedAt.isAfter(before) && changedAt.isBefore(Instant.now().plusSeconds(60)), change::toString);
        // To the microsecond, as stored.
        Instant stored = pool.preparedQuery("select changed_at from invoice_status_history where invoice_id = $1")
                .execute(Tuple.of(Long.parseLong(issued.get("id")))).await().indefinitely().iterator().next()
                .getOffsetDateTime(0).toInstant();
        assertEquals(stored, changedAt);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aListedInvoiceShowsItsFirstLinesAndSaysHowManyItHas() {
        // The query limits count a listed invoice's lines at fapiao.graphql.listed-invoice-lines (50): the page holds to it.
        String amount = ThreadLocalRandom.current().nextInt(300_000, 310_000) + ".11";
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        lines.add(Invoices.line("*货物*第1行", amount, "0.13"));
        for (int i = 2; i <= 60; i++) {
            lines.add(Invoices.line("*货物*第" + i + "行", "1.00", "0.13"));
        }
        JsonPath issued = Invoices.issue(Invoices.toOrgB(lines));

        String total = pool.preparedQuery("select total::text from invoice where id = $1").execute(Tuple.of(Long.parseLong(issued.get("id"))))
                .await().indefinitely().iterator().next().getString(0);
        JsonPath page = GraphQL.postAs(Tokens.of("b-accountant"), "invoicesWithEveryField", "first", 5,
                "filter", Map.of("amountMin", total, "amountMax", total));
        assertNull(page.get("errors"), page::prettify);
        assertEquals(1, page.getList("data.invoices.edges").size(), page::prettify);
        assertEquals(60, page.getInt("data.invoices.edges[0].node.lineCount"));
        List<Map<String, Object>> shown = page.getList("data.invoices.edges[0].node.lines");
        assertEquals(50, shown.size());
        assertEquals("*货物*第50行", shown.get(49).get("itemName"));

        JsonPath single = GraphQL.postQueryAs(Tokens.of("b-accountant"), "query Q($id: ID!) { invoice(id: $id) { lineCount lines { lineNo } } }",
                "id", (String) issued.get("id"));
        assertNull(single.get("errors"), single::prettify);
        assertEquals(60, single.getInt("data.invoice.lineCount"));
        assertEquals(60, single.getList("data.invoice.lines").size());
    }

    @Test
    void theNewestStatusChangesAreShown() {
        // The query limits count a status history at fapiao.graphql.status-history (20) changes.
        long id = Invoices.insertLegacy(pool, "011002600104", "04", java.time.LocalDate.now().minusDays(2), "12345678901234567890", "NORMAL", "10.00").id();
        pool.preparedQuery("""
                        insert into invoice_status_history (invoice_id, from_status, to_status, changed_at, changed_by, reason)
                        select $1, 'NORMAL', case when n % 2 = 0 then 'NORMAL' else 'ABNORMAL' end,
                               now() - interval '1 hour' + n * interval '1 second', 'tax-sync', 'change ' || n
                        from generate_series(1, 25) as n""")
                .execute(Tuple.of(id)).await().indefinitely();
        JsonPath body = GraphQL.postQueryAs(Tokens.of("a-accountant"), "query Q($id: ID!) { invoice(id: $id) { statusHistory { reason } } }",
                "id", Long.toString(id));
        assertNull(body.get("errors"), body::prettify);
        List<String> reasons = body.getList("data.invoice.statusHistory.reason");
        assertEquals(20, reasons.size());
        assertEquals("change 6", reasons.get(0));
        assertEquals("change 25", reasons.get(19));
    }

    private static List<String> itemNames(Map<String, Object> node) {
        return ((List<Map<String, Object>>) node.get("lines")).stream().map(line -> (String) line.get("itemName")).toList();
    }
}
