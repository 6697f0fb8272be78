package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.fapiao.support.Imports.batch;
import static cn.fapiao.support.Imports.digital;
import static cn.fapiao.support.Imports.importAs;
import static cn.fapiao.support.Imports.key;
import static cn.fapiao.support.Imports.line;
import static cn.fapiao.support.Imports.problem;
import static cn.fapiao.support.Imports.redOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invoice core's defects found by trying it as a client would, each with the case that showed it. */
@QuarkusTest
class InvoiceCoreTest {

    private static final String OUTSIDER = "91350100M000100Y43";

    @Inject
    Pool database;

    @Test
    void anImportedNumberOfThisSystemsOwnRangeNeverStopsIssuing() {
        String issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*A", "10.00", "0.13")))).get("number");
        long sequence = Long.parseLong(issued.substring(5));
        String next = issued.substring(0, 5) + String.format("%015d", sequence + 1);
        String afterNext = issued.substring(0, 5) + String.format("%015d", sequence + 2);
        // Another organisation's partner imports the next two numbers of A's prefix as its own sales.
        List<Map<String, Object>> rows = List.of(withNumber(digital(Invoices.ORG_B, OUTSIDER, "5.00", "0.65", "5.65"), next),
                withNumber(digital(Invoices.ORG_B, OUTSIDER, "6.00", "0.78", "6.78"), afterNext));
        JsonPath imported = importAs("b-partner", batch(key(), rows));
        assertEquals(List.of("CREATED", "CREATED"), imported.getList("rows.outcome"), imported::prettify);

        for (int i = 0; i < 2; i++) {
            JsonPath body = GraphQL.postAs(Tokens.of("a-issuer"), "issueInvoice", "input",
                    Invoices.toOrgB(List.of(Invoices.line("*货物*B", "20.00", "0.13"))));
            assertNull(body.get("errors"), body::prettify);
            String number = body.get("data.issueInvoice.number");
            assertNotEquals(next, number);
            assertNotEquals(afterNext, number);
            assertTrue(Long.parseLong(number.substring(5)) > sequence + 2, number);
        }
        // B's records are B's; A's issued invoice is untouched and B does not see it.
        assertEquals("INVOICE_NOT_FOUND", GraphQL.postAs(Tokens.of("a-accountant"), "invoiceByNumber", "number", next).get("errors[0].extensions.code"));
        assertEquals("5.65", GraphQL.postAs(Tokens.of("b-accountant"), "invoiceByNumber", "number", next).getString("data.invoiceByNumber.total"));
    }

    @Test
    void anIdempotencyKeyAnswersOnlyTheRequestItWasFirstUsedFor() {
        String key = "core-" + UUID.randomUUID();
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*货物*A", "10.00", "0.13")));
        input.put("idempotencyKey", key);
        String id = Invoices.issue(input).get("id");
        assertEquals(id, Invoices.issue(input).get("id"));

        Map<String, Object> other = Invoices.toOrgB(List.of(Invoices.line("*货物*A", "99.00", "0.13")));
        other.put("idempotencyKey", key);
        JsonPath reused = GraphQL.postAs(Tokens.of("a-issuer"), "issueInvoice", "input", other);
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.get("errors[0].extensions.code"), reused::prettify);
        assertEquals("input.idempotencyKey", reused.get("errors[0].extensions.field"));

        JsonPath reversalWithIssueKey = reverse(Map.of("id", id, "reasonCode", 1, "idempotencyKey", key));
        assertEquals("IDEMPOTENCY_KEY_REUSED", reversalWithIssueKey.get("errors[0].extensions.code"), reversalWithIssueKey::prettify);
        assertEquals("NORMAL", invoice(id).get("status"));

