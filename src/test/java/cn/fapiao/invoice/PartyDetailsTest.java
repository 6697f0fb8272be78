package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The encrypted party details (address and phone, bank account) are decrypted only when their
 * field is read. A detail that cannot be decrypted (here: a cipher text moved into another column,
 * which its associated data refuses) must not make the invoice disappear from answers that do not
 * ask for it, and fails only its own field where it is asked for.
 */
@QuarkusTest
class PartyDetailsTest {

    private static final String ADDRESS = "北京市海淀区测试路 1 号 010-12345678";
    private static final String BANK = "中国银行北京分行 1234 5678 9012";

    @Inject
    Pool database;

    @Test
    void theDetailsAreReadBackAsIssued() {
        JsonPath issued = issueWithBuyerDetails();
        JsonPath answer = GraphQL.postQueryAs(Tokens.of("b-accountant"),
                "query Q($n: String!) { invoiceByNumber(number: $n) { buyer { name addressPhone bankAccount } } }",
                "n", issued.get("number"));
        assertNull(answer.get("errors"), answer::prettify);
        assertEquals(ADDRESS, answer.get("data.invoiceByNumber.buyer.addressPhone"));
        assertEquals(BANK, answer.get("data.invoiceByNumber.buyer.bankAccount"));
    }

    @Test
    void anInvoiceWhoseBankAccountCannotBeDecryptedIsStillFoundWhereTheAccountIsNotAskedFor() {
        JsonPath issued = issueWithBuyerDetails();
        breakBuyerBankAccount(Long.parseLong(issued.get("id")));

        JsonPath lookup = GraphQL.postQueryAs(Tokens.of("b-accountant"),
                "query Q($n: String!) { invoiceByNumber(number: $n) { number seller { taxId name } buyer { taxId name } } }",
                "n", issued.get("number"));
        assertNull(lookup.get("errors"), lookup::prettify);
        assertEquals(issued.getString("number"), lookup.getString("data.invoiceByNumber.number"));

        JsonPath page = GraphQL.postQueryAs(Tokens.of("b-accountant"),
                "query Q($f: InvoiceFilter) { invoices(filter: $f, first: 5) { edges { node { number buyer { name } } } totalCount } }",
                "f", Map.of("amountMin", total(issued), "amountMax", total(issued), "buyerTaxId", Invoices.ORG_B));
        assertNull(page.get("errors"), page::prettify);
        assertEquals(List.of(issued.getString("number")), page.getList("data.invoices.edges.node.number"));
    }

    @Test
    void aDetailThatCannotBeDecryptedFailsOnlyItsOwnFieldAndSaysNothingOfWhy() {
        JsonPath issued = issueWithBuyerDetails();
        breakBuyerBankAccount(Long.parseLong(issued.get("id")));

        JsonPath answer = GraphQL.postQueryAs(Tokens.of("b-accountant"),
                "query Q($n: String!) { invoiceByNumber(number: $n) { number buyer { name addressPhone bankAccount } } }",
                "n", issued.get("number"));

        assertEquals(issued.getString("number"), answer.getString("data.invoiceByNumber.number"));
        assertEquals(ADDRESS, answer.getString("data.invoiceByNumber.buyer.addressPhone"));
        assertNull(answer.get("data.invoiceByNumber.buyer.bankAccount"));
        assertEquals(1, answer.getList("errors").size(), answer::prettify);
        assertEquals(List.of("invoiceByNumber", "buyer", "bankAccount"), answer.getList("errors[0].path"));
        assertEquals("INTERNAL_ERROR", answer.get("errors[0].extensions.code"), answer::prettify);
        String error = answer.getString("errors[0]").toLowerCase();
        for (String detail : List.of("v1:", "k1", "authentication", "decrypt", "cipher", "associated")) {
            assertFalse(error.contains(detail), () -> "the error tells '" + detail + "': " + answer.prettify());
        }
    }

    /** An invoice from org A to org B with the buyer's address and bank account, and a total no other test uses. */
    private static JsonPath issueWithBuyerDetails() {
        Map<String, Object> input = Invoices.toOrgB(List.of(Invoices.line("*货物*密封甲",
                ThreadLocalRandom.current().nextInt(100_000, 999_999) + ".37", "0.13")));
        @SuppressWarnings("unchecked")
        Map<String, Object> buyer = (Map<String, Object>) input.get("buyer");
        buyer.put("addressPhone", ADDRESS);
        buyer.put("bankAccount", BANK);
        return Invoices.issue(input);
    }

    /** The total, exactly: JSON numbers come back from RestAssured as floats. */
    private String total(JsonPath issued) {
        return database.preparedQuery("select total::text from invoice where id = $1").execute(Tuple.of(Long.parseLong(issued.get("id"))))
                .await().indefinitely().iterator().next().getString(0);
    }

    /** The address's cipher text in the bank account's column: well-formed, but bound to the other column. */
    private void breakBuyerBankAccount(long id) {
        database.preparedQuery("update invoice set buyer_bank_account = buyer_address_phone where id = $1")
                .execute(Tuple.of(id)).await().indefinitely();
    }
}
