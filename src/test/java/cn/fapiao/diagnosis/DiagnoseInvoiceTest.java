package cn.fapiao.diagnosis;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each reason an invoice "is missing" gets its own specific finding, not a generic "not found". */
@QuarkusTest
class DiagnoseInvoiceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Pool database;

    @Test
    void aOneDigitTypoInADigitalNumberFindsTheInvoice() {
        String number;
        do { // a last digit 9 would be mistyped as 8: the number before, which exists
            number = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*T", "17.17", "0.13")))).get("number");
        } while (number.endsWith("9"));
        String typo = Invoices.withLastDigitWrong(number);
        // Numbers issued here are consecutive, so several are one digit away: the amount ranks the right one first.
        JsonPath body = diagnose("b-accountant", Map.of("number", typo, "amount", "17.17"));
        assertEquals("ONE_DIGIT_WRONG", body.get("data.diagnoseInvoice.nearMatches[0].kind"), body::prettify);
        assertEquals(20, (int) body.get("data.diagnoseInvoice.nearMatches[0].position"));
        assertEquals(number, body.get("data.diagnoseInvoice.nearMatches[0].invoice.number"));
        assertTrue(codes(body).contains("NEAR_MATCHES"));
        assertNull(body.get("data.diagnoseInvoice.ticketDraft"));
    }

    @Test
    void aSwapAndAMissingDigitAreRecognised() {
        String number = uniqueDigital("135");
        String swapped = number.substring(0, 17) + number.charAt(18) + number.charAt(17) + number.charAt(19);
        JsonPath swap = diagnose("a-accountant", Map.of("number", swapped));
        assertEquals("ADJACENT_DIGITS_SWAPPED", swap.get("data.diagnoseInvoice.nearMatches[0].kind"), swap::prettify);

        JsonPath missing = diagnose("a-accountant", Map.of("number", number.substring(0, 10) + number.substring(11)));
        assertEquals("ONE_DIGIT_MISSING", missing.get("data.diagnoseInvoice.nearMatches[0].kind"), missing::prettify);
        assertTrue(codes(missing).contains("MALFORMED_NUMBER"));
    }

    @Test
    void codeAndNumberTypedIntoEachOthersFieldsAreRecognised() {
        String number = Invoices.insertLegacy(database, "011002600104", "04", TODAY.minusDays(2), "12345678901234567890", "NORMAL", "100.00").number();
        JsonPath body = diagnose("b-accountant", Map.of("code", number, "number", "011002600104"));
        assertEquals("CODE_AND_NUMBER_SWAPPED", body.get("data.diagnoseInvoice.nearMatches[0].kind"), body::prettify);
        assertEquals(number, body.get("data.diagnoseInvoice.nearMatches[0].invoice.number"));
    }

    @Test
    void aShenzhenCodeIsHeldByShenzhensSystem() {
        JsonPath body = diagnose("a-accountant", Map.of("code", "044031900111", "number", "12345678"));
        List<String> codes = codes(body);
        assertTrue(codes.contains("OTHER_REGION"), codes::toString);
        String message = body.get("data.diagnoseInvoice.findings.find { it.code == 'OTHER_REGION' }.messageEn");
        assertTrue(message.contains("Shenzhen"), message);
        assertTrue(((String) body.get("data.diagnoseInvoice.findings.find { it.code == 'OTHER_REGION' }.messageZh")).contains("深圳"));
    }

    @Test
    void aVoidedInvoiceIsFoundAndSaidToBeVoided() {
        String number = Invoices.insertLegacy(database, "011002600104", "04", TODAY.minusDays(2), "12345678901234567890", "VOIDED", "100.00").number();
        JsonPath body = diagnose("b-accountant", Map.of("code", "011002600104", "number", number));
        assertEquals("FOUND_VOIDED", body.get("data.diagnoseInvoice.findings[0].code"), body::prettify);
    }

    @Test
    void aSameDayInvoiceMayNotHaveArrivedYet() {
        JsonPath body = diagnose("a-accountant", Map.of("number", uniqueNumberNobodyHas(), "issueDate", TODAY.toString()));
        assertTrue(codes(body).contains("TOO_NEW"), body::prettify);
        assertFalse(codes(body).contains("NO_EXPLANATION"));
    }

    @Test
    void anEightYearOldInvoiceIsTooOld() {
        JsonPath body = diagnose("a-accountant", Map.of("number", "18112000000000000777", "issueDate", TODAY.minusYears(8).toString()));
        assertTrue(codes(body).contains("TOO_OLD"), body::prettify);
    }

    @Test
    void theWindowIsTheVerificationSetting() {
        // The test profile sets fapiao.verification.max-age-years=3: four years is outside it, as verifyInvoice judges.
        JsonPath typed = diagnose("a-accountant", Map.of("number", uniqueNumberNobodyHas(), "issueDate", TODAY.minusYears(4).toString()));
        assertTrue(codes(typed).contains("TOO_OLD"), typed::prettify);
        assertTrue(((String) typed.get("data.diagnoseInvoice.findings.find { it.code == 'TOO_OLD' }.messageEn")).contains("3 years"), typed::prettify);

        // A found invoice is judged by the date on record, whatever date was typed.
        String number = Invoices.insertLegacy(database, "011002600104", "04", TODAY.minusYears(4), "12345678901234567890", "NORMAL", "100.00").number();
        JsonPath found = diagnose("a-accountant", Map.of("code", "011002600104", "number", number, "issueDate", TODAY.minusDays(3).toString()));
        assertTrue(codes(found).contains("FOUND"), found::prettify);
        assertTrue(codes(found).contains("TOO_OLD"), found::prettify);
    }

    @Test
    void garbageInputGetsSpecificFindings() {
        JsonPath body = diagnose("a-accountant", Map.of("number", "12O45", "issueDate", "2024-02-30", "amount", "12.345",
                "sellerTaxId", "91350100M000100Y4Z"));
        List<String> codes = codes(body);
        assertTrue(codes.containsAll(List.of("MALFORMED_NUMBER", "MALFORMED_DATE", "MALFORMED_AMOUNT", "MALFORMED_SELLER_TAX_ID")), codes::toString);
        assertEquals("PROBLEM", body.get("data.diagnoseInvoice.findings[0].severity"));
        String taxIdHint = body.get("data.diagnoseInvoice.findings.find { it.code == 'MALFORMED_SELLER_TAX_ID' }.nextStepEn");
        assertTrue(taxIdHint.contains("3"), taxIdHint);
    }

    @Test
    void nothingExplainsItSoATicketIsPrefilled() {
        JsonPath body = diagnose("a-accountant", Map.of("number", uniqueNumberNobodyHas(), "issueDate", TODAY.minusDays(30).toString()));
        assertTrue(codes(body).contains("NO_EXPLANATION"), body::prettify);
        assertNotNull(body.get("data.diagnoseInvoice.ticketDraft"));
        assertEquals("MISSING_INVOICE", body.get("data.diagnoseInvoice.ticketDraft.category"));
        assertTrue(((String) body.get("data.diagnoseInvoice.ticketDraft.description")).contains("number="));
    }

    @Test
    void nearMatchesNeverShowOtherOrganisationsInvoices() {
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*货物*P", "19.19", "0.13")));
        ((Map<String, Object>) input.get("buyer")).put("taxId", "91350100M000100Y43");
        String number = Invoices.issue(input).get("number");
        String typo = number.substring(0, 19) + (number.charAt(19) == '0' ? '1' : '0');
        JsonPath body = diagnose("b-accountant", Map.of("number", typo));
        // Numbers issued here are consecutive, so B may well see other near matches, but never A's invoice to an outsider.
        List<String> seen = body.getList("data.diagnoseInvoice.nearMatches.invoice.number");
        assertFalse(seen.contains(number), seen::toString);
        JsonPath a = diagnose("a-accountant", Map.of("number", typo, "amount", "19.19"));
        assertEquals(number, a.get("data.diagnoseInvoice.nearMatches[0].invoice.number"), a::prettify);
        JsonPath exact = diagnose("b-accountant", Map.of("number", number));
        assertTrue(codes(exact).contains("NOT_ADDRESSED_TO_YOU"), exact::prettify);
        assertEquals("UNAUTHENTICATED", GraphQL.post("diagnoseInvoice", "input", Map.of("number", number)).get("errors[0].extensions.code"));
    }

    private static JsonPath diagnose(String user, Map<String, Object> input) {
        JsonPath body = GraphQL.postAs(Tokens.of(user), "diagnoseInvoice", "input", new HashMap<>(input));
        assertNull(body.get("errors"), body::prettify);
        return body;
    }

    private static List<String> codes(JsonPath body) {
        return body.getList("data.diagnoseInvoice.findings.code");
    }

    /** A digital A→B invoice whose last three digits are the given ones, so that swaps and gaps are visible. */
    private String uniqueDigital(String lastThree) {
        String number = "26112" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000L, 999_999_999_999L)) + lastThree;
        database.preparedQuery("""
                        insert into invoice (organisation_id, generation, invoice_number, type_code, issue_date,
                            seller_org_id, seller_tax_id, seller_name, buyer_org_id, buyer_tax_id, buyer_name,
                            amount, tax, total, remaining_amount, source)
                        select a.id, 'DIGITAL', $1, '82', $2, a.id, a.uscc, a.name, b.id, b.uscc, b.name, 10.00, 1.30, 11.30, 10.00, 'ISSUED'
                        from organisation a, organisation b where a.uscc = $3 and b.uscc = $4""")
                .execute(Tuple.of(number, TODAY.minusDays(5), Invoices.ORG_A, Invoices.ORG_B)).await().indefinitely();
        return number;
    }

    private static String uniqueNumberNobodyHas() {
        return "2611299" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }
}
