package cn.fapiao.verification;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class VerifyInvoiceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Pool database;

    @Test
    void aSpecialLegacyInvoiceIsProvenByItsAmountExcludingTax() {
        String number = insertLegacy("1100181130", "01", null, "NORMAL");
        JsonPath match = verify("b-partner", Map.of("code", "1100181130", "number", number, "issueDate", date(), "amountExcludingTax", "1000.00"));
        assertEquals("MATCH", match.get("data.verifyInvoice.outcome"), match::prettify);
        assertEquals(true, match.get("data.verifyInvoice.clean"));
        assertEquals("01", match.get("data.verifyInvoice.invoice.type.code"));
        assertEquals(4, (int) match.get("data.verifyInvoice.verificationsLeftToday"));

        JsonPath wrong = verify("b-partner", Map.of("code", "1100181130", "number", number, "issueDate", date(), "amountExcludingTax", "999.00"));
        assertEquals("MISMATCH", wrong.get("data.verifyInvoice.outcome"));
        assertEquals(List.of("amountExcludingTax"), wrong.getList("data.verifyInvoice.mismatchedFields"));
        assertNull(wrong.get("data.verifyInvoice.invoice"));
        assertTrue(!wrong.prettify().contains("1000"), "a mismatch must not reveal the stored amount");
    }

    @Test
    void anOrdinaryLegacyInvoiceIsProvenByTheCheckCodeAndTheDate() {
        String number = insertLegacy("011002600104", "04", "12345678901234567890", "NORMAL");
        JsonPath match = verify("a-accountant", Map.of("code", "011002600104", "number", number, "issueDate", date(), "checkCodeLast6", "567890"));
        assertEquals("MATCH", match.get("data.verifyInvoice.outcome"), match::prettify);
        JsonPath wrong = verify("a-accountant", Map.of("code", "011002600104", "number", number,
                "issueDate", TODAY.minusDays(40).toString(), "checkCodeLast6", "567891"));
        assertEquals(List.of("issueDate", "checkCodeLast6"), wrong.getList("data.verifyInvoice.mismatchedFields"));
        JsonPath missing = verify("a-accountant", Map.of("code", "011002600104", "number", number, "issueDate", date(), "amountExcludingTax", "1000"));
        assertEquals("INVALID_INPUT", missing.get("data.verifyInvoice.outcome"));
        assertEquals("checkCodeLast6", missing.get("data.verifyInvoice.problems[0].field"));
    }

    @Test
    void aDigitalInvoiceIsProvenByItsTotal() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*V", "200.00", "0.13"))));
        Map<String, Object> input = Map.of("number", issued.get("number"), "issueDate", issued.get("issueDate"), "totalIncludingTax", "226.00");
        assertEquals("MATCH", verify("b-accountant", input).get("data.verifyInvoice.outcome"));
        JsonPath other = verify("a-partner", Map.of("number", issued.get("number"), "issueDate", issued.get("issueDate"), "totalIncludingTax", "226"));
        assertEquals("MATCH", other.get("data.verifyInvoice.outcome"));
    }

    @Test
    void theSixthVerificationOfTheDayIsRefused() {
        String number = insertLegacy("1100181130", "01", null, "NORMAL");
        Map<String, Object> input = Map.of("code", "1100181130", "number", number, "issueDate", date(), "amountExcludingTax", "1.00");
        for (int i = 0; i < 5; i++) {
            assertEquals("MISMATCH", verify("a-partner", input).get("data.verifyInvoice.outcome"));
        }
        JsonPath sixth = verify("a-accountant", input); // the same organisation: its attempts are counted together
        assertEquals("LIMIT_EXCEEDED", sixth.get("data.verifyInvoice.outcome"));
        assertEquals(0, (int) sixth.get("data.verifyInvoice.verificationsLeftToday"));
        // Every attempt is logged, the refused one as LIMIT_EXCEEDED and without the comparison.
        List<String> logged = new ArrayList<>();
        database.preparedQuery("""
                        select l.outcome || ':' || coalesce(l.mismatched_fields, '-') as entry from verification_log l
                        join invoice i on i.id = l.invoice_id where i.invoice_code = '1100181130' and i.invoice_number = $1 order by l.id""")
                .execute(Tuple.of(number)).await().indefinitely().forEach(row -> logged.add(row.getString("entry")));
        assertEquals(List.of("MISMATCH:amountExcludingTax", "MISMATCH:amountExcludingTax", "MISMATCH:amountExcludingTax",
                "MISMATCH:amountExcludingTax", "MISMATCH:amountExcludingTax", "LIMIT_EXCEEDED:-"), logged);
    }

    @Test
    void concurrentVerificationsAreCountedExactly() throws Exception {
        String number = insertLegacy("1100181130", "01", null, "NORMAL");
        Map<String, Object> input = Map.of("code", "1100181130", "number", number, "issueDate", date(), "amountExcludingTax", "1000.00");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(pool.submit(() -> verify("a-partner", input)));
            }
            int matches = 0;
            int refused = 0;
            for (Future<JsonPath> call : calls) {
                String outcome = call.get().get("data.verifyInvoice.outcome");
                if ("MATCH".equals(outcome)) {
                    matches++;
                } else if ("LIMIT_EXCEEDED".equals(outcome)) {
                    refused++;
                }
            }
            assertEquals(5, matches);
            assertEquals(7, refused);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aVoidedInvoiceMatchesWithAWarning() {
        String number = insertLegacy("011002600104", "04", "11112222333344445555", "VOIDED");
        JsonPath body = verify("a-accountant", Map.of("code", "011002600104", "number", number, "issueDate", date(), "checkCodeLast6", "445555"));
        assertEquals("MATCH", body.get("data.verifyInvoice.outcome"));
        assertEquals(false, body.get("data.verifyInvoice.clean"));
        assertEquals("VOIDED", body.get("data.verifyInvoice.warnings[0].code"));
    }

    @Test
    void tooOldNotFoundAndGarbage() {
        JsonPath old = verify("a-accountant", Map.of("number", "18112000000000000001", "issueDate", TODAY.minusYears(8).toString(), "totalIncludingTax", "10"));
        assertEquals("TOO_OLD", old.get("data.verifyInvoice.outcome"));
        JsonPath missing = verify("a-accountant", Map.of("number", "26112999999999999999", "issueDate", date(), "totalIncludingTax", "10"));
        assertEquals("NOT_FOUND", missing.get("data.verifyInvoice.outcome"));
        JsonPath garbage = verify("a-accountant", Map.of("number", "12ab", "issueDate", date()));
        assertEquals("INVALID_INPUT", garbage.get("data.verifyInvoice.outcome"));
        assertEquals("number", garbage.get("data.verifyInvoice.problems[0].field"));
        assertEquals("UNAUTHENTICATED", GraphQL.post("verifyInvoice", "input", Map.of("number", "26112999999999999999", "issueDate", date()))
                .get("errors[0].extensions.code"));
    }

    @Test
    void theWindowIsJudgedByTheStoredIssueDate() {
        // The test profile sets fapiao.verification.max-age-years=3.
        String old = Invoices.insertLegacy(database, "1100181130", "01", TODAY.minusYears(4), null, "NORMAL", "1000.00").number();
        JsonPath typedRecent = verify("a-accountant", Map.of("code", "1100181130", "number", old, "issueDate", date(), "amountExcludingTax", "1000.00"));
        assertEquals("TOO_OLD", typedRecent.get("data.verifyInvoice.outcome"), typedRecent::prettify);

        String recent = insertLegacy("1100181130", "01", null, "NORMAL");
        JsonPath typedOld = verify("a-accountant", Map.of("code", "1100181130", "number", recent,
                "issueDate", TODAY.minusYears(4).toString(), "amountExcludingTax", "1000.00"));
        assertEquals("MISMATCH", typedOld.get("data.verifyInvoice.outcome"), typedOld::prettify);
        assertEquals(List.of("issueDate"), typedOld.getList("data.verifyInvoice.mismatchedFields"));
    }

    @Test
    void batchesAnswerEachInOrderAndAreBounded() {
        String number = insertLegacy("1100181130", "01", null, "NORMAL");
        List<Map<String, Object>> inputs = List.of(
                Map.of("code", "1100181130", "number", number, "issueDate", date(), "amountExcludingTax", "1000"),
                Map.of("number", "26112999999999999998", "issueDate", date(), "totalIncludingTax", "10"),
                Map.of("code", "1100181130", "number", number, "issueDate", date(), "amountExcludingTax", "5"));
        JsonPath body = GraphQL.postAs(Tokens.of("a-partner"), "verifyInvoices", "inputs", inputs);
        assertEquals(List.of("MATCH", "NOT_FOUND", "MISMATCH"), body.getList("data.verifyInvoices.outcome"), body::prettify);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(inputs.get(1));
        }
        assertEquals("VALIDATION_FAILED", GraphQL.postAs(Tokens.of("a-partner"), "verifyInvoices", "inputs", tooMany).get("errors[0].extensions.code"));
    }

    @Test
    void theLogIsReadByTheInvoicesPartiesOnly() {
        String number = insertLegacy("1100181130", "01", null, "NORMAL");
        long id = database.preparedQuery("select id from invoice where invoice_code = '1100181130' and invoice_number = $1")
                .execute(Tuple.of(number)).await().indefinitely().iterator().next().getLong("id");
        // Sold by A to a buyer outside the system: B may verify it (it holds it) but not read its log.
        database.preparedQuery("update invoice set buyer_org_id = null, buyer_tax_id = '91350100M000100Y43' where id = $1")
                .execute(Tuple.of(id)).await().indefinitely();
        verify("b-partner", Map.of("code", "1100181130", "number", number, "issueDate", date(), "amountExcludingTax", "7.00"));

        JsonPath log = GraphQL.postAs(Tokens.of("a-auditor"), "verificationLog", "invoiceId", Long.toString(id));
        assertNull(log.get("errors"), log::prettify);
        assertEquals("MISMATCH", log.get("data.verificationLog[0].outcome"));
        assertEquals("b-partner", log.get("data.verificationLog[0].username"));
        assertEquals("AMOUNT_EXCLUDING_TAX", log.get("data.verificationLog[0].extraField"));
        assertEquals("INVOICE_NOT_FOUND", GraphQL.postAs(Tokens.of("b-auditor"), "verificationLog", "invoiceId", Long.toString(id))
                .get("errors[0].extensions.code"));
    }

    private static JsonPath verify(String user, Map<String, Object> input) {
        return GraphQL.postAs(Tokens.of(user), "verifyInvoice", "input", new HashMap<>(input));
    }

    private static String date() {
        return TODAY.minusDays(3).toString();
    }

    /** A legacy invoice from org A to org B issued three days ago: amount 1000.00, tax 130.00. */
    private String insertLegacy(String code, String type, String checkCode, String status) {
        return Invoices.insertLegacy(database, code, type, TODAY.minusDays(3), checkCode, status, "1000.00").number();
    }
}