        String reversalKey = "core-" + UUID.randomUUID();
        JsonPath first = reverse(Map.of("id", id, "reasonCode", 2, "amount", "1.00", "idempotencyKey", reversalKey));
        assertNull(first.get("errors"), first::prettify);
        JsonPath again = reverse(Map.of("id", id, "reasonCode", 2, "amount", "1.00", "idempotencyKey", reversalKey));
        assertEquals(first.getString("data.redReverseInvoice.id"), again.getString("data.redReverseInvoice.id"), again::prettify);
        JsonPath more = reverse(Map.of("id", id, "reasonCode", 2, "amount", "2.00", "idempotencyKey", reversalKey));
        assertEquals("IDEMPOTENCY_KEY_REUSED", more.get("errors[0].extensions.code"), more::prettify);
        assertEquals("9.00", invoice(id).getString("remainingAmount"));
    }

    @Test
    void aKeyStoredBeforeRequestHashesWereKeptStillAnswersItsRetry() {
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*货物*A", "10.00", "0.13")));
        input.put("idempotencyKey", "core-" + UUID.randomUUID());
        String id = Invoices.issue(input).get("id");
        database.preparedQuery("update invoice set request_hash = null where id = $1").execute(Tuple.of(Long.parseLong(id))).await().indefinitely();
        assertEquals(id, Invoices.issue(input).get("id"));
    }

    @Test
    void aLineReversedInPiecesGivesBackExactlyItsTax() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*服务*A", "100.00", "0.13")))).get("id");
        BigDecimal taxBack = BigDecimal.ZERO;
        for (String piece : List.of("33.33", "33.33", "33.34")) {
            JsonPath red = reverse(Map.of("id", id, "reasonCode", 4, "amount", piece));
            assertNull(red.get("errors"), red::prettify);
            taxBack = taxBack.add(new BigDecimal(red.getString("data.redReverseInvoice.tax")));
        }
        assertEquals(new BigDecimal("-13.00"), taxBack.setScale(2));
        JsonPath blue = invoice(id);
        assertEquals("RED_FULL", blue.get("status"));
        assertEquals("0.00", blue.getString("remainingAmount"));
        assertEquals(0, remainingTax(Long.parseLong(id)).signum());
    }

    @Test
    void aProportionalReversalNeverTakesALineBelowZero() {
        // The old plan gave the last line the rounding rest: 0.02 of its 0.01.
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*A", "7.13", "0.13"), Invoices.line("*货物*B", "11.41", "0.13"),
                Invoices.line("*货物*C", "14.21", "0.13"), Invoices.line("*货物*D", "0.01", "0.13")))).get("id");
        JsonPath red = reverse(Map.of("id", id, "reasonCode", 4, "amount", "22.95"));
        assertNull(red.get("errors"), red::prettify);
        assertEquals("-22.95", red.getString("data.redReverseInvoice.amount"));
        JsonPath blue = invoice(id);
        BigDecimal left = BigDecimal.ZERO;
        for (Object remaining : blue.getList("lines.remainingAmount")) {
            BigDecimal value = new BigDecimal(remaining.toString());
            assertTrue(value.signum() >= 0, blue.prettify());
            left = left.add(value);
        }
        assertEquals(0, new BigDecimal("9.81").compareTo(left), blue.prettify());
        assertEquals(0, new BigDecimal("9.81").compareTo(new BigDecimal(blue.getString("remainingAmount"))));

        // And the database refuses a negative remainder, whatever writes it.
        assertThrows(Exception.class, () -> database.preparedQuery("update invoice_line set remaining_amount = -0.01 where invoice_id = $1")
                .execute(Tuple.of(Long.parseLong(id))).await().indefinitely());
    }

    @Test
    void importedRedInvoicesReduceWhatIsLeftAndNeverOverReverse() {
        Map<String, Object> blue = digital(Invoices.ORG_A, OUTSIDER, "100.00", "13.00", "113.00");
        blue.put("lines", List.of(line("*货物*A", "60.00", "0.13", "7.80"), line("*货物*B", "40.00", "0.13", "5.20")));
        String blueId = importAs("a-partner", batch(key(), List.of(blue))).getString("rows[0].invoiceId");

        invoice(blueId);
        invoice(blueId); // cached from the second lookup: importing its red invoice must evict it
        JsonPath partial = importAs("a-partner", batch(key(), List.of(redOf(blue, "-40.00", "-5.20", "-45.20"))));
        assertEquals("CREATED", partial.get("rows[0].outcome"), partial::prettify);
        JsonPath afterPartial = invoice(blueId);
        assertEquals("RED_PARTIAL", afterPartial.get("status"));
        assertEquals("60.00", afterPartial.getString("remainingAmount"));
        assertTrue(afterPartial.getList("statusHistory.reason").stream().anyMatch(r -> r.toString().contains("imported from kingdee-erp")));

        JsonPath beyond = importAs("a-partner", batch(key(), List.of(redOf(blue, "-70.00", "-9.10", "-79.10"))));
        assertEquals("REJECTED", beyond.get("rows[0].outcome"), beyond::prettify);
        assertTrue(beyond.getList("rows[0].problems").stream().anyMatch(p -> problem(p, "input.invoices[0].amount", "REVERSAL_EXCEEDS_REMAINING")));

        JsonPath rest = importAs("a-partner", batch(key(), List.of(redOf(blue, "-60.00", "-7.80", "-67.80"))));
        assertEquals("CREATED", rest.get("rows[0].outcome"), rest::prettify);
        JsonPath done = invoice(blueId);
        assertEquals("RED_FULL", done.get("status"));
        assertEquals("0.00", done.getString("remainingAmount"));
        assertEquals(List.of(0.0f, 0.0f), done.getList("lines.remainingAmount", Float.class));
    }

    @Test
    void anImportedInvoiceWhoseLinesDifferByACentIsReversedInFull() {
        // The import accepts lines that add up to the invoice's amount within 0.01.
        Map<String, Object> blue = digital(Invoices.ORG_A, OUTSIDER, "100.00", "13.00", "113.00");
        blue.put("lines", List.of(line("*货物*A", "60.00", "0.13", "7.80"), line("*货物*B", "40.01", "0.13", "5.20")));
        String id = importAs("a-partner", batch(key(), List.of(blue))).getString("rows[0].invoiceId");
        JsonPath red = reverse(Map.of("id", id, "reasonCode", 1));
        assertNull(red.get("errors"), red::prettify);
        assertEquals("-100.01", red.getString("data.redReverseInvoice.amount"));
        JsonPath after = invoice(id);
        assertEquals("RED_FULL", after.get("status"));
        assertEquals("0.00", after.getString("remainingAmount"));

        // The same through an imported red invoice: lines adding up to a cent less than the invoice.
        Map<String, Object> short_ = digital(Invoices.ORG_A, OUTSIDER, "100.01", "13.00", "113.01");
        short_.put("lines", List.of(line("*货物*A", "60.00", "0.13", "7.80"), line("*货物*B", "40.00", "0.13", "5.20")));
        String shortId = importAs("a-partner", batch(key(), List.of(short_))).getString("rows[0].invoiceId");
        JsonPath reds = importAs("a-partner", batch(key(), List.of(redOf(short_, "-100.01", "-13.00", "-113.01"))));
        assertEquals("CREATED", reds.get("rows[0].outcome"), reds::prettify);
        assertEquals("RED_FULL", invoice(shortId).get("status"));
    }

    @Test
    void aSynchronisedStatusMovesForwardWithHistoryAndNeverBack() {
        Map<String, Object> blue = digital(Invoices.ORG_A, OUTSIDER, "10.00", "1.30", "11.30");
        String id = importAs("a-partner", batch(key(), List.of(blue))).getString("rows[0].invoiceId");

        Map<String, Object> voided = new LinkedHashMap<>(blue);
        voided.put("status", "VOIDED");
        JsonPath plain = importAs("a-partner", batch(key(), List.of(voided)));
        assertEquals("DUPLICATE", plain.get("rows[0].outcome"), "a batch that is not synchronised only adds records");
        assertEquals("NORMAL", invoice(id).get("status"));
        assertEquals("NORMAL", invoice(id).get("status")); // the second lookup caches it: the change must evict it

        JsonPath synced = importAs("a-partner", synchronised(List.of(voided)));
        assertEquals("UPDATED", synced.get("rows[0].outcome"), synced::prettify);
        assertEquals(id, synced.get("rows[0].invoiceId"));
        assertEquals(1, synced.getInt("updated"));
        JsonPath after = invoice(id);
        assertEquals("VOIDED", after.get("status"));
        assertEquals("a-partner", after.get("statusHistory[1].changedBy"));
        assertEquals("NORMAL", after.get("statusHistory[1].fromStatus"));
        assertEquals("synchronised from kingdee-erp", after.get("statusHistory[1].reason"));

        Map<String, Object> normal = new LinkedHashMap<>(blue);
        normal.put("status", "NORMAL");
        JsonPath back = importAs("a-partner", synchronised(List.of(normal)));
        assertEquals("CONFLICT", back.get("rows[0].outcome"), back::prettify);
        assertEquals(List.of("status"), back.getList("rows[0].differingFields"));
        assertEquals("VOIDED", invoice(id).get("status"));
    }

    private static Map<String, Object> synchronised(List<Map<String, Object>> rows) {
        Map<String, Object> input = batch(key(), rows);
        input.put("synchronised", true);
        return input;
    }

    private static Map<String, Object> withNumber(Map<String, Object> row, String number) {
        row.put("number", number);
        return row;
    }

    private static JsonPath reverse(Map<String, Object> input) {
        return GraphQL.postAs(Tokens.of("a-issuer"), "redReverseInvoice", "input", input);
    }

    private static JsonPath invoice(String id) {
        JsonPath body = GraphQL.postAs(Tokens.of("a-accountant"), "invoice", "id", id);
        assertNull(body.get("errors"), body::prettify);
        return body.setRootPath("data.invoice");
    }

    private BigDecimal remainingTax(long id) {
        return database.preparedQuery("select remaining_tax from invoice where id = $1").execute(Tuple.of(id))
                .await().indefinitely().iterator().next().getBigDecimal("remaining_tax");
    }
}
