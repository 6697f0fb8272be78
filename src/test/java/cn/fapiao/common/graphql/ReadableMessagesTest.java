package cn.fapiao.common.graphql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * graphql-java's messages as it writes them today (24.x), rewritten: if an upgrade changes their
 * wording, {@code DocumentErrorMessagesTest} shows whether the rewrite still applies.
 */
class ReadableMessagesTest {

    private static final String DOCUMENT = "{ invoices(orderBy: TOTAL, filter: { buyerNameContains: \"it's \\\"x\\\"\", status: [NORMAL, 7] }) { totalCount } }";

    @Test
    void valuesAreQuotedAsWrittenInTheDocument() {
        ReadableMessages messages = new ReadableMessages(DOCUMENT);
        assertEquals("argument 'orderBy' with value 'TOTAL' is not a valid 'InvoiceOrder' - Literal value not in allowable values for enum 'InvoiceOrder' - 'TOTAL'",
                messages.rewrite("argument 'orderBy' with value 'EnumValue{name='TOTAL'}' is not a valid 'InvoiceOrder' - Literal value not in allowable values for enum 'InvoiceOrder' - 'EnumValue{name='TOTAL'}'"));
        assertEquals("argument 'filter' with value '{buyerNameContains: \"it's \\\"x\\\"\", status: [NORMAL, 7]}' contains a field not in 'InvoiceFilter': 'colour'",
                messages.rewrite("argument 'filter' with value 'ObjectValue{objectFields=[ObjectField{name='buyerNameContains', value=StringValue{value='it's \"x\"'}}, "
                        + "ObjectField{name='status', value=ArrayValue{values=[EnumValue{name='NORMAL'}, IntValue{value=7}]}}]}' contains a field not in 'InvoiceFilter': 'colour'"));
    }

    @Test
    void expectedKindsAreSaidInWords() {
        ReadableMessages messages = new ReadableMessages(DOCUMENT);
        assertEquals("argument 'filter.status[1]' with value '7' is not a valid 'InvoiceStatus' - Expected an enum value but got an integer",
                messages.rewrite("argument 'filter.status[1]' with value 'IntValue{value=7}' is not a valid 'InvoiceStatus' - Expected an AST type of 'EnumValue' but it was a 'IntValue'"));
        assertEquals("Expected an integer or a string but got true or false",
                messages.rewrite("Expected an AST type of 'IntValue' or 'StringValue' but it was a 'BooleanValue'"));
        assertEquals("argument 'filter.issueDateFrom' with value '5' is not a valid 'Date' - It cannot be an integer.",
                messages.rewrite("argument 'filter.issueDateFrom' with value '5' is not a valid 'Date' - SRGQL000015: Expected AST type 'IntValue' or 'StringValue' but was 'IntValue'."));
    }

    @Test
    void otherMessagesStayAsTheyAre() {
        String message = "Validation error (FieldUndefined@[invoices/nope]) : Field 'nope' in type 'InvoiceConnection' is undefined";
        assertEquals(message, new ReadableMessages(DOCUMENT).rewrite(message));
        assertEquals("x Value{", new ReadableMessages("not a document {").rewrite("x Value{"));
    }
}
