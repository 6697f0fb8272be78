package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.fapiao.support.Imports.batch;
import static cn.fapiao.support.Imports.digital;
import static cn.fapiao.support.Imports.importAs;
import static cn.fapiao.support.Imports.key;
import static cn.fapiao.support.Imports.problem;
import static cn.fapiao.support.Imports.redOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports are the importer's records: they never read, write or block another organisation's
 * books. Two organisations A and B, through the API as their partners would call it.
 */
@QuarkusTest
class ImportTenancyTest {

    private static final String OUTSIDER = "91350100M000100Y43";

    @Test
    void anImportRevealsNothingAboutAnInvoiceTheImporterMayNotSee() {
        // A issues to a third party; B is no party to it and cannot see it.
        JsonPath issuedToB = GraphQL.postAs(Tokens.of("a-issuer"), "issueInvoice", "input", toOutsider("500.00"));
        String hidden = issuedToB.get("data.issueInvoice.number");
        assertEquals("INVOICE_NOT_FOUND", GraphQL.postAs(Tokens.of("b-accountant"), "invoiceByNumber", "number", hidden).get("errors[0].extensions.code"));

        // B guesses: the answer is the one a number nobody holds gets, with nothing about A's invoice.
        Map<String, Object> guess = digital(Invoices.ORG_A, Invoices.ORG_B, "1.00", "0.13", "1.13");
        guess.put("number", hidden);
        Map<String, Object> unknown = digital(Invoices.ORG_A, Invoices.ORG_B, "1.00", "0.13", "1.13");
        JsonPath result = importAs("b-partner", batch(key(), List.of(guess, unknown)));
        assertEquals(List.of("CREATED", "CREATED"), result.getList("rows.outcome"), result::prettify);
        assertEquals(List.of(), result.getList("rows[0].differingFields"));
        assertEquals(result.getList("rows[1].problems"), result.getList("rows[0].problems"));

        // A's invoice is untouched; B sees its own record only.
        JsonPath aSees = GraphQL.postAs(Tokens.of("a-accountant"), "invoiceByNumber", "number", hidden);
        assertEquals("565.00", aSees.getString("data.invoiceByNumber.total"), aSees::prettify);
        assertEquals("ISSUED", aSees.get("data.invoiceByNumber.source"));
        assertEquals("1.13", GraphQL.postAs(Tokens.of("b-accountant"), "invoiceByNumber", "number", hidden).getString("data.invoiceByNumber.total"));
    }

    @Test
    void aBuyersImportNeverWritesIntoTheSellersBooks() {
        Map<String, Object> forged = digital(Invoices.ORG_A, Invoices.ORG_B, "99999999.00", "12999999.87", "112999998.87");
        JsonPath result = importAs("b-partner", batch(key(), List.of(forged)));
        assertEquals("CREATED", result.get("rows[0].outcome"), result::prettify);
        String number = (String) forged.get("number");

        assertEquals("INVOICE_NOT_FOUND", GraphQL.postAs(Tokens.of("a-accountant"), "invoiceByNumber", "number", number)
                .get("errors[0].extensions.code"));
        JsonPath sales = GraphQL.postAs(Tokens.of("a-accountant"), "invoices", "filter", Map.of("role", "SELLER"), "first", 100);
        assertNull(sales.get("errors"), sales::prettify);
        assertFalse(sales.getList("data.invoices.edges.node.number").contains(number), "B's import appeared in A's sales");
        JsonPath purchases = GraphQL.postAs(Tokens.of("b-accountant"), "invoices", "filter", Map.of("role", "BUYER"), "first", 100);
        assertTrue(purchases.getList("data.invoices.edges.node.number").contains(number), purchases::prettify);

        // Nor can B reverse what A issued to it by importing a red invoice.
        Map<String, Object> issued = Map.of("number", Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*A", "50.00", "0.13")))).get("number"),
                "seller", Map.of("taxId", Invoices.ORG_A), "buyer", Map.of("taxId", Invoices.ORG_B));
        JsonPath red = importAs("b-partner", batch(key(), List.of(redOf(issued, "-50.00", "-6.50", "-56.50"))));
        assertEquals("REJECTED", red.get("rows[0].outcome"), red::prettify);
        assertTrue(red.getList("rows[0].problems").stream().anyMatch(p -> problem(p, "input.invoices[0].originalNumber", "ORIGINAL_NOT_FOUND")));
        assertEquals("NORMAL", GraphQL.postAs(Tokens.of("a-accountant"), "invoiceByNumber", "number", issued.get("number"))
                .get("data.invoiceByNumber.status"));
    }

    @Test
    void onlyTheIssuersIntegrationSetsTaxStatuses() {
        String id = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*A", "10.00", "0.13")))).get("id");
        Map<String, Object> input = Map.of("id", id, "status", "LOST_CONTROL", "reason", "tax bureau notice");
        JsonPath byBuyer = GraphQL.postAs(Tokens.of("b-partner"), "setInvoiceTaxStatus", "input", input);
        assertEquals("FORBIDDEN", byBuyer.get("errors[0].extensions.code"), byBuyer::prettify);
        assertEquals("NORMAL", GraphQL.postAs(Tokens.of("a-accountant"), "invoice", "id", id).get("data.invoice.status"));

        JsonPath byIssuer = GraphQL.postAs(Tokens.of("a-partner"), "setInvoiceTaxStatus", "input", input);
        assertNull(byIssuer.get("errors"), byIssuer::prettify);
        assertEquals("LOST_CONTROL", byIssuer.get("data.setInvoiceTaxStatus.status"));
    }

    private static Map<String, Object> toOutsider(String amount) {
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*货物*X", amount, "0.13")));
        input.put("buyer", Map.of("taxId", OUTSIDER, "name", "第三方公司"));
        return input;
    }
}
