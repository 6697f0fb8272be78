package cn.fapiao.export.invoicefile;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.InvoiceType;
import cn.fapiao.domain.TaxTreatment;
import cn.fapiao.invoice.InvoiceSource;
import cn.fapiao.invoice.api.InvoiceLineView;
import cn.fapiao.invoice.api.InvoiceView;
import cn.fapiao.invoice.api.PartyView;
import cn.fapiao.reference.api.InvoiceGeneration;
import cn.fapiao.reference.api.InvoiceTypeInfo;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF layout without a server: long invoices, odd text, voided and legacy invoices. */
class InvoicePdfTest {

    @Test
    void moreLinesThanTheInvoiceHoldsGoToAListOfGoodsOnFollowingPages() throws Exception {
        List<InvoiceLineView> lines = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            lines.add(new InvoiceLineView(n, "*办公用品*签字笔 第" + n + "号" + "很长的名称".repeat(n == 7 ? 20 : 0), "0.5mm", "支",
                    new BigDecimal("10"), new BigDecimal("1.5"), new Money("15.00"), new BigDecimal("0.13"), TaxTreatment.TAXABLE,
                    new Money("1.95"), new Money("15.00")));
        }
        byte[] pdf = InvoicePdf.render(invoice(lines, InvoiceStatus.NORMAL, null, "备注\n第二行😀"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1 + 2, document.getNumberOfPages(), "the invoice, then 22 + 8 lines of the list");
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(document);
            assertTrue(first.contains("（详见销货清单）") && !first.contains("第30号"), first);
            assertTrue(first.contains("备注 第二行?"), "a line break prints as a space, a character without glyph as ?: " + first);
            String all = new PDFTextStripper().getText(document);
            assertTrue(all.contains("销售货物或者提供应税劳务、服务清单") && all.contains("共 2 页 第 2 页") && all.contains("第30号"), all);
            assertTrue(all.contains("…"), "a name too long for its column is cut with an ellipsis");
            new PDFRenderer(document).renderImageWithDPI(2, 72); // every page renders
        }
    }

    @Test
    void aVoidedLegacyInvoiceShowsItsCodeCheckCodeAndStamp() throws Exception {
        InvoiceView voided = invoice(List.of(new InvoiceLineView(1, "免税农产品", null, null, null, null, new Money("100.00"),
                BigDecimal.ZERO, TaxTreatment.EXEMPT, new Money("0.00"), new Money("100.00"))), InvoiceStatus.VOIDED, "011001800604", null);
        try (PDDocument document = Loader.loadPDF(InvoicePdf.render(voided))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("发票代码：011001800604") && text.contains("作废") && text.contains("免税") && text.contains("***"), text);
            assertTrue(text.contains("校 验 码：12345678901234567890"), text);
        }
    }

    private static InvoiceView invoice(List<InvoiceLineView> lines, InvoiceStatus status, String code, String remark) {
        BigDecimal amount = lines.stream().map(InvoiceLineView::amount).map(Money::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = lines.stream().map(InvoiceLineView::tax).map(Money::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean legacy = code != null;
        OffsetDateTime now = OffsetDateTime.now();
        return new InvoiceView("1", legacy ? InvoiceGeneration.LEGACY : InvoiceGeneration.DIGITAL, code, legacy ? "12345678" : "26112000000000000042",
                InvoiceTypeInfo.of(legacy ? InvoiceType.ELECTRONIC_ORDINARY : InvoiceType.DIGITAL_SPECIAL), LocalDate.of(2026, 11, 30),
                new PartyView("91110000802100433B", "测试甲公司", null, null), new PartyView("91110000101623741K", "测试乙公司", null, null),
                Money.of(amount), Money.of(tax), Money.of(amount.add(tax)), legacy ? "12345678901234567890" : null, status, Direction.BLUE, null, null, null, Money.of(amount),
                InvoiceSource.ISSUED, null, null, remark, now, now, lines, List.of(), lines.size());
    }
}
