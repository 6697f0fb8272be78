package cn.fapiao.common;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A document that does not fit the schema, or variables that do not fit it, come back with a code a client can switch on. */
@QuarkusTest
class DocumentErrorsTest {

    @Test
    void anUnknownFieldIsAValidationFailureWithWhereItIs() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"), "{ invoices(first: 1) { nope } }");
        assertCoded(answer);
        assertEquals("FieldUndefined", answer.getString("errors[0].extensions.validationErrorType"));
        assertEquals(List.of("invoices", "nope"), answer.getList("errors[0].extensions.queryPath"));
    }

    @Test
    void aValueOfTheWrongTypeInTheDocumentIsAValidationFailure() {
        assertCoded(GraphQL.postQueryAs(Tokens.of("a-accountant"), "{ invoices(first: \"x\") { totalCount } }"));
    }

    @Test
    void aMissingRequiredVariableIsAValidationFailure() {
        assertCoded(GraphQL.postQueryAs(Tokens.of("a-accountant"), "query Q($n: String!) { invoiceByNumber(number: $n) { id } }"));
    }

    @Test
    void otherErrorsKeepTheirOwnCode() {
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("a-accountant"), "{ invoices(first: 1000) { totalCount } }");
        assertEquals("VALIDATION_FAILED", answer.getString("errors[0].extensions.code"), answer::prettify);
    }

    private static void assertCoded(JsonPath answer) {
        assertEquals(1, answer.getList("errors").size(), answer::prettify);
        assertEquals("GRAPHQL_VALIDATION_FAILED", answer.getString("errors[0].extensions.code"), answer::prettify);
        assertEquals("ValidationError", answer.getString("errors[0].extensions.classification"), answer::prettify);
    }
}
