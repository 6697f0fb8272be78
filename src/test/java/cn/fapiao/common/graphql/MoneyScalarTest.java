package cn.fapiao.common.graphql;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Money in and out as the {@code Money} scalar: answers carry strings with exactly two decimals
 * (a JSON number would reach a JavaScript client as a binary float), input is read strictly and
 * a malformed amount is refused before anything runs with {@code MONEY_MALFORMED}, naming the
 * variable or the argument written in the document. Fails if {@link MoneyScalar}
 * stops being installed (SmallRye's own coercing answers "Unable to parse value" without a code).
 */
@QuarkusTest
class MoneyScalarTest {

    private static final String PREVIEW = "previewInvoice";

    private static JsonPath preview(Object amount) {
        Map<String, Object> line = new java.util.LinkedHashMap<>(Invoices.line("*信息技术服务*软件开发", "0.00", "0.13"));
        line.put("amount", amount);
        return GraphQL.postAs(Tokens.of("a-issuer"), PREVIEW, "input", Invoices.toOrgB(List.of(line)));
    }

    @Test
    void amountsComeOutAsStringsWithTwoDecimals() {
        JsonPath ok = preview("100");
        assertNull(ok.get("errors"), () -> ok.prettify());
        // Strings, not numbers: the JSON text itself is checked, as a JavaScript client reads it.
        assertEquals("100.00", ok.getString("data.previewInvoice.lines[0].amount"));
        assertEquals("13.00", ok.getString("data.previewInvoice.lines[0].tax"));
        assertEquals("113.00", ok.getString("data.previewInvoice.total"));
        String raw = given().contentType("application/json").header("Authorization", "Bearer " + Tokens.of("a-issuer"))
                .body(Map.of("query", GraphQL.document(PREVIEW), "variables", Map.of("input",
                        Invoices.toOrgB(List.of(Invoices.line("x", "0.1", "0.13"))))))
                .post("/graphql").then().statusCode(200).extract().asString();
        assertTrue(raw.contains("\"amount\":\"0.10\"") && raw.contains("\"total\":\"0.11\""), raw);
    }

    @Test
    void wellFormedTextIsReadWithUpToTwoDecimalsAndNegativesReachTheFieldsOwnRules() {
        for (String text : List.of("1409.5", "1409.50", "0.01", "99999999999.99")) {
            JsonPath answer = preview(text);
            assertNull(answer.get("errors"), () -> text + ": " + answer.prettify());
        }
        // The scalar accepts the sign; the line's own rule (an amount above zero) answers it as before.
        JsonPath negative = preview("-1.00");
        assertNull(negative.get("errors"), negative::prettify);
        assertFalse(negative.getBoolean("data.previewInvoice.valid"));
    }

    @Test
    void malformedAmountsInVariablesAreRefusedWithTheCodeAndTheField() {
        List<Object> malformed = new ArrayList<>(List.of("1.005", "1e3", "1E+2", "abc", "", " 1.00", "1.00 ", "+1.00", "1,000.00",
                "１００", "0x10", "NaN", "Infinity", "100000000000.00", "1.", ".5", "--1", "1\u00002", "٣"));
        malformed.add(100);          // JSON numbers are refused: they have been through a binary float in JavaScript
        malformed.add(1409.5);
        malformed.add(true);
        malformed.add(List.of("1.00"));
        malformed.add(Map.of("value", "1.00"));
        for (Object value : malformed) {
            JsonPath refused = preview(value);
            assertNull(refused.get("data"), () -> value + ": " + refused.prettify());
            assertEquals("MONEY_MALFORMED", refused.getString("errors[0].extensions.code"), () -> value + ": " + refused.prettify());
            // graphql-java reports the variable, not the place inside it; the message quotes the value.
            assertEquals("input", refused.getString("errors[0].extensions.field"), () -> value + ": " + refused.prettify());
            assertFalse(refused.getString("errors[0].message").contains("Exception"), refused::prettify);
        }
    }

    @Test
    void malformedAmountsWrittenInTheDocumentAreRefusedWithTheCodeAndTheArgument() {
        for (String literal : List.of("\"1.005\"", "1409.50", "100", "\"1e3\"")) {
            JsonPath refused = GraphQL.postQueryAs(Tokens.of("a-accountant"),
                    "{ invoices(first: 1, filter: {amountMin: " + literal + "}) { totalCount } }");
            assertEquals("MONEY_MALFORMED", refused.getString("errors[0].extensions.code"), () -> literal + ": " + refused.prettify());
            assertEquals("filter.amountMin", refused.getString("errors[0].extensions.field"), () -> literal + ": " + refused.prettify());
        }
        JsonPath ok = GraphQL.postQueryAs(Tokens.of("a-accountant"), "{ invoices(first: 1, filter: {amountMin: \"-5\"}) { totalCount } }");
        assertNull(ok.get("errors"), ok::prettify);
    }

    @Test
    void theSchemaDescribesTheScalar() {
        JsonPath schema = GraphQL.postQuery("{ __type(name: \"Money\") { kind description } }");
        assertEquals("SCALAR", schema.getString("data.__type.kind"));
        assertTrue(schema.getString("data.__type.description").contains("two decimals"), schema::prettify);
    }
}
