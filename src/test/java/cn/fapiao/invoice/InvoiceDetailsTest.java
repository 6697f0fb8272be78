package cn.fapiao.invoice;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An invoice's lines and status history are loaded only when selected, by each operation that
 * returns invoices. The single lookups and the life-cycle mutations are covered where they are
 * tested (their documents select both); these are the other places invoices appear.
 */
@QuarkusTest
class InvoiceDetailsTest {

    @Test
    void aPageOfTheListCarriesEachInvoicesLinesAndHistory() {
        // A total range no other test's invoices fall into (totals include 13% tax).
        String amount = ThreadLocalRandom.current().nextInt(70_000, 80_000) + ".37";
        JsonPath one = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*甲", amount, "0.13"))));
        JsonPath two = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*乙", amount, "0.13"), Invoices.line("*货物*丙", "1.00", "0.13"))));

        JsonPath page = GraphQL.postAs(Tokens.of("b-accountant"), "invoicesWithDetails", "first", 10,
                "filter", Map.of("amountMin", amount, "amountMax", new BigDecimal(amount).multiply(BigDecimal.valueOf(2)).toPlainString()));

        assertNull(page.get("errors"), page::prettify);
        List<Map<String, Object>> nodes = page.getList("data.invoices.edges.node");
        assertEquals(2, nodes.size(), page::prettify);
        Map<String, Map<String, Object>> byId = Map.of((String) nodes.get(0).get("id"), nodes.get(0), (String) nodes.get(1).get("id"), nodes.get(1));
        assertEquals(List.of("*货物*甲"), itemNames(byId.get((String) one.get("id"))));
        assertEquals(List.of("*货物*乙", "*货物*丙"), itemNames(byId.get((String) two.get("id"))));
        assertEquals("NORMAL", ((List<Map<String, Object>>) byId.get((String) one.get("id")).get("statusHistory")).get(0).get("toStatus"));
    }

    @Test
    void theConfirmedInvoiceComesBackWithItsLinesAndHistory() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*服务*丁", "50.00", "0.06"))));
        JsonPath confirmed = GraphQL.postAs(Tokens.of("b-accountant"), "confirmInvoiceUseWithDetails", "id", (String) issued.get("id"));
        assertNull(confirmed.get("errors"), confirmed::prettify);
        assertEquals(1, confirmed.getList("data.confirmInvoiceUse.lines").size());
        assertEquals("NORMAL", confirmed.get("data.confirmInvoiceUse.statusHistory[0].toStatus"));
    }

    @Test
    void aNearMatchCarriesItsLinesAndHistory() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*戊", "23.23", "0.13"))));
        String number = issued.get("number");
        String typo = Invoices.withLastDigitWrong(number);
        JsonPath body = GraphQL.postAs(Tokens.of("b-accountant"), "diagnoseWithDetails", "input", Map.of("number", typo, "amount", "23.23"));
        assertNull(body.get("errors"), body::prettify);
        assertEquals(number, body.get("data.diagnoseInvoice.nearMatches[0].invoice.number"), body::prettify);
        assertEquals("*货物*戊", body.get("data.diagnoseInvoice.nearMatches[0].invoice.lines[0].itemName"));
        assertEquals("NORMAL", body.get("data.diagnoseInvoice.nearMatches[0].invoice.statusHistory[0].toStatus"));
    }

    @Test
    void linesAndHistorySelectedThroughFragmentsAndAliasesAreLoaded() {
        JsonPath issued = Invoices.issue(Invoices.toOrgB(List.of(Invoices.line("*货物*己", "12.34", "0.13"))));
        String query = "query Q($id: ID!) { invoice(id: $id) { number ... on Invoice { items: lines { itemName } } ...History } }"
                + " fragment History on Invoice { ... { changes: statusHistory { toStatus } } }";
        JsonPath body = GraphQL.postQueryAs(Tokens.of("b-accountant"), query, "id", (String) issued.get("id"));
        assertNull(body.get("errors"), body::prettify);
        assertEquals("*货物*己", body.get("data.invoice.items[0].itemName"));
        assertEquals("NORMAL", body.get("data.invoice.changes[0].toStatus"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> itemNames(Map<String, Object> node) {
        return ((List<Map<String, Object>>) node.get("lines")).stream().map(line -> (String) line.get("itemName")).toList();
    }
}
