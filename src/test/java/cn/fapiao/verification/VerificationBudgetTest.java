package cn.fapiao.verification;

import cn.fapiao.ratelimit.RateLimitConfig;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who pays for a verification: the daily attempts of an invoice are counted per verifying
 * organisation, and every verification, alias by alias, is charged to the user's and the
 * organisation's rate limits. Orgs C and D exist for this test only (test budgets: 50 per user,
 * 80 per organisation and minute), so exhausting them starves no other test.
 */
@QuarkusTest
class VerificationBudgetTest {

    private static final LocalDate ISSUED = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3);

    @Inject
    Pool database;

    @Inject
    RateLimitConfig limits;

    @Test
    void aStrangerSpendsItsOwnAttemptsNotThoseOfTheParties() {
        String number = Invoices.insertLegacy(database, "1100181130", "01", ISSUED, null, "NORMAL", "1000.00").number();
        Map<String, Object> wrong = input(number, "1.00");

        // Org C, neither seller nor buyer, tries seven wrong amounts in one request.
        JsonPath stranger = GraphQL.postQueryAs(Tokens.of("c-partner"), aliases(7), "input", wrong);
        assertNull(stranger.get("errors"), stranger::prettify);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            outcomes.add(stranger.getString("data.v" + i + ".outcome"));
        }
        assertEquals(List.of("MISMATCH", "MISMATCH", "MISMATCH", "MISMATCH", "MISMATCH", "LIMIT_EXCEEDED", "LIMIT_EXCEEDED"), outcomes);

        // The buyer and the seller still have the whole day's attempts.
        for (String party : List.of("b-accountant", "a-accountant")) {
            JsonPath body = GraphQL.postAs(Tokens.of(party), "verifyInvoice", "input", input(number, "1000.00"));
            assertEquals("MATCH", body.get("data.verifyInvoice.outcome"), body::prettify);
            assertEquals(4, (int) body.get("data.verifyInvoice.verificationsLeftToday"), party);
        }
    }

    @Test
    void verificationsAreRateLimitedPerUserAndPerOrganisationAliasesIncluded() throws InterruptedException {
        awaitRoomInTheWindow();
        Map<String, Object> unknown = Map.of("number", "26112999999999999997", "issueDate", ISSUED.toString(), "totalIncludingTax", "10");

        // 50 aliases in one request are 50 verifications: d-partner's whole budget for the minute.
        JsonPath fifty = GraphQL.postQueryAs(Tokens.of("d-partner"), aliases(50), "input", unknown);
        assertNull(fifty.get("errors"), fifty::prettify);
        assertEquals("NOT_FOUND", fifty.get("data.v49.outcome"));
        assertRateLimited(GraphQL.postAs(Tokens.of("d-partner"), "verifyInvoice", "input", new HashMap<>(unknown)));

        // Org D has 80: its second user gets 30 more, then the organisation's budget refuses it
        // although the user's own (31 of 50) is not spent. A batch counts each of its inputs.
        JsonPath thirty = GraphQL.postQueryAs(Tokens.of("d-partner-2"), aliases(30), "input", unknown);
        assertNull(thirty.get("errors"), thirty::prettify);
        assertRateLimited(GraphQL.postAs(Tokens.of("d-partner-2"), "verifyInvoice", "input", new HashMap<>(unknown)));
        assertRateLimited(GraphQL.postAs(Tokens.of("d-partner-2"), "verifyInvoices", "inputs", List.of(unknown)));

        // Another organisation is not affected.
        JsonPath other = GraphQL.postAs(Tokens.of("c-partner"), "verifyInvoice", "input", new HashMap<>(unknown));
        assertEquals("NOT_FOUND", other.get("data.verifyInvoice.outcome"), other::prettify);
    }

    private static void assertRateLimited(JsonPath body) {
        assertEquals("RATE_LIMITED", body.get("errors[0].extensions.code"), body::prettify);
        int retryAfter = body.getInt("errors[0].extensions.retryAfterSeconds");
        assertTrue(retryAfter >= 1, body::prettify);
    }

    /**
     * Budgets are counted per fixed window: when the current one is about to end, this waits for
     * the next, so that the test's requests fall into one window.
     */
    private void awaitRoomInTheWindow() throws InterruptedException {
        long window = limits.window().toSeconds();
        long left = window - Math.floorMod(Instant.now().getEpochSecond(), window);
        if (left < 20) {
            Thread.sleep((left + 1) * 1000);
        }
    }

    private static String aliases(int count) {
        StringBuilder document = new StringBuilder("mutation Many($input: VerifyInvoiceInput!) {");
        for (int i = 0; i < count; i++) {
            document.append(" v").append(i).append(": verifyInvoice(input: $input) { outcome verificationsLeftToday }");
        }
        return document.append(" }").toString();
    }

    private static Map<String, Object> input(String number, String amount) {
        return new HashMap<>(Map.of("code", "1100181130", "number", number, "issueDate", ISSUED.toString(), "amountExcludingTax", amount));
    }
}
