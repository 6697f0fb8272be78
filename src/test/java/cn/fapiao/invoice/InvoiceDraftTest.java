package cn.fapiao.invoice;

import cn.fapiao.common.Money;
import cn.fapiao.invoice.api.DigitalInvoiceKind;
import cn.fapiao.invoice.api.InvoiceLineInput;
import cn.fapiao.invoice.api.IssueInvoiceInput;
import cn.fapiao.invoice.api.PartyInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The draft's arithmetic without Quarkus: gross amounts split as domain.md §4 says. */
class InvoiceDraftTest {

    @ParameterizedTest(name = "gross {0} @ {1} → {2} + {3}")
    @CsvSource({
            "113.00, 0.13, 100.00, 13.00",
            "100.00, 0.13, 88.50,  11.50",
            "500.00, 0.01, 495.05, 4.95",
            "1.00,   0.13, 0.88,   0.12",
    })
    void splitsATaxInclusiveLine(String gross, String rate, String net, String tax) {
        InvoiceDraft draft = InvoiceDraft.of(input(true, line(gross, rate)));
        assertTrue(draft.isValid(), draft.problems()::toString);
        assertEquals(new BigDecimal(net), draft.lines().get(0).amount());
        assertEquals(new BigDecimal(tax), draft.lines().get(0).tax());
        assertEquals(new BigDecimal(net), draft.totals().amount());
        assertEquals(new BigDecimal(tax), draft.totals().tax());
        assertEquals(new BigDecimal(gross), draft.totals().total());
    }

    @Test
    void splitsEveryLineOfATaxInclusiveInvoice() {
        InvoiceDraft draft = InvoiceDraft.of(input(true, line("113.00", "0.13"), line("500.00", "0.01"), line("1.00", "0.13")));
        assertTrue(draft.isValid(), draft.problems()::toString);
        assertEquals(new BigDecimal("595.93"), draft.totals().amount());
        assertEquals(new BigDecimal("18.07"), draft.totals().tax());
        assertEquals(new BigDecimal("614.00"), draft.totals().total());
    }

    @Test
    void taxExclusiveAmountsStayNet() {
        InvoiceDraft draft = InvoiceDraft.of(input(false, line("113.00", "0.13"), line("100.00", "0.13")));
        assertTrue(draft.isValid(), draft.problems()::toString);
        assertEquals(new BigDecimal("14.69"), draft.lines().get(0).tax());
        assertEquals(new BigDecimal("213.00"), draft.totals().amount());
        assertEquals(new BigDecimal("27.69"), draft.totals().tax());
        assertEquals(new BigDecimal("240.69"), draft.totals().total());
    }

    @Test
    void aGivenTaxOnAGrossLineIsCheckedAgainstTheNetAmount() {
        InvoiceDraft ok = InvoiceDraft.of(input(true, lineWithTax("113.00", "0.13", "13.00")));
        assertTrue(ok.isValid(), ok.problems()::toString);
        assertEquals(new BigDecimal("100.00"), ok.lines().get(0).amount());

        InvoiceDraft off = InvoiceDraft.of(input(true, lineWithTax("113.00", "0.13", "14.69")));
        assertEquals(List.of("input.lines[0].tax TAX_OUT_OF_TOLERANCE"),
                off.problems().stream().map(p -> p.field() + " " + p.code()).toList());
    }

    @Test
    void quantityTimesPriceOfAGrossLineIsComparedWithTheGrossAmount() {
        InvoiceDraft ok = InvoiceDraft.of(input(true, new InvoiceLineInput("x", null, null, "2", "56.50", new Money("113.00"), "0.13", null, null)));
        assertTrue(ok.isValid(), ok.problems()::toString);

        InvoiceDraft off = InvoiceDraft.of(input(true, new InvoiceLineInput("x", null, null, "2", "50.00", new Money("113.00"), "0.13", null, null)));
        assertEquals(List.of("input.lines[0].amount AMOUNT_MISMATCH"),
                off.problems().stream().map(p -> p.field() + " " + p.code()).toList());
    }

    private static InvoiceLineInput line(String amount, String rate) {
        return lineWithTax(amount, rate, null);
    }

    private static InvoiceLineInput lineWithTax(String amount, String rate, String tax) {
        return new InvoiceLineInput("*信息技术服务*软件开发", null, null, null, null, new Money(amount), rate, null, tax == null ? null : new Money(tax));
    }

    private static IssueInvoiceInput input(boolean amountsIncludeTax, InvoiceLineInput... lines) {
        return new IssueInvoiceInput(DigitalInvoiceKind.SPECIAL, new PartyInput("91110000101623741K", "测试乙公司", null, null),
                List.of(lines), amountsIncludeTax, null, null, null, null);
    }
}
