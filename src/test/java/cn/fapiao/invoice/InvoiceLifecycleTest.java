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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InvoiceLifecycleTest {

    @Inject
    Pool database;

    @Test
    void partialReversalsThenOneBeyondTheRemainder() {
        JsonPath blue = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*A", "600.00", "0.13"), Invoices.line("*货物*B", "400.00", "0.13"))));
        String id = blue.get("id");

        JsonPath first = reverse(id, Map.of("reasonCode", 2, "amount", "300.00"));
        assertNull(first.get("errors"), first::prettify);
        assertEquals("RED", first.get("data.redReverseInvoice.direction"));
        assertEquals(id, first.get("data.redReverseInvoice.originalInvoiceId"));
        assertEquals("-300.00", first.getString("data.redReverseInvoice.amount"));
        assertEquals("-39.00", first.getString("data.redReverseInvoice.tax"));
        assertTrue(((String) first.get("data.redReverseInvoice.totalInWords")).startsWith("（负数）"));

        JsonPath afterFirst = GraphQL.postAs(Tokens.of("a-issuer"), "invoice", "id", id);
        assertEquals("RED_PARTIAL", afterFirst.get("data.invoice.status"));
        assertEquals("700.00", afterFirst.getString("data.invoice.remainingAmount"));

        JsonPath second = reverse(id, Map.of("reasonCode", 4, "lines", List.of(Map.of("lineNo", 2, "amount", "100.00"))));
        assertNull(second.get("errors"), second::prettify);
        assertEquals("-100.00", second.getString("data.redReverseInvoice.amount"));

        JsonPath beyond = reverse(id, Map.of("reasonCode", 2, "amount", "600.01"));
        assertEquals("REVERSAL_EXCEEDS_REMAINING", beyond.get("errors[0].extensions.code"), beyond::prettify);

        JsonPath rest = reverse(id, Map.of("reasonCode", 1));
        assertEquals("-600.00", rest.getString("data.redReverseInvoice.amount"), rest::prettify);
        JsonPath done = GraphQL.postAs(Tokens.of("b-accountant"), "invoice", "id", id);
        assertEquals("RED_FULL", done.get("data.invoice.status"));
        assertEquals("0.00", done.getString("data.invoice.remainingAmount"));
        List<String> statuses = done.getList("data.invoice.statusHistory.toStatus");
        assertEquals(List.of("NORMAL", "RED_PARTIAL", "RED_PARTIAL", "RED_FULL"), statuses);
        assertEquals("REVERSAL_NOT_ALLOWED", reverse(id, Map.of("reasonCode", 1)).get("errors[0].extensions.code"));
    }

    @Test
    void concurrentReversalsNeverExceedTheOriginal() throws Exception {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*服务*S", "100.00", "0.06")))).get("id");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(pool.submit(() -> reverse(id, Map.of("reasonCode", 4, "amount", "30.00"))));
            }
            int succeeded = 0;
            for (Future<JsonPath> call : calls) {
                JsonPath body = call.get();
                if (body.get("errors") == null) {
                    succeeded++;
                } else {
                    assertEquals("REVERSAL_EXCEEDS_REMAINING", body.get("errors[0].extensions.code"), body::prettify);
                }
            }
            assertEquals(3, succeeded);
        } finally {
            pool.shutdownNow();
        }
        BigDecimal reversed = database.preparedQuery("select coalesce(sum(amount), 0) as s from invoice where original_invoice_id = $1")
                .execute(Tuple.of(Long.valueOf(id))).await().indefinitely().iterator().next().getBigDecimal("s");
        assertEquals(new BigDecimal("-90.00"), reversed);
        assertEquals("10.00", GraphQL.postAs(Tokens.of("a-issuer"), "invoice", "id", id).getString("data.invoice.remainingAmount"));
    }

    @Test
    void aUsedInvoiceNeedsARedLetterConfirmation() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*C", "50.00", "0.13")))).get("id");
        assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of("a-accountant"), "confirmInvoiceUse", "id", id).get("errors[0].extensions.code"));
        JsonPath used = GraphQL.postAs(Tokens.of("b-accountant"), "confirmInvoiceUse", "id", id);
        assertNull(used.get("errors"), used::prettify);
        JsonPath refused = reverse(id, Map.of("reasonCode", 2));
        assertEquals("CONFIRMATION_REQUIRED", refused.get("errors[0].extensions.code"));
        assertEquals("input.confirmationNumber", refused.get("errors[0].extensions.field"));
        JsonPath reversed = reverse(id, Map.of("reasonCode", 2, "confirmationNumber", "11010020261129000001"));
        assertNull(reversed.get("errors"), reversed::prettify);
        assertEquals("11010020261129000001", reversed.get("data.redReverseInvoice.redConfirmationNumber"));
    }

    @Test
    void digitalInvoicesCannotBeVoided() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*D", "10.00", "0.13")))).get("id");
        JsonPath body = GraphQL.postAs(Tokens.of("a-issuer"), "voidInvoice", "input", Map.of("id", id, "reason", "typo"));
        assertEquals("VOID_NOT_ALLOWED", body.get("errors[0].extensions.code"));
        assertTrue(body.getString("errors[0].message").contains("redReverseInvoice"));
    }

    @Test
    void aLegacyInvoiceIsVoidableOnlyInItsMonthAndWhileUnused() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long thisMonth = insertLegacy(today);
        long lastMonth = insertLegacy(today.minusMonths(1).withDayOfMonth(1));

        JsonPath voided = GraphQL.postAs(Tokens.of("a-issuer"), "voidInvoice", "input", Map.of("id", Long.toString(thisMonth), "reason", "wrong buyer"));
        assertNull(voided.get("errors"), voided::prettify);
        assertEquals("VOIDED", voided.get("data.voidInvoice.status"));
        assertEquals("wrong buyer", voided.get("data.voidInvoice.statusHistory.find { it.toStatus == 'VOIDED' }.reason"));
        assertEquals("VOID_NOT_ALLOWED", GraphQL.postAs(Tokens.of("a-issuer"), "voidInvoice", "input",
                Map.of("id", Long.toString(thisMonth), "reason", "again")).get("errors[0].extensions.code"));
        assertEquals("VOID_NOT_ALLOWED", GraphQL.postAs(Tokens.of("a-issuer"), "voidInvoice", "input",
                Map.of("id", Long.toString(lastMonth), "reason", "late")).get("errors[0].extensions.code"));
        assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of("b-issuer"), "voidInvoice", "input",
                Map.of("id", Long.toString(lastMonth), "reason", "not mine")).get("errors[0].extensions.code"));
    }

    @Test
    void theTaxSideMarksInvoicesLostControlWithAReason() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*E", "10.00", "0.13")))).get("id");
        GraphQL.postAs(Tokens.of("b-accountant"), "invoice", "id", id);
        GraphQL.postAs(Tokens.of("b-accountant"), "invoice", "id", id); // the second lookup caches it
        JsonPath marked = GraphQL.postAs(Tokens.of("a-partner"), "setInvoiceTaxStatus", "input",
                Map.of("id", id, "status", "LOST_CONTROL", "reason", "issuer's device reported lost"));
        assertNull(marked.get("errors"), marked::prettify);
        JsonPath seen = GraphQL.postAs(Tokens.of("b-accountant"), "invoice", "id", id);
        assertEquals("LOST_CONTROL", seen.get("data.invoice.status"));
        assertEquals("issuer's device reported lost", seen.get("data.invoice.statusHistory[1].reason"));
        assertEquals("a-partner", seen.get("data.invoice.statusHistory[1].changedBy"));
        assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of("a-issuer"), "setInvoiceTaxStatus", "input",
                Map.of("id", id, "status", "NORMAL", "reason", "x")).get("errors[0].extensions.code"));
        assertEquals("VALIDATION_FAILED", GraphQL.postAs(Tokens.of("a-partner"), "setInvoiceTaxStatus", "input",
                Map.of("id", id, "status", "VOIDED", "reason", "x")).get("errors[0].extensions.code"));
    }

    @Test
    void anotherOrganisationCannotReverseOrSeeTheInvoice() {
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*货物*F", "10.00", "0.13")));
        ((Map<String, Object>) input.get("buyer")).put("taxId", "91440300708461136T");
        String id = Invoices.issue(input).get("id");
        JsonPath body = GraphQL.postAs(Tokens.of("b-issuer"), "redReverseInvoice", "input", Map.of("id", id, "reasonCode", 1));
        assertEquals("INVOICE_NOT_FOUND", body.get("errors[0].extensions.code"));
    }

    private static JsonPath reverse(String id, Map<String, Object> fields) {
        Map<String, Object> input = new java.util.HashMap<>(fields);
        input.put("id", id);
        return GraphQL.postAs(Tokens.of("a-issuer"), "redReverseInvoice", "input", input);
    }

    private long insertLegacy(LocalDate issueDate) {
        return Invoices.insertLegacy(database, "011002600111", "10", issueDate, "12345678901234567890", "NORMAL", "100.00").id();
    }
}
