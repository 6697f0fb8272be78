package cn.fapiao.common;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A value inside an input object that GraphQL lets through as text but that cannot become what
 * its field needs (a date that does not exist) is refused like any bad input: one error,
 * VALIDATION_FAILED, naming the field, and nothing of the server's insides.
 */
@QuarkusTest
class ArgumentErrorsTest {

    private static final String PAGE = "query P($f: InvoiceFilter) { invoices(filter: $f, first: 5) { totalCount } }";

    @Test
    void aDateThatDoesNotExistInAFilterIsRefusedNamingTheField() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"), PAGE, "f", Map.of("issueDateFrom", "2026-13-45"));
        assertRefused(answer, "filter.issueDateFrom", "2026-13-45");
    }

    @Test
    void theSameInTheDocumentItself() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"),
                "{ invoices(filter: { issueDateTo: \"2026-02-30\" }, first: 5) { totalCount } }");
        assertRefused(answer, "filter.issueDateTo", "2026-02-30");
    }

    @Test
    void aDateThatDoesNotExistInAMutationInputIsRefusedNamingTheField() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"),
                "mutation V($i: VerifyInvoiceInput!) { verifyInvoice(input: $i) { outcome } }",
                "i", Map.of("number", "26112000000000000001", "issueDate", "2026-02-30", "totalIncludingTax", "113.00"));
        assertRefused(answer, "input.issueDate", "2026-02-30");
    }

    private static void assertRefused(JsonPath answer, String field, String value) {
        assertEquals(1, answer.getList("errors").size(), answer::prettify);
        assertEquals("VALIDATION_FAILED", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertEquals(field, answer.getString("errors[0].extensions.field"), answer::prettify);
        assertEquals(List.of(field), answer.getList("errors[0].extensions.problems.field"));
        assertEquals(List.of("INVALID_FORMAT"), answer.getList("errors[0].extensions.problems.code"));
        String message = answer.getString("errors[0].message");
        assertTrue(message.contains("YYYY-MM-DD") && message.contains(value), message);
        String error = answer.getString("errors[0]");
        for (String detail : List.of("cn.fapiao", "Scalar", "java.", "StringValue")) {
            assertFalse(error.contains(detail), () -> "the error tells '" + detail + "': " + answer.prettify());
        }
    }
}
