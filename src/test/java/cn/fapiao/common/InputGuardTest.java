package cn.fapiao.common;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Input that no field accepts (text PostgreSQL cannot store or a person cannot type, null entries
 * in lists, dates thousands of years away) is refused as VALIDATION_FAILED naming the field,
 * before anything runs: it used to reach the database and answer INTERNAL_ERROR, and one such
 * import row failed the whole batch. {@code EveryTextArgumentTest} walks every text argument.
 */
@QuarkusTest
class InputGuardTest {

    private static final String INVOICES = "query P($f: InvoiceFilter) { invoices(filter: $f, first: 5) { totalCount } }";

    @Inject
    Pool database;

    @Test
    void aNulInOneImportRowIsRefusedNamingTheFieldAndNothingIsImported() {
        long before = invoiceCount();
        Map<String, Object> good = importRow("26119" + String.format("%015d", System.nanoTime() % 1_000_000_000_000_000L), "软件服务");
        Map<String, Object> bad = importRow("26119" + String.format("%015d", (System.nanoTime() + 7) % 1_000_000_000_000_000L), "软件\u0000服务");
        JsonPath answer = GraphQL.postAs(Tokens.of("a-partner"), "importInvoices", "input", Map.of(
                "idempotencyKey", "guard-" + UUID.randomUUID(), "source", "guard-test", "invoices", List.of(good, bad)));

        assertRefused(answer, "input.invoices[1].lines[0].itemName", "INVALID_CHARACTERS");
        assertEquals(before, invoiceCount());
    }

    @Test
    void anImportDateAtTheEndOfTimeIsRefusedNamingTheField() {
        Map<String, Object> row = importRow("26119" + String.format("%015d", System.nanoTime() % 1_000_000_000_000_000L), "软件服务");
        row.put("issueDate", "-999999999-01-01");
        JsonPath answer = GraphQL.postAs(Tokens.of("a-partner"), "importInvoices", "input", Map.of(
                "idempotencyKey", "guard-" + UUID.randomUUID(), "source", "guard-test", "invoices", List.of(row)));
        assertRefused(answer, "input.invoices[0].issueDate", "OUT_OF_RANGE");
    }

    @Test
    void aFilterDateOfYearMinus5000IsRefusedNamingTheField() {
        assertRefused(GraphQL.postQueryAs(Tokens.of("a-accountant"), INVOICES, "f", Map.of("issueDateFrom", "-5000-01-01")),
                "filter.issueDateFrom", "OUT_OF_RANGE");
        assertRefused(GraphQL.postQueryAs(Tokens.of("a-accountant"), "{ invoices(filter: { issueDateTo: \"+10000-01-01\" }, first: 5) { totalCount } }"),
                "filter.issueDateTo", "OUT_OF_RANGE");
    }

    @Test
    void datesOfTheLastCenturyAndTheFarFutureStillFilter() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"), INVOICES, "f", Map.of("issueDateFrom", "1900-01-01", "issueDateTo", "9999-12-31"));
        assertNull(answer.get("errors"), answer::prettify);
    }

    @Test
    void aNullRoleIsRefusedNamingIt() {
        JsonPath answer = GraphQL.postAs(Tokens.of("a-admin"), "updateUser", "input",
                new LinkedHashMap<>(Map.of("id", userId("a-faulty"), "roles", Arrays.asList("ACCOUNTANT", null))));
        assertRefused(answer, "input.roles[1]", "REQUIRED");
    }

    @Test
    void aNullInAFilterListIsRefusedToo() {
        assertRefused(GraphQL.postQueryAs(Tokens.of("a-accountant"), INVOICES, "f", Map.of("status", Arrays.asList((Object) null))),
                "filter.status[0]", "REQUIRED");
    }

    @Test
    void controlCharactersAndBrokenUnicodeAreRefusedButTabsAndLineBreaksAreText() {
        for (String text : List.of("a\u0001b", "a\u001Bb", "a\uD800b", "a\uFFFEb")) {
            JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"), INVOICES, "f", Map.of("buyerNameContains", text));
            assertRefused(answer, "filter.buyerNameContains", "INVALID_CHARACTERS");
        }
        Map<String, Object> input = new LinkedHashMap<>(Invoices.toOrgB(List.of(Invoices.line("*软件*开发\t服务", "100.00", "0.13"))));
        input.put("remark", "第一行\r\n第二行 😀");
        JsonPath preview = GraphQL.postAs(Tokens.of("a-issuer"), "previewInvoice", "input", input);
        assertNull(preview.get("errors"), preview::prettify);
    }

    @Test
    void theMessageSaysWhichCharacterAndWhereWithoutEchoingTheText() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"), INVOICES, "f", Map.of("sellerNameContains", "secret\u0000x"));
        String message = answer.getString("errors[0].message");
        assertEquals("`filter.sellerNameContains` holds the character U+0000 at position 7: text may not hold control characters "
                + "other than tab and line breaks, nor anything that is not a Unicode character.", message);
    }

    @Test
    void everyProblemIsListed() {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("buyerNameContains", "\u0000");
        filter.put("issueDateFrom", "0001-01-01");
        filter.put("type", Arrays.asList("01", null));
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"), INVOICES, "f", filter);
        assertEquals(Set.of("filter.buyerNameContains", "filter.issueDateFrom", "filter.type[1]"),
                Set.copyOf(answer.getList("errors[0].extensions.problems.field")), answer::prettify);
    }

    private static void assertRefused(JsonPath answer, String field, String problem) {
        assertEquals(1, answer.getList("errors").size(), answer::prettify);
        assertEquals("VALIDATION_FAILED", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertEquals(field, answer.getString("errors[0].extensions.field"), answer::prettify);
        assertEquals(problem, answer.getString("errors[0].extensions.problems[0].code"), answer::prettify);
        List<String> leaks = new ArrayList<>();
        for (String detail : List.of("cn.fapiao", "java.", "SQL", "\u0000", "System error")) {
            if (answer.prettify().contains(detail)) {
                leaks.add(detail);
            }
        }
        assertFalse(!leaks.isEmpty(), () -> "the error tells " + leaks + ": " + answer.prettify());
    }

    private static Map<String, Object> importRow(String number, String itemName) {
        Map<String, Object> line = new LinkedHashMap<>(Map.of("itemName", itemName, "amount", "100.00", "taxRate", "0.06", "tax", "6.00"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", number);
        row.put("typeCode", "82");
        row.put("issueDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(2).toString());
        row.put("seller", Map.of("taxId", "91350100M000100Y43", "name", "卖方"));
        row.put("buyer", Map.of("taxId", Invoices.ORG_A, "name", "买方"));
        row.put("amount", "100.00");
        row.put("tax", "6.00");
        row.put("total", "106.00");
        row.put("lines", List.of(line));
        return row;
    }

    private String userId(String username) {
        return String.valueOf(database.preparedQuery("select id from app_user where username = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(username)).await().indefinitely().iterator().next().getLong("id"));
    }

    private long invoiceCount() {
        return database.query("select count(*) as n from invoice").execute().await().indefinitely().iterator().next().getLong("n");
    }
}
