package cn.fapiao.export.invoicefile;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.TaxTreatment;
import cn.fapiao.export.format.ChineseFont;
import cn.fapiao.invoice.api.InvoiceLineView;
import cn.fapiao.invoice.api.InvoiceView;
import cn.fapiao.invoice.api.PartyView;
import com.google.zxing.common.BitMatrix;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An invoice as a PDF laid out like the national electronic invoice: the title by type, the QR
 * code, number and date at the top; buyer and seller blocks; the lines; totals in figures and in
 * capitals; the remark. Red invoices carry a red 红字 mark, voided ones a 作废 stamp. Up to
 * {@link #LINES_ON_INVOICE} lines are printed on the invoice; more go to a list of goods (销货清单)
 * on following pages, as the national rules have it. The bundled Chinese font is embedded as a
 * subset of the glyphs used (a one-page invoice is about 30 KB).
 */
public final class InvoicePdf {

    static final int LINES_ON_INVOICE = 8;
    private static final int LINES_PER_LIST_PAGE = 22;
    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = new PDRectangle(210 * MM, 140 * MM);
    private static final float W = PAGE.getWidth();
    private static final float H = PAGE.getHeight();
    private static final float LEFT = 20;
    private static final float RIGHT = W - 20;
    private static final Color FRAME = new Color(0x9C, 0x4A, 0x2E);
    private static final Color RED = new Color(0xD0, 0x10, 0x10);
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    /** Column edges of the lines table, and where each column's text goes. */
    private static final float[] EDGES = {LEFT, 190, 262, 300, 345, 400, 470, 515, RIGHT};
    private static final String[] HEADERS = {"项目名称", "规格型号", "单位", "数量", "单价", "金额", "税率/征收率", "税额"};

    private final PDDocument document;
    private final PDType0Font font;
    private final TrueTypeFont ttf;
    private PDPageContentStream page;

    private InvoicePdf(PDDocument document, TrueTypeFont ttf) throws IOException {
        this.document = document;
        this.ttf = ttf;
        this.font = PDType0Font.load(document, ttf, true);
    }

    public static byte[] render(InvoiceView invoice) {
        try (PDDocument document = new PDDocument();
             TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(ChineseFont.bytes()))) {
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            TrueTypeFont ttf = first[0];
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(invoice.type().chineseName() + " " + invoice.number());
            info.setCreator("fapiao-server");
            new InvoicePdf(document, ttf).draw(invoice);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw(InvoiceView invoice) throws IOException {
        List<InvoiceLineView> lines = invoice.lines() == null ? List.of() : invoice.lines();
        boolean listed = lines.size() > LINES_ON_INVOICE;
        newPage();
        header(invoice);
        float top = 92;
        top = parties(invoice, top);
        top = linesTable(invoice, listed ? List.of() : lines, listed, top);
        top = totalInWords(invoice, top);
        remark(invoice, top);
        page.close();
        if (listed) {
            listOfGoods(invoice, lines);
        }
    }

    private void newPage() throws IOException {
        PDPage pdPage = new PDPage(PAGE);
        document.addPage(pdPage);
        page = new PDPageContentStream(document, pdPage);
    }

    private void header(InvoiceView invoice) throws IOException {
        String title = invoice.type().chineseName();
        float titleSize = 18;
        centred(title, titleSize, W / 2, 32, FRAME);
        float titleWidth = width(title, titleSize);
        line(W / 2 - titleWidth / 2, 38, W / 2 + titleWidth / 2, 38, FRAME, 0.8f);
        line(W / 2 - titleWidth / 2, 40.5f, W / 2 + titleWidth / 2, 40.5f, FRAME, 0.8f);
        qr(InvoiceQrCode.content(invoice), LEFT, 12, 62);
        float y = 24;
        if (invoice.code() != null) {
            labelled("发票代码：", invoice.code(), 410, y);
            y += 13;
        }
        labelled("发票号码：", invoice.number(), 410, y);
        labelled("开票日期：", invoice.issueDate().format(CHINESE_DATE), 410, y + 13);
        if (invoice.checkCode() != null) {
            labelled("校 验 码：", invoice.checkCode(), 410, y + 26);
        }
        if (invoice.direction() == Direction.RED) {
            // The red mark: a red invoice must never pass for a blue one.
            box(95, 16, 60, 22, RED, 1.2f);
            text("红字发票", 11, 103, 31, RED);
            text("销项负数", 8, 160, 31, RED);
        }
        if (invoice.status() == InvoiceStatus.VOIDED) {
            box(95, 44, 46, 24, RED, 1.5f);
            text("作废", 16, 102, 62, RED);
        }
    }

    private float parties(InvoiceView invoice, float top) throws IOException {
        float height = 62;
        box(LEFT, top, RIGHT - LEFT, height, FRAME, 0.8f);
        float middle = W / 2;
        line(middle, top, middle, top + height, FRAME, 0.8f);
        line(LEFT + 16, top, LEFT + 16, top + height, FRAME, 0.8f);
        line(middle + 16, top, middle + 16, top + height, FRAME, 0.8f);
        vertical("购买方信息", LEFT + 4, top + 8, FRAME);
        vertical("销售方信息", middle + 4, top + 8, FRAME);
        party(invoice.buyer(), LEFT + 20, top, middle - LEFT - 24);
        party(invoice.seller(), middle + 20, top, RIGHT - middle - 24);
        return top + height;
    }

    private void party(PartyView party, float x, float top, float room) throws IOException {
        labelledFit("名称：", party.getName(), x, top + 14, room);
        labelledFit("统一社会信用代码/纳税人识别号：", party.getTaxId() == null ? "" : party.getTaxId(), x, top + 28, room);
        if (party.getAddressPhone() != null) {
            labelledFit("地址、电话：", party.getAddressPhone(), x, top + 42, room);
        }
        if (party.getBankAccount() != null) {
            labelledFit("开户行及账号：", party.getBankAccount(), x, top + 56, room);
        }
    }

    private float linesTable(InvoiceView invoice, List<InvoiceLineView> lines, boolean listed, float top) throws IOException {
        float rowHeight = 13;
        float height = rowHeight * (LINES_ON_INVOICE + 2) + 4;
        box(LEFT, top, RIGHT - LEFT, height, FRAME, 0.8f);
        for (int c = 0; c < HEADERS.length; c++) {
            centred(HEADERS[c], 8, (EDGES[c] + EDGES[c + 1]) / 2, top + 10, FRAME);
        }
        float y = top + 10 + rowHeight;
        if (listed) {
            text("（详见销货清单）", 8, EDGES[0] + 3, y, Color.BLACK);
        }
        for (InvoiceLineView line : lines) {
            lineRow(line, y, 8);
            y += rowHeight;
        }
        float totals = top + height - 5;
        text("合", 9, LEFT + 20, totals, FRAME);
        text("计", 9, LEFT + 60, totals, FRAME);
        right("¥" + money(invoice.amount()), 8, EDGES[6] - 3, totals);
        right("¥" + money(invoice.tax()), 8, EDGES[8] - 3, totals);
        return top + height;
    }

    private void lineRow(InvoiceLineView line, float y, float size) throws IOException {
        text(fit(line.itemName(), size, EDGES[1] - EDGES[0] - 6), size, EDGES[0] + 3, y, Color.BLACK);
        text(fit(orEmpty(line.specification()), size, EDGES[2] - EDGES[1] - 6), size, EDGES[1] + 3, y, Color.BLACK);
        text(fit(orEmpty(line.unit()), size, EDGES[3] - EDGES[2] - 6), size, EDGES[2] + 3, y, Color.BLACK);
        right(fit(plain(line.quantity()), size, EDGES[4] - EDGES[3] - 6), size, EDGES[4] - 3, y);
        right(fit(plain(line.unitPrice()), size, EDGES[5] - EDGES[4] - 6), size, EDGES[5] - 3, y);
        right(money(line.amount()), size, EDGES[6] - 3, y);
        right(rate(line), size, EDGES[7] - 3, y);
        right(line.taxTreatment() == TaxTreatment.TAXABLE ? money(line.tax()) : "***", size, EDGES[8] - 3, y);
    }

    private float totalInWords(InvoiceView invoice, float top) throws IOException {
        float height = 20;
        box(LEFT, top, RIGHT - LEFT, height, FRAME, 0.8f);
        text("价税合计（大写）", 9, LEFT + 4, top + 13, FRAME);
        text(invoice.getTotalInWords(), 10, LEFT + 100, top + 13, Color.BLACK);
        text("（小写）", 9, 400, top + 13, FRAME);
        text("¥" + money(invoice.total()), 10, 440, top + 13, Color.BLACK);
        return top + height;
    }

    private void remark(InvoiceView invoice, float top) throws IOException {
        float height = 36;
        box(LEFT, top, RIGHT - LEFT, height, FRAME, 0.8f);
        line(LEFT + 16, top, LEFT + 16, top + height, FRAME, 0.8f);
        vertical("备注", LEFT + 4, top + 10, FRAME);
        String remark = orEmpty(invoice.remark()).replaceAll("\\s+", " ");
        if (invoice.direction() == Direction.RED && invoice.originalInvoiceId() != null) {
            remark = ("被红冲蓝字发票 ID：" + invoice.originalInvoiceId() + " " + remark).strip();
        }
        float room = RIGHT - LEFT - 26;
        String first = fit(remark, 8, room);
        text(first, 8, LEFT + 20, top + 12, Color.BLACK);
        if (first.length() < remark.length() && first.endsWith("…")) {
            String rest = remark.substring(first.length() - 1);
            text(fit(rest, 8, room), 8, LEFT + 20, top + 24, Color.BLACK);
        }
    }

    private void listOfGoods(InvoiceView invoice, List<InvoiceLineView> lines) throws IOException {
        int pages = (lines.size() + LINES_PER_LIST_PAGE - 1) / LINES_PER_LIST_PAGE;
        for (int p = 0; p < pages; p++) {
            newPage();
            centred("销售货物或者提供应税劳务、服务清单", 14, W / 2, 28, FRAME);
            text("发票号码：" + invoice.number() + "    开票日期：" + invoice.issueDate().format(CHINESE_DATE)
                    + "    共 " + pages + " 页 第 " + (p + 1) + " 页", 8, LEFT, 46, Color.BLACK);
            text(fit("销售方：" + invoice.seller().getName() + "    购买方：" + invoice.buyer().getName(), 8, RIGHT - LEFT), 8, LEFT, 58, Color.BLACK);
            float top = 64;
            box(LEFT, top, RIGHT - LEFT, 14 + 13 * LINES_PER_LIST_PAGE + 4, FRAME, 0.8f);
            for (int c = 0; c < HEADERS.length; c++) {
                centred(HEADERS[c], 8, (EDGES[c] + EDGES[c + 1]) / 2, top + 10, FRAME);
            }
            float y = top + 23;
            for (int i = p * LINES_PER_LIST_PAGE; i < Math.min(lines.size(), (p + 1) * LINES_PER_LIST_PAGE); i++) {
                lineRow(lines.get(i), y, 7.5f);
                y += 13;
            }
            if (p == pages - 1) {
                float y2 = top + 14 + 13 * LINES_PER_LIST_PAGE + 16;
                text("合计", 9, LEFT + 4, y2, FRAME);
                right("¥" + money(invoice.amount()), 8, EDGES[6] - 3, y2);
                right("¥" + money(invoice.tax()), 8, EDGES[8] - 3, y2);
            }
            page.close();
        }
    }

    // ------------------------------------------------------------------ drawing (y measured from the top)

    private void qr(String content, float x, float top, float size) throws IOException {
        BitMatrix matrix = InvoiceQrCode.matrix(content);
        float module = size / matrix.getWidth();
        page.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    page.addRect(x + col * module, H - top - (row + 1) * module, module, module);
                }
            }
        }
        page.fill();
    }

    private void labelled(String label, String value, float x, float baseline) throws IOException {
        text(label, 9, x, baseline, FRAME);
        text(value, 9, x + width(label, 9), baseline, Color.BLACK);
    }

    private void labelledFit(String label, String value, float x, float baseline, float room) throws IOException {
        float size = 8;
        text(label, size, x, baseline, FRAME);
        float used = width(label, size);
        text(fit(value, size, room - used), size, x + used, baseline, Color.BLACK);
    }

    private void vertical(String text, float x, float top, Color colour) throws IOException {
        float y = top;
        for (int i = 0; i < text.length(); i++) {
            text(String.valueOf(text.charAt(i)), 8, x, y + 8, colour);
            y += 10;
        }
    }

    private void centred(String text, float size, float centre, float baseline, Color colour) throws IOException {
        String safe = printable(text);
        text(safe, size, centre - width(safe, size) / 2, baseline, colour);
    }

    private void right(String text, float size, float rightEdge, float baseline) throws IOException {
        String safe = printable(text);
        text(safe, size, rightEdge - width(safe, size), baseline, Color.BLACK);
    }

    private void text(String text, float size, float x, float baseline, Color colour) throws IOException {
        String safe = printable(text);
        if (safe.isEmpty()) {
            return;
        }
        page.beginText();
        page.setFont(font, size);
        page.setNonStrokingColor(colour);
        page.newLineAtOffset(x, H - baseline);
        page.showText(safe);
        page.endText();
    }

    private void box(float x, float top, float width, float height, Color colour, float stroke) throws IOException {
        page.setStrokingColor(colour);
        page.setLineWidth(stroke);
        page.addRect(x, H - top - height, width, height);
        page.stroke();
    }

    private void line(float x1, float top1, float x2, float top2, Color colour, float stroke) throws IOException {
        page.setStrokingColor(colour);
        page.setLineWidth(stroke);
        page.moveTo(x1, H - top1);
        page.lineTo(x2, H - top2);
        page.stroke();
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(printable(text)) / 1000 * size;
    }

    /** The text cut to {@code room} points, ending in … when cut. */
    private String fit(String text, float size, float room) throws IOException {
        String safe = printable(text);
        if (width(safe, size) <= room) {
            return safe;
        }
        int end = safe.length();
        while (end > 0 && width(safe.substring(0, end) + "…", size) > room) {
            end = safe.offsetByCodePoints(end, -1);
        }
        return safe.substring(0, end) + "…";
    }

    /**
     * Text the embedded font can show: line breaks and tabs become spaces, and a character the font
     * has no glyph for (a rare ideograph, an emoji) becomes a question mark instead of failing the PDF.
     */
    private String printable(String text) throws IOException {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        var cmap = ttf.getUnicodeCmapLookup();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (cmap.getGlyphId(cp) > 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static String money(Money value) {
        return money(value.value());
    }

    private static String money(BigDecimal value) {
        return value == null ? "" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String rate(InvoiceLineView line) {
        return switch (line.taxTreatment()) {
            case EXEMPT -> "免税";
            case NOT_TAXABLE -> "不征税";
            case TAXABLE -> plain(line.taxRate().movePointRight(2)) + "%";
        };
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
