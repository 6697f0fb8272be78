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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.fapiao.support.Imports.TODAY;
import static cn.fapiao.support.Imports.batch;
import static cn.fapiao.support.Imports.digital;
import static cn.fapiao.support.Imports.digitalNumber;
import static cn.fapiao.support.Imports.importAs;
import static cn.fapiao.support.Imports.key;
import static cn.fapiao.support.Imports.legacy;
import static cn.fapiao.support.Imports.line;
import static cn.fapiao.support.Imports.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InvoiceImportTest {

    private static final String OUTSIDER = "91350100M000100Y43";
    private static final String OTHER_OUTSIDER = "91440300708461136T";

    @Inject
    Pool database;

    @Test
    void importsABatchWithEveryOutcomeAndReplaysIt() {
        Map<String, Object> duplicateTarget = legacy(Invoices.ORG_A, Invoices.ORG_B, "100.00", "13.00", "113.00");
        Map<String, Object> conflictTarget = digital(OUTSIDER, Invoices.ORG_A, "200.00", "12.00", "212.00");
        JsonPath earlier = importAs("a-partner", batch(key(), List.of(duplicateTarget, conflictTarget)));
        assertEquals(2, earlier.getInt("created"), earlier::prettify);

        Map<String, Object> goodLegacy = legacy(Invoices.ORG_A, Invoices.ORG_B, "1000.00", "130.00", "1130.00");
        goodLegacy.put("lines", List.of(line("*信息技术服务*软件开发", "600.00", "0.13", "78.00"), line("*信息技术服务*运维", "400.00", "0.13", "52.00")));
        ((Map<String, Object>) goodLegacy.get("buyer")).put("bankAccount", "中国银行北京分行 1234 5678 9012");
        Map<String, Object> goodDigital = digital(OUTSIDER, Invoices.ORG_A, "500.00", "30.00", "530.00");
        Map<String, Object> conflicting = new LinkedHashMap<>(conflictTarget);
        conflicting.put("amount", "300.00");
        conflicting.put("total", "312.00");
        Map<String, Object> badNumber = legacy(Invoices.ORG_A, Invoices.ORG_B, "10.00", "1.30", "11.30");
        badNumber.put("number", "1234567");
        Map<String, Object> badTotal = digital(Invoices.ORG_A, Invoices.ORG_B, "10.00", "1.30", "11.00");
        Map<String, Object> future = digital(Invoices.ORG_A, Invoices.ORG_B, "10.00", "1.30", "11.30");
        future.put("issueDate", TODAY.plusDays(2).toString());
        Map<String, Object> notAParty = digital(OUTSIDER, OTHER_OUTSIDER, "10.00", "1.30", "11.30");

        // A "not found" looked up before the import (twice: the second lookup caches it) must not be
        // served from a cache afterwards.
        for (int lookup = 0; lookup < 2; lookup++) {
            assertEquals("INVOICE_NOT_FOUND", GraphQL.postAs(Tokens.of("a-accountant"), "invoiceByNumber", "number", goodDigital.get("number"))
                    .get("errors[0].extensions.code"));
        }

        Map<String, Object> input = batch(key(), List.of(goodLegacy, goodDigital, duplicateTarget, conflicting, badNumber, badTotal, future, notAParty));
        long before = count();
        JsonPath result = importAs("a-partner", input);
        assertEquals(false, result.get("replayed"));
        assertEquals(List.of("CREATED", "CREATED", "DUPLICATE", "CONFLICT", "REJECTED", "REJECTED", "REJECTED", "REJECTED"),
                result.getList("rows.outcome"), result::prettify);
        assertEquals(2, result.getInt("created"));
        assertEquals(1, result.getInt("duplicates"));
        assertEquals(1, result.getInt("conflicts"));
        assertEquals(4, result.getInt("rejected"));
        assertEquals(before + 2, count());
        assertEquals(earlier.getString("rows[0].invoiceId"), result.getString("rows[2].invoiceId"));
        assertNull(result.get("rows[3].invoiceId"));
        assertEquals(List.of("amount", "total"), result.getList("rows[3].differingFields"));
        assertTrue(result.getList("rows[4].problems").stream().anyMatch(p -> problem(p, "input.invoices[4].number", "INVALID_LENGTH")), result::prettify);
        assertTrue(result.getList("rows[5].problems").stream().anyMatch(p -> problem(p, "input.invoices[5].total", "TOTAL_MISMATCH")), result::prettify);
        assertTrue(result.getList("rows[6].problems").stream().anyMatch(p -> problem(p, "input.invoices[6].issueDate", "IN_FUTURE")), result::prettify);
        assertTrue(result.getList("rows[7].problems").stream().anyMatch(p -> problem(p, "input.invoices[7]", "NOT_A_PARTY")), result::prettify);
        assertEquals(goodLegacy.get("number"), result.get("rows[0].number"));
        assertEquals(goodLegacy.get("code"), result.get("rows[0].code"));

        JsonPath replay = importAs("a-partner", input);
        assertEquals(true, replay.get("replayed"));
        assertEquals(result.getList("rows"), replay.getList("rows"));
        assertEquals(before + 2, count());

        Map<String, Object> changed = new LinkedHashMap<>(input);
        changed.put("source", "yonyou-u8");
        JsonPath reused = GraphQL.postAs(Tokens.of("a-partner"), "importInvoices", "input", changed);
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.get("errors[0].extensions.code"), reused::prettify);
        assertEquals("input.idempotencyKey", reused.get("errors[0].extensions.field"));

        // The import is A's record: A sees it, B (the other party) does not, as with the digital one.
        assertEquals("INVOICE_NOT_FOUND", GraphQL.postAs(Tokens.of("b-auditor"), "invoiceByNumber", "code", goodLegacy.get("code"),
                "number", goodLegacy.get("number")).get("errors[0].extensions.code"));
        for (String user : List.of("a-accountant")) {
            JsonPath found = GraphQL.postAs(Tokens.of(user), "invoiceByNumber", "code", goodLegacy.get("code"), "number", goodLegacy.get("number"));
            assertNull(found.get("errors"), found::prettify);
            found.setRootPath("data.invoiceByNumber");
            assertEquals(result.getString("rows[0].invoiceId"), found.get("id"));
            assertEquals("IMPORTED", found.get("source"));
            assertEquals("LEGACY", found.get("generation"));
            assertEquals("04", found.get("type.code"));
            assertEquals("1130.00", found.getString("total"));
            assertEquals("中国银行北京分行 1234 5678 9012", found.get("buyer.bankAccount"));
            assertEquals(2, found.getList("lines").size());
            assertEquals("a-partner", found.get("statusHistory[0].changedBy"));
            assertEquals("imported from kingdee-erp", found.get("statusHistory[0].reason"));
        }
        JsonPath digitalFound = GraphQL.postAs(Tokens.of("a-accountant"), "invoiceByNumber", "number", goodDigital.get("number"));
        assertNull(digitalFound.get("errors"), digitalFound::prettify);
        assertEquals("IMPORTED", digitalFound.get("data.invoiceByNumber.source"));
        assertEquals("DIGITAL", digitalFound.get("data.invoiceByNumber.generation"));
        assertEquals("INVOICE_NOT_FOUND", GraphQL.postAs(Tokens.of("b-accountant"), "invoiceByNumber", "number", goodDigital.get("number"))
                .get("errors[0].extensions.code"));

        String stored = database.preparedQuery("select buyer_bank_account, organisation_id, seller_org_id from invoice where id = $1")
                .execute(Tuple.of(Long.valueOf(result.getString("rows[0].invoiceId")))).await().indefinitely().iterator().next().getString("buyer_bank_account");
        assertTrue(stored.startsWith("v1:") && !stored.contains("1234"), stored);
        assertNotNull(database.preparedQuery("select last_delivered_at from import_source where source = 'kingdee-erp'")
                .execute().await().indefinitely().iterator().next().getOffsetDateTime("last_delivered_at"));
    }

    @Test
    void checksTypesCheckCodesAndLines() {
        Map<String, Object> noCheckCode = legacy(Invoices.ORG_A, Invoices.ORG_B, "10.00", "1.30", "11.30");
        noCheckCode.remove("checkCode");
        Map<String, Object> wrongType = legacy(Invoices.ORG_A, Invoices.ORG_B, "10.00", "1.30", "11.30");
        wrongType.put("typeCode", "01");
        Map<String, Object> digitalWithoutType = digital(Invoices.ORG_A, Invoices.ORG_B, "10.00", "1.30", "11.30");
        digitalWithoutType.remove("typeCode");
        Map<String, Object> badLines = digital(Invoices.ORG_A, Invoices.ORG_B, "100.00", "13.00", "113.00");
        badLines.put("lines", List.of(line("x", "90.00", "0.13", "11.70")));
        Map<String, Object> negativeBlue = digital(Invoices.ORG_A, Invoices.ORG_B, "-10.00", "-1.30", "-11.30");
        JsonPath result = importAs("a-partner", batch(key(), List.of(noCheckCode, wrongType, digitalWithoutType, badLines, negativeBlue)));
        assertEquals(5, result.getInt("rejected"), result::prettify);
        assertTrue(result.getList("rows[0].problems").stream().anyMatch(p -> problem(p, "input.invoices[0].checkCode", "REQUIRED")));
        assertTrue(result.getList("rows[1].problems").stream().anyMatch(p -> problem(p, "input.invoices[1].typeCode", "TYPE_MISMATCH")));
        assertTrue(result.getList("rows[2].problems").stream().anyMatch(p -> problem(p, "input.invoices[2].typeCode", "REQUIRED")));
        assertTrue(result.getList("rows[3].problems").stream().anyMatch(p -> problem(p, "input.invoices[3].amount", "LINES_MISMATCH")), result::prettify);
        assertTrue(result.getList("rows[4].problems").stream().anyMatch(p -> problem(p, "input.invoices[4].amount", "NEGATIVE_NOT_ALLOWED")));
    }

    @Test
    void aMalformedAmountRefusesTheWholeBatchBeforeAnythingIsWritten() {
        // Amounts are the Money scalar: text that is not one is refused when the variables are read,
        // not reported as a row (since the change to Money, see the README's changelog).
        Map<String, Object> good = digital(Invoices.ORG_A, Invoices.ORG_B, "10.00", "1.30", "11.30");
        Map<String, Object> badAmount = digital(Invoices.ORG_A, Invoices.ORG_B, "ten", "1.30", "11.30");
        long before = count();
        JsonPath refused = GraphQL.postAs(Tokens.of("a-partner"), "importInvoices", "input", batch(key(), List.of(good, badAmount)));
        assertNull(refused.get("data"), refused::prettify);
        assertEquals("MONEY_MALFORMED", refused.getString("errors[0].extensions.code"), refused::prettify);
        assertEquals("input", refused.getString("errors[0].extensions.field"), refused::prettify);
        assertTrue(refused.getString("errors[0].message").contains("\"ten\""), refused::prettify);
        assertEquals(before, count());
    }

    @Test
    void synchronisedRedInvoicesReferToTheirBlueOriginal() {
        Map<String, Object> blue = digital(OUTSIDER, Invoices.ORG_A, "100.00", "13.00", "113.00");
        blue.put("status", "RED_FULL");
        Map<String, Object> red = digital(OUTSIDER, Invoices.ORG_A, "-100.00", "-13.00", "-113.00");
        red.put("direction", "RED");
        red.put("originalNumber", blue.get("number"));
        red.put("redReason", 2);
        Map<String, Object> orphan = digital(OUTSIDER, Invoices.ORG_A, "-1.00", "-0.13", "-1.13");
        orphan.put("direction", "RED");
        orphan.put("originalNumber", digitalNumber());
        orphan.put("redReason", 1);
        Map<String, Object> input = batch(key(), List.of(red, blue, orphan));
        input.put("synchronised", true);
        JsonPath result = importAs("a-partner", input);
        assertEquals(List.of("CREATED", "CREATED", "REJECTED"), result.getList("rows.outcome"), result::prettify);
        assertTrue(result.getList("rows[2].problems").stream().anyMatch(p -> problem(p, "input.invoices[2].originalNumber", "ORIGINAL_NOT_FOUND")));
        JsonPath found = GraphQL.postAs(Tokens.of("a-accountant"), "invoiceByNumber", "number", red.get("number"));
        assertNull(found.get("errors"), found::prettify);
        assertEquals("SYNCHRONISED", found.get("data.invoiceByNumber.source"));
        assertEquals("RED", found.get("data.invoiceByNumber.direction"));
        assertEquals(result.getString("rows[1].invoiceId"), found.get("data.invoiceByNumber.originalInvoiceId"));
    }

    @Test
    void concurrentCallsWithOneKeyImportOnce() throws Exception {
        Map<String, Object> input = batch(key(), List.of(digital(OUTSIDER, Invoices.ORG_A, "10.00", "0.60", "10.60")));
        String token = Tokens.of("a-partner");
        long before = count();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<JsonPath> call = () -> GraphQL.postAs(token, "importInvoices", "input", input);
                calls.add(pool.submit(call));
            }
            int replayed = 0;
            String id = null;
            for (Future<JsonPath> call : calls) {
                JsonPath body = call.get();
                assertNull(body.get("errors"), body::prettify);
                body.setRootPath("data.importInvoices");
                assertEquals("CREATED", body.get("rows[0].outcome"));
                replayed += body.getBoolean("replayed") ? 1 : 0;
                id = id == null ? body.get("rows[0].invoiceId") : id;
                assertEquals(id, body.get("rows[0].invoiceId"));
            }
            assertEquals(3, replayed);
            assertEquals(before + 1, count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFullBatchOfAThousandIsImportedInOneCall() {
        List<Map<String, Object>> invoices = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> invoice = digital(OUTSIDER, Invoices.ORG_A, "100.00", "6.00", "106.00");
            invoice.put("lines", List.of(line("*咨询服务*咨询", "100.00", "0.06", "6.00")));
            invoices.add(invoice);
        }
        invoices.set(999, new LinkedHashMap<>(invoices.get(0)));
        long before = count();
        JsonPath result = importAs("a-partner", batch(key(), invoices));
        assertEquals(999, result.getInt("created"), () -> result.getList("rows").subList(0, 3).toString());
        assertEquals(1, result.getInt("duplicates"));
        assertEquals(result.getString("rows[0].invoiceId"), result.getString("rows[999].invoiceId"));
        assertEquals(before + 999, count());
    }

    @Test
    void rolesAndBatchSizeAreChecked() {
        Map<String, Object> input = batch(key(), List.of(digital(OUTSIDER, Invoices.ORG_A, "10.00", "0.60", "10.60")));
        for (String user : List.of("a-issuer", "a-accountant", "a-admin")) {
            assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of(user), "importInvoices", "input", input).get("errors[0].extensions.code"), user);
        }
        assertEquals("UNAUTHENTICATED", GraphQL.post("importInvoices", "input", input).get("errors[0].extensions.code"));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("number", "1"));
        }
        long before = count();
        JsonPath body = GraphQL.postAs(Tokens.of("a-partner"), "importInvoices", "input", batch(key(), tooMany));
        assertEquals("VALIDATION_FAILED", body.get("errors[0].extensions.code"), body::prettify);
        assertEquals("input.invoices", body.get("errors[0].extensions.field"));
        assertEquals(before, count());
    }

    private long count() {
        return database.query("select count(*) as n from invoice").execute().await().indefinitely().iterator().next().getLong("n");
    }
}
