package cn.fapiao.common;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A value in a document that does not fit its argument is quoted back as it was written, in
 * GraphQL, not as graphql-java's Java objects ({@code EnumValue{name='TOTAL'}}, {@code ObjectValue{…}}).
 */
@QuarkusTest
class DocumentErrorMessagesTest {

    @Test
    void anUnknownEnumValueIsQuotedAsWritten() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"), "{ invoices(orderBy: TOTAL, first: 1) { totalCount } }");
        String message = assertPlain(answer);
        assertTrue(message.contains("'TOTAL'"), message);
        assertTrue(message.contains("InvoiceOrder"), message);
    }

    @Test
    void anInputObjectWithAnUnknownFieldIsQuotedAsWritten() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"),
                "{ invoices(filter: { buyerNameContains: \"x\", colour: 1 }, first: 1) { totalCount } }");
        String message = assertPlain(answer);
        assertTrue(message.contains("{buyerNameContains: \"x\", colour: 1}"), message);
        assertTrue(message.contains("colour"), message);
    }

    @Test
    void aWrongValueInsideAListIsQuotedAsWritten() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"),
                "{ invoices(filter: { status: [NORMAL, 7] }, first: 1) { totalCount } }");
        String message = assertPlain(answer);
        assertTrue(message.contains("'7'"), message);
        assertTrue(message.contains("Expected an enum value but got an integer"), message);
    }

    @Test
    void aNumberForADateIsToldInWords() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"),
                "{ invoices(filter: { issueDateFrom: 5 }, first: 1) { totalCount } }");
        String message = assertPlain(answer);
        assertTrue(message.contains("'5'"), message);
    }

    @Test
    void variablesThatDoNotFitAreToldInWordsToo() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"),
                "query Q($f: InvoiceFilter, $o: InvoiceOrder) { invoices(filter: $f, orderBy: $o, first: 1) { totalCount } }",
                "f", java.util.Map.of("colour", 1), "o", "TOTAL");
        assertPlain(answer);
    }

    private static String assertPlain(JsonPath answer) {
        assertEquals(1, answer.getList("errors").size(), answer::prettify);
        assertEquals("GRAPHQL_VALIDATION_FAILED", answer.getString("errors[0].extensions.code"), answer::prettify);
        String error = answer.getString("errors[0]");
        for (String internal : List.of("EnumValue", "ObjectValue", "ObjectField", "ArrayValue", "IntValue", "StringValue", "{name=", "value=", "SRGQL")) {
            assertFalse(error.contains(internal), () -> "the error shows graphql-java's '" + internal + "': " + answer.prettify());
        }
        return answer.getString("errors[0].message");
    }
}
