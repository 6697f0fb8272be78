package cn.fapiao.export;

import cn.fapiao.export.invoicefile.InvoiceXml;
import cn.fapiao.export.link.DownloadClaims;
import cn.fapiao.export.link.DownloadSigner;
import cn.fapiao.export.link.api.DownloadFormat;
import cn.fapiao.export.link.api.DownloadKind;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Download links and the files behind them, over real HTTP: the invoice register (CSV and XLSX),
 * an invoice as PDF and XML, the monthly trend as SVG; and every way a link can be misused. The
 * test's invoices are dated in 2013, a year no other test uses, so that exact figures hold; each
 * figure is checked against a plain SQL sum over the same rows.
 */
@QuarkusTest
class DownloadsTest {

    static final String ORG_A = "91110000802100433B";
    static final String ORG_B = "91110000101623741K";
    static final String ORG_C = "91310000MA1K3C0T25";
    static final Map<String, Object> JANUARY = period("2013-01-01", "2013-01-31");
    static final Map<String, Long> IDS = new HashMap<>();

    @Inject
    Pool pool;
    @Inject
    DownloadSigner signer;

    @BeforeEach
    void insertInvoicesOnce() {
        synchronized (IDS) {
            if (!IDS.isEmpty()) {
                return;
            }
            // A's register of January: bought on the 1st, voided on the 15th (listed, not counted), a red one on the 20th,
            // sold with two lines with formula-like names on the 31st (the last day counts); outside: 1 February, and B to C.
            long blue = insert("sold", 1, "2013-01-31", ORG_A, ORG_B, "-乙公司, \"引号\"\n第二行", "NORMAL", null,
                    List.of(line("=HYPERLINK(\"http://evil.example\",\"点我\")", "@spec", "100.00", "0.13"), line("+SUM(A1:A2)", null, "200.50", "0.06")));
            insert("voided", 2, "2013-01-15", ORG_A, ORG_B, "测试乙公司 (org B)", "VOIDED", null, List.of(line("作废商品", null, "999.00", "0.13")));
            insert("bought", 3, "2013-01-01", ORG_B, ORG_A, "测试甲公司 (org A)", "NORMAL", null, List.of(line("办公用品", "A4", "50.00", "0.13")));
            insert("february", 4, "2013-02-01", ORG_A, ORG_C, "测试丙公司 (org C)", "NORMAL", null, List.of(line("二月商品", null, "80.00", "0.13")));
            insert("others", 5, "2013-01-10", ORG_B, ORG_C, "测试丙公司 (org C)", "NORMAL", null, List.of(line("别人的商品", null, "7777.00", "0.13")));
            insert("red", 6, "2013-01-20", ORG_A, ORG_B, "测试乙公司 (org B)", "NORMAL", blue, List.of(line("=HYPERLINK red", null, "-100.00", "0.13")));
        }
    }

    // ------------------------------------------------------------------ the register

    @Test
    void registerCsvListsEveryLineOfThePeriodWithTotalsMatchingSql() throws Exception {
        Response response = download(link("a-accountant", register("CSV")).getString("path"), null);
        assertEquals(200, response.statusCode(), response::asString);
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        assertTrue(response.header("Content-Disposition").contains("filename*=UTF-8''"), response.header("Content-Disposition"));
        assertEquals("no-store", response.header("Cache-Control"));
        byte[] file = response.asByteArray();
        assertEquals(0xEF, file[0] & 0xFF, "UTF-8 byte order mark");
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3), StandardCharsets.UTF_8))) {
            records = parser.getRecords();
        }
        List<CSVRecord> lines = records.subList(0, records.size() - 1);
        assertEquals(List.of(number(2), number(6), number(1), number(1), number(3)), lines.stream().map(r -> r.get("发票号码")).toList(),
                "every line of A's January invoices, sold then bought, each in issue order; nothing of February or of other organisations");
        assertEquals(List.of("销项", "销项", "销项", "销项", "进项"), lines.stream().map(r -> r.get("销项/进项")).toList());
        assertEquals("作废", lines.get(0).get("状态"));
        assertEquals("红字", lines.get(1).get("红蓝字"));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"点我\")", lines.get(2).get("项目名称"), "formula neutralised, quotes intact");
        assertEquals("'@spec", lines.get(2).get("规格型号"));
        assertEquals("'+SUM(A1:A2)", lines.get(3).get("项目名称"));
        assertEquals("'-乙公司, \"引号\"\n第二行", lines.get(3).get("购买方名称"), "comma, quotes and a line break in one field");
        assertEquals("-100.00", lines.get(1).get("金额"), "a red line is a negative number, not neutralised text");
        CSVRecord totals = records.get(records.size() - 1);
        assertEquals("合计（不含作废发票）", totals.get("发票代码"));
        BigDecimal[] sql = sqlTotals(ORG_A, "2013-01-01", "2013-01-31");
        assertEquals(sql[0].toPlainString(), totals.get("金额"));
        assertEquals(sql[1].toPlainString(), totals.get("税额"));
    }

    @Test
    void registerXlsxOpensWithTypedCellsTitleFrozenHeaderAndTotals() throws Exception {
        JsonPath link = link("a-auditor", register("XLSX"));
        assertTrue(link.getString("fileName").endsWith(".xlsx"), link.getString("fileName"));
        Response response = download(link.getString("path"), null);
        assertEquals(200, response.statusCode(), response::asString);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            String title = sheet.getRow(0).getCell(0).getStringCellValue();
            assertTrue(title.contains("测试甲公司") && title.contains(ORG_A) && title.contains("2013-01-01") && title.contains("2013-01-31"), title);
            assertEquals("金额", sheet.getRow(1).getCell(17).getStringCellValue());
            assertEquals(2, sheet.getPaneInformation().getHorizontalSplitPosition());
            assertEquals(2 + 5 + 1, sheet.getPhysicalNumberOfRows());
            var firstLine = sheet.getRow(2);
            assertEquals(CellType.NUMERIC, firstLine.getCell(17).getCellType());
            assertEquals(999.00, firstLine.getCell(17).getNumericCellValue(), 1e-9);
            assertEquals("#,##0.00", firstLine.getCell(17).getCellStyle().getDataFormatString());
            assertEquals(-100.00, sheet.getRow(3).getCell(17).getNumericCellValue(), 1e-9);
            assertEquals(CellType.STRING, sheet.getRow(4).getCell(12).getCellType());
            assertEquals("'=HYPERLINK(\"http://evil.example\",\"点我\")", sheet.getRow(4).getCell(12).getStringCellValue());
            var totals = sheet.getRow(7);
            BigDecimal[] sql = sqlTotals(ORG_A, "2013-01-01", "2013-01-31");
            assertEquals(sql[0].doubleValue(), totals.getCell(17).getNumericCellValue(), 1e-9);
            assertEquals(sql[1].doubleValue(), totals.getCell(19).getNumericCellValue(), 1e-9);
        }
    }

    @Test
    void anotherOrganisationsRegisterHoldsNoneOfTheseInvoicesAndOneSideOnly() throws Exception {
        String csv = new String(download(link("c-accountant", register("CSV")).getString("path"), null).asByteArray(), StandardCharsets.UTF_8);
        assertFalse(csv.contains(number(1)) || csv.contains(number(3)), "C sees nothing of A's and B's invoices to each other");
        assertTrue(csv.contains(number(5)), "C sees what B sold to it");
        Map<String, Object> bought = new LinkedHashMap<>(register("CSV"));
        bought.put("side", "BUYER");
        String onlyBought = new String(download(link("a-accountant", bought).getString("path"), null).asByteArray(), StandardCharsets.UTF_8);
        assertTrue(onlyBought.contains(number(3)) && !onlyBought.contains(number(1)), onlyBought);
    }

    @Test
    void registerPagesInIssueOrderWithLines() {
        JsonPath body = GraphQL.postAs(Tokens.of("a-accountant"), "invoiceRegister", "input", JANUARY, "first", 2);
        assertNull(body.get("errors"), body::prettify);
        assertEquals(List.of(number(3), number(2)), body.getList("data.invoiceRegister.edges.node.number"));
        assertEquals("办公用品", body.getString("data.invoiceRegister.edges[0].node.lines[0].itemName"));
        JsonPath next = GraphQL.postAs(Tokens.of("a-accountant"), "invoiceRegister", "input", JANUARY, "first", 2,
                "after", body.getString("data.invoiceRegister.pageInfo.endCursor"));
        assertEquals(List.of(number(6), number(1)), next.getList("data.invoiceRegister.edges.node.number"));
        assertEquals(false, next.get("data.invoiceRegister.pageInfo.hasNextPage"));
    }

    @Test
    void periodsThatEndBeforeTheyStartOrLastTooLongAreRefused() {
        expectValidation(GraphQL.postAs(Tokens.of("a-accountant"), "invoiceRegister", "input", period("2013-02-01", "2013-01-01")),
                "input.to", "INVALID_RANGE");
        expectValidation(GraphQL.postAs(Tokens.of("a-accountant"), "invoiceRegister", "input", period("2012-01-01", "2013-01-01")),
                "input.to", "RANGE_TOO_LONG");
        Map<String, Object> longRegister = new LinkedHashMap<>(register("CSV"));
        longRegister.putAll(period("2000-01-01", "2013-01-31"));
        expectValidation(GraphQL.postAs(Tokens.of("a-accountant"), "createDownloadLink", "input", longRegister), "input.to", "RANGE_TOO_LONG");
        Map<String, Object> longChart = new LinkedHashMap<>(Map.of("kind", "MONTHLY_TREND", "format", "SVG"));
        longChart.putAll(period("2010-01-01", "2013-01-31"));
        expectValidation(GraphQL.postAs(Tokens.of("a-accountant"), "createDownloadLink", "input", longChart), "input.to", "RANGE_TOO_LONG");
        Map<String, Object> pdfRegister = new LinkedHashMap<>(register("PDF"));
        expectValidation(GraphQL.postAs(Tokens.of("a-accountant"), "createDownloadLink", "input", pdfRegister), "input.format", "UNSUPPORTED_FORMAT");
        Map<String, Object> noPeriod = Map.of("kind", "INVOICE_REGISTER", "format", "CSV");
        expectValidation(GraphQL.postAs(Tokens.of("a-accountant"), "createDownloadLink", "input", noPeriod), "input.from", "REQUIRED");
    }

    // ------------------------------------------------------------------ links misused

    @Test
    void anExpiredLinkIsGone() {
        String token = signer.sign(claims(orgId(ORG_A), Instant.now().minusSeconds(1)));
        expectRefusal(download("/downloads/" + token, null), 410, "LINK_EXPIRED");
    }

    @Test
    void aTamperedForgedOrGarbledLinkIsInvalid() {
        String token = signer.sign(claims(orgId(ORG_A), Instant.now().plusSeconds(300)));
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        // The same grant for another organisation, with A's signature: the signature no longer fits.
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        String otherOrg = json.replace("\"org\":" + orgId(ORG_A), "\"org\":" + orgId(ORG_C));
        assertFalse(json.equals(otherOrg));
        String swapped = Base64.getUrlEncoder().withoutPadding().encodeToString(otherOrg.getBytes(StandardCharsets.UTF_8)) + "." + signature;
        // Signed with a key the server does not hold.
        String foreign = new DownloadSigner("other-key-other-key-other-key-other-key".getBytes(StandardCharsets.US_ASCII), java.time.Clock.systemUTC()).sign(claims(orgId(ORG_A), Instant.now().plusSeconds(300)));
        char last = signature.charAt(signature.length() - 2);
        String flipped = payload + "." + signature.substring(0, signature.length() - 2) + (last == 'A' ? 'B' : 'A') + signature.charAt(signature.length() - 1);
        for (String bad : List.of(swapped, foreign, flipped, payload, payload + ".", "." + signature, "not-a-token", token + "." + signature,
                "x".repeat(3000), "%E4%B8%AD.abc")) {
            expectRefusal(download("/downloads/" + bad, null), 404, "LINK_INVALID");
        }
        assertEquals(200, download("/downloads/" + token, null).statusCode(), "the untouched token works");
    }

    @Test
    void aLinkWithABearerTokenOfAnotherOrganisationRevealsNothing() {
        String path = link("a-accountant", register("CSV")).getString("path");
        Response refused = download(path, Tokens.of("c-accountant"));
        expectRefusal(refused, 403, "FORBIDDEN");
        assertFalse(refused.asString().contains(number(1)) || refused.asString().contains("测试甲公司"), refused.asString());
        expectRefusal(download(path, "not.a.jwt"), 401, "UNAUTHENTICATED");
        assertEquals(200, download(path, Tokens.of("a-issuer")).statusCode(), "a token of the same organisation is fine");
    }

    @Test
    void anotherOrganisationsInvoiceGetsNoLinkAndAForgedGrantGetsNoFile() {
        JsonPath body = GraphQL.postAs(Tokens.of("c-accountant"), "createDownloadLink", "input",
                Map.of("kind", "INVOICE", "format", "PDF", "invoiceId", IDS.get("sold").toString()));
        assertEquals("INVOICE_NOT_FOUND", body.get("errors[0].extensions.code"), body::prettify);
        assertEquals("input.invoiceId", body.get("errors[0].extensions.field"));
        // Even a validly signed grant naming C and A's invoice finds nothing: the file checks its organisation again.
        String token = signer.sign(new DownloadClaims(orgId(ORG_C), null, DownloadKind.INVOICE, DownloadFormat.PDF, null, null, null,
                IDS.get("sold"), null, Instant.now().plusSeconds(300)));
        Response refused = download("/downloads/" + token, null);
        expectRefusal(refused, 404, "INVOICE_NOT_FOUND");
        assertFalse(refused.asString().contains(number(1)));
    }

    // ------------------------------------------------------------------ an invoice as a file

    @Test
    void invoicePdfHasTheTitleNumberCapitalsAQrCodeAndAnEmbeddedFontSubset() throws Exception {
        JsonPath link = link("b-accountant", Map.of("kind", "INVOICE", "format", "PDF", "invoiceId", IDS.get("sold").toString()));
        assertEquals("发票_" + number(1) + ".pdf", link.getString("fileName"));
        Response response = download(link.getString("path"), null);
        assertEquals(200, response.statusCode(), response::asString);
        assertEquals("application/pdf", response.contentType());
        byte[] pdf = response.asByteArray();
        assertTrue(pdf.length < 200_000, "a subset of the font, not all 4 MB of it: " + pdf.length);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("电子发票（普通发票）"), text);
            assertTrue(text.contains(number(1)), text);
            assertTrue(text.contains("2013年01月31日"), text);
            assertTrue(text.contains("叁佰贰拾伍元伍角叁分"), "the total 325.53 in capitals: " + text);
            assertTrue(text.contains("纳税人识别号：" + ORG_B) && text.contains("纳税人识别号：" + ORG_A) && text.contains("测试甲公司"),
                    "buyer and seller blocks: " + text);
            PDPage page = document.getPage(0);
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName());
                assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "a subset carries a tag: " + font.getName());
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 200);
            ImageIO.write(image, "png", new java.io.File("target/invoice-preview.png")); // for a human look at the layout
            assertTrue(darkPixels(image, image.getWidth() / 3, 0, image.getWidth() / 3, image.getHeight() / 10) > 200,
                    "the title is drawn, not just text in the file");
            BufferedImage corner = image.getSubimage(0, 0, image.getWidth() / 6, image.getHeight() / 4);
            int[] pixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
            String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(corner.getWidth(), corner.getHeight(), pixels)))).getText();
            assertEquals("01,82,," + number(1) + ",300.50,20130131,,", qr);
        }
    }

    @Test
    void aRedInvoicePdfIsMarkedRed() throws Exception {
        Response response = download(link("a-issuer", Map.of("kind", "INVOICE", "format", "PDF", "invoiceId", IDS.get("red").toString())).getString("path"), null);
        try (PDDocument document = Loader.loadPDF(response.asByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("红字发票"), text);
            assertTrue(text.contains("（负数）"), "the total in capitals says it is negative: " + text);
        }
    }

    @Test
    void invoiceXmlFollowsItsSchema() throws Exception {
        Response response = download(link("a-accountant", Map.of("kind", "INVOICE", "format", "XML", "invoiceId", IDS.get("sold").toString())).getString("path"), null);
        assertEquals(200, response.statusCode(), response::asString);
        byte[] xml = response.asByteArray();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(getClass().getResourceAsStream("/export/invoice-1.xsd")))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertEquals(InvoiceXml.NAMESPACE, document.getDocumentElement().getNamespaceURI());
        assertEquals(number(1), document.getElementsByTagNameNS(InvoiceXml.NAMESPACE, "number").item(0).getTextContent());
        assertEquals(2, document.getElementsByTagNameNS(InvoiceXml.NAMESPACE, "line").getLength());
        assertEquals("=HYPERLINK(\"http://evil.example\",\"点我\")",
                document.getElementsByTagNameNS(InvoiceXml.NAMESPACE, "itemName").item(0).getTextContent(), "XML keeps the text as it is");
        assertEquals("325.53", document.getElementsByTagNameNS(InvoiceXml.NAMESPACE, "total").item(0).getTextContent());
    }

    // ------------------------------------------------------------------ the chart

    @Test
    void trendChartIsAnSvgThatParsesAndRendersWithFiguresMatchingSql() throws Exception {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("kind", "MONTHLY_TREND", "format", "SVG"));
        input.putAll(period("2013-01-01", "2013-03-31"));
        Response response = download(link("a-accountant", input).getString("path"), null);
        assertEquals(200, response.statusCode(), response::asString);
        assertTrue(response.contentType().startsWith("image/svg+xml"), response.contentType());
        byte[] svg = response.asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertEquals("svg", document.getDocumentElement().getLocalName());
        String title = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent();
        assertTrue(title.contains("月度趋势") && title.contains("测试甲公司"), title);
        String desc = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent();
        for (String[] month : List.of(new String[]{"2013-01-01", "2013-01-31"}, new String[]{"2013-02-01", "2013-02-28"})) {
            BigDecimal[] sold = sqlSide(ORG_A, month[0], month[1], true);
            assertTrue(desc.contains(month[0].substring(0, 7) + " 销项 金额 " + sold[0].toPlainString() + " 税额 " + sold[1].toPlainString()), desc);
        }
        BigDecimal[] bought = sqlSide(ORG_A, "2013-01-01", "2013-01-31", false);
        assertTrue(desc.contains("2013-01 进项 金额 " + bought[0].toPlainString()), desc);
        assertFalse(desc.contains("7777"), "other organisations' invoices never count");
        // Rendered by an SVG renderer that has no Chinese font of its own: the labels are outlines of the bundled font.
        PNGTranscoder png = new PNGTranscoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        png.transcode(new TranscoderInput(new ByteArrayInputStream(svg)), new TranscoderOutput(out));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(900, image.getWidth());
        assertTrue(darkPixels(image, 250, 0, 400, 40) > 300, "the Chinese title is drawn");
    }

    @Test
    void theVatSummaryDownloadHasTheFiguresVatSummaryAnswersAndOnlyReportReadersGetALink() throws Exception {
        JsonPath summary = GraphQL.postQueryAs(Tokens.of("a-accountant"),
                "query { vatSummary(year: 2013, month: 1) { outputTax inputTax payable creditCarriedForward } }");
        assertNull(summary.get("errors"), summary::prettify);
        Response response = download(link("a-accountant", Map.of("kind", "VAT_SUMMARY", "format", "CSV", "from", "2013-01-15")).getString("path"), null);
        assertEquals(200, response.statusCode(), response::asString);
        byte[] file = response.asByteArray();
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3), StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser.getRecords()) {
                figures.put(record.get(0), record.get(1));
            }
        }
        assertEquals(0, new java.math.BigDecimal(summary.getString("data.vatSummary.outputTax")).compareTo(new java.math.BigDecimal(figures.get("销项税额 Output tax"))), "outputTax: " + figures);
        assertEquals(0, new java.math.BigDecimal(summary.getString("data.vatSummary.inputTax")).compareTo(new java.math.BigDecimal(figures.get("进项税额 Input tax"))), "inputTax: " + figures);
        assertEquals(0, new java.math.BigDecimal(summary.getString("data.vatSummary.payable")).compareTo(new java.math.BigDecimal(figures.get("应纳税额 VAT payable"))), "payable: " + figures);

        JsonPath issuer = GraphQL.postAs(Tokens.of("a-issuer"), "createDownloadLink", "input", Map.of("kind", "VAT_SUMMARY", "format", "XLSX", "from", "2013-01-15"));
        assertEquals("FORBIDDEN", issuer.get("errors[0].extensions.code"), issuer::prettify);
        JsonPath noMonth = GraphQL.postAs(Tokens.of("a-accountant"), "createDownloadLink", "input", Map.of("kind", "VAT_SUMMARY", "format", "XLSX"));
        expectValidation(noMonth, "input.from", "REQUIRED");
    }

    // ------------------------------------------------------------------ invoice statistics

    @Test
    void statisticsCsvAndXlsxHoldTheRowsAndTotalsInvoiceStatisticsAnswers() throws Exception {
        Map<String, Object> statistics = Map.of("period", Map.of("kind", "MONTH", "year", 2013, "month", 1), "groupBy", List.of("STATUS", "TAX_RATE"));
        JsonPath answer = exact(GraphQL.postAs(Tokens.of("a-accountant"), "invoiceStatistics", "input", statistics));
        assertNull(answer.get("errors"), answer::prettify);
        List<Map<String, Object>> expected = answer.getList("data.invoiceStatistics.rows");
        Map<String, Object> totals = answer.getMap("data.invoiceStatistics.totals");
        assertTrue(expected.size() >= 3, answer::prettify);

        JsonPath csvLink = link("a-accountant", Map.of("kind", "INVOICE_STATISTICS", "format", "CSV", "statistics", statistics));
        assertEquals("invoice-statistics-" + ORG_A + "-2013-01.csv", csvLink.getString("fileName"));
        Response csv = download(csvLink.getString("path"), null);
        assertEquals(200, csv.statusCode(), csv::asString);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<CSVRecord> records = csvRecords(csv.asByteArray());
        assertEquals(expected.size() + 1, records.size(), records::toString);
        for (int k = 0; k < expected.size(); k++) {
            CSVRecord record = records.get(k);
            Map<String, Object> row = expected.get(k);
            assertEquals("分组 Group", record.get(0));
            assertEquals(row.get("status"), record.get("状态 Status"));
            assertSameNumber(row.get("taxRate"), record.get("税率 Tax rate"));
            assertEquals(String.valueOf(row.get("count")), record.get("发票数 Invoices"));
            assertSameAmounts(row, record.get("金额 Amount"), record.get("税额 Tax"), record.get("价税合计 Total"));
        }
        CSVRecord csvTotals = records.get(records.size() - 1);
        assertEquals("合计 Totals", csvTotals.get(0));
        assertEquals(String.valueOf(totals.get("count")), csvTotals.get("发票数 Invoices"));
        assertSameAmounts(totals, csvTotals.get("金额 Amount"), csvTotals.get("税额 Tax"), csvTotals.get("价税合计 Total"));
        // The figures are A's January as plain SQL adds them up: the lines of its invoices, voided ones left out.
        BigDecimal[] sql = sqlTotals(ORG_A, "2013-01-01", "2013-01-31");
        assertEquals(0, sql[0].compareTo(new BigDecimal(csvTotals.get("金额 Amount"))), csvTotals::toString);
        assertEquals(0, sql[1].compareTo(new BigDecimal(csvTotals.get("税额 Tax"))), csvTotals::toString);

        Response xlsx = download(link("a-accountant", Map.of("kind", "INVOICE_STATISTICS", "format", "XLSX", "statistics", statistics)).getString("path"), null);
        assertEquals(200, xlsx.statusCode(), xlsx::asString);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().contains(ORG_A), "title names the organisation");
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().contains("2013-01-01"), "title names the period");
            assertEquals(List.of("分组 Group", "状态 Status", "税率 Tax rate", "发票数 Invoices", "金额 Amount", "税额 Tax", "价税合计 Total"),
                    java.util.stream.IntStream.range(0, 7).mapToObj(c -> sheet.getRow(1).getCell(c).getStringCellValue()).toList());
            assertNotNull(sheet.getPaneInformation(), "header frozen");
            for (int k = 0; k <= expected.size(); k++) {
                org.apache.poi.ss.usermodel.Row cells = sheet.getRow(2 + k);
                Map<String, Object> row = k < expected.size() ? expected.get(k) : totals;
                assertEquals(k < expected.size() ? "分组 Group" : "合计 Totals", cells.getCell(0).getStringCellValue());
                for (int c = 3; c <= 6; c++) {
                    assertEquals(CellType.NUMERIC, cells.getCell(c).getCellType(), "row " + k + " column " + c);
                }
                assertEquals(((Number) row.get("count")).intValue(), (int) cells.getCell(3).getNumericCellValue());
                assertSameAmounts(row, number(cells.getCell(4)), number(cells.getCell(5)), number(cells.getCell(6)));
                if (k < expected.size() && row.get("taxRate") != null) {
                    assertEquals(CellType.NUMERIC, cells.getCell(2).getCellType());
                    assertSameNumber(row.get("taxRate"), number(cells.getCell(2)));
                }
            }
        }
    }

    @Test
    void statisticsOfOneSideWithAFilterAndEveryGroupingMatchTheQuery() throws Exception {
        Map<String, Object> statistics = Map.of("period", Map.of("kind", "RANGE", "from", "2013-01-01", "to", "2013-02-28"),
                "filter", Map.of("role", "SELLER", "status", List.of("NORMAL", "VOIDED"), "buyerNameContains", "乙公司"),
                "groupBy", List.of("MONTH", "BUYER", "DIRECTION", "SOURCE", "ROLE", "TYPE"));
        JsonPath answer = exact(GraphQL.postAs(Tokens.of("a-auditor"), "invoiceStatistics", "input", statistics));
        assertNull(answer.get("errors"), answer::prettify);
        List<Map<String, Object>> expected = answer.getList("data.invoiceStatistics.rows");
        List<CSVRecord> records = csvRecords(download(link("a-auditor",
                Map.of("kind", "INVOICE_STATISTICS", "format", "CSV", "statistics", statistics)).getString("path"), null).asByteArray());
        assertEquals(expected.size() + 1, records.size(), records::toString);
        for (int k = 0; k < expected.size(); k++) {
            Map<String, Object> row = expected.get(k);
            CSVRecord record = records.get(k);
            assertEquals(row.get("month"), record.get("月份 Month"));
            assertEquals(row.get("buyerTaxId"), record.get("购买方税号 Buyer tax ID"));
            assertEquals(row.get("buyerName"), record.get("购买方名称 Buyer name").replaceFirst("^'", ""));
            assertEquals(row.get("direction"), record.get("红蓝字 Direction"));
            assertEquals("SELLER", record.get("销项/进项 Role"));
            assertEquals(String.valueOf(row.get("count")), record.get("发票数 Invoices"));
            assertSameAmounts(row, record.get("金额 Amount"), record.get("税额 Tax"), record.get("价税合计 Total"));
        }
        assertSameAmounts(answer.getMap("data.invoiceStatistics.totals"), records.get(records.size() - 1).get("金额 Amount"),
                records.get(records.size() - 1).get("税额 Tax"), records.get(records.size() - 1).get("价税合计 Total"));
    }

    @Test
    void aStatisticsLinkCannotBeAlteredNorServeAnotherOrganisation() throws Exception {
        Map<String, Object> statistics = Map.of("period", Map.of("kind", "MONTH", "year", 2013, "month", 1), "groupBy", List.of("STATUS"));
        String path = link("a-accountant", Map.of("kind", "INVOICE_STATISTICS", "format", "CSV", "statistics", statistics)).getString("path");
        String token = path.substring("/downloads/".length());
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"groupBy\":[\"STATUS\"]"), json);
        // Another grouping, another period, another organisation, a filter taken out: each with A's signature, none fits.
        for (String altered : List.of(json.replace("[\"STATUS\"]", "[\"BUYER\"]"), json.replace("\"year\":2013", "\"year\":2012"),
                json.replace("\"org\":" + orgId(ORG_A), "\"org\":" + orgId(ORG_C)), json.replace(",\"groupBy\":[\"STATUS\"]", ""))) {
            assertFalse(altered.equals(json), altered);
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8)) + "." + signature;
            expectRefusal(download("/downloads/" + forged, null), 404, "LINK_INVALID");
        }
        // A's link with C's token: refused before anything is read.
        Response refused = download(path, Tokens.of("c-accountant"));
        expectRefusal(refused, 403, "FORBIDDEN");
        assertFalse(refused.asString().contains("Totals"), refused.asString());
        // Even a validly signed grant naming C holds C's figures only: the statistics are C's own, never A's.
        cn.fapiao.report.api.StatisticsInput input = new cn.fapiao.report.api.StatisticsInput(
                new cn.fapiao.report.api.ReportPeriodInput(cn.fapiao.report.api.ReportPeriodKind.MONTH, 2013, 1, null, null, null), null, List.of());
        String cToken = signer.sign(new DownloadClaims(orgId(ORG_C), null, DownloadKind.INVOICE_STATISTICS, DownloadFormat.CSV, null, null, null,
                null, input, Instant.now().plusSeconds(300)));
        List<CSVRecord> cRecords = csvRecords(download("/downloads/" + cToken, null).asByteArray());
        JsonPath cAnswer = exact(GraphQL.postAs(Tokens.of("c-accountant"), "invoiceStatistics", "input",
                Map.of("period", Map.of("kind", "MONTH", "year", 2013, "month", 1))));
        assertEquals(1, cRecords.size(), cRecords::toString);
        assertSameAmounts(cAnswer.getMap("data.invoiceStatistics.totals"), cRecords.get(0).get("金额 Amount"), cRecords.get(0).get("税额 Tax"),
                cRecords.get(0).get("价税合计 Total"));
        assertEquals(0, new BigDecimal("7777.00").compareTo(new BigDecimal(cRecords.get(0).get("金额 Amount"))), "C's only January invoice, bought from B");
    }

    @Test
    void statisticsLinksAreForReportReadersAndRefuseWhatInvoiceStatisticsRefuses() {
        Map<String, Object> january = Map.of("period", Map.of("kind", "MONTH", "year", 2013, "month", 1));
        JsonPath issuer = GraphQL.postAs(Tokens.of("a-issuer"), "createDownloadLink", "input",
                Map.of("kind", "INVOICE_STATISTICS", "format", "CSV", "statistics", january));
        assertEquals("FORBIDDEN", issuer.get("errors[0].extensions.code"), issuer::prettify);
        expectValidation(GraphQL.postAs(Tokens.of("a-accountant"), "createDownloadLink", "input", Map.of("kind", "INVOICE_STATISTICS", "format", "CSV")),
                "input.statistics", "REQUIRED");
        expectValidation(GraphQL.postAs(Tokens.of("a-accountant"), "createDownloadLink", "input", Map.of("kind", "INVOICE_STATISTICS", "format", "CSV",
                "statistics", Map.of("period", Map.of("kind", "RANGE", "from", "2013-02-01", "to", "2013-01-01")))), "input.statistics.period.to", "INVALID_RANGE");
        expectValidation(GraphQL.postAs(Tokens.of("a-accountant"), "createDownloadLink", "input", Map.of("kind", "INVOICE_STATISTICS", "format", "CSV",
                "statistics", Map.of("period", Map.of("kind", "MONTH", "year", 2013, "month", 1), "groupBy", List.of("STATUS", "STATUS")))),
                "input.statistics.groupBy[1]", "DUPLICATE");
        expectValidation(GraphQL.postAs(Tokens.of("a-accountant"), "createDownloadLink", "input", Map.of("kind", "INVOICE_STATISTICS", "format", "PDF",
                "statistics", january)), "input.format", "UNSUPPORTED_FORMAT");
        JsonPath unknown = GraphQL.postAs(Tokens.of("a-accountant"), "createDownloadLink", "input", Map.of("kind", "INVOICE_STATISTICS", "format", "CSV",
                "statistics", Map.of("period", Map.of("kind", "MONTH", "year", 2013, "month", 1), "groupBy", List.of("COLOUR"))));
        assertEquals("GRAPHQL_VALIDATION_FAILED", unknown.get("errors[0].extensions.code"), unknown::prettify);
        assertEquals("input.statistics.groupBy[0]", unknown.get("errors[0].extensions.field"), unknown::prettify);
    }

    private static List<CSVRecord> csvRecords(byte[] file) throws java.io.IOException {
        assertEquals(0xEF, file[0] & 0xFF, "UTF-8 byte order mark");
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3), StandardCharsets.UTF_8))) {
            return parser.getRecords();
        }
    }

    /** Amount, tax and total of a row as the API answered them (a JSON number or a decimal string) against a file's. */
    private static void assertSameAmounts(Map<String, Object> row, String amount, String tax, String total) {
        assertEquals(0, new BigDecimal(String.valueOf(row.get("amount"))).compareTo(new BigDecimal(amount)), row + " amount " + amount);
        assertEquals(0, new BigDecimal(String.valueOf(row.get("tax"))).compareTo(new BigDecimal(tax)), row + " tax " + tax);
        assertEquals(0, new BigDecimal(String.valueOf(row.get("total"))).compareTo(new BigDecimal(total)), row + " total " + total);
    }

    private static void assertSameNumber(Object answered, String file) {
        if (answered == null) {
            assertEquals("", file == null ? "" : file);
        } else {
            assertEquals(0, new BigDecimal(String.valueOf(answered)).compareTo(new BigDecimal(file)), answered + " vs " + file);
        }
    }

    /** A numeric cell as the decimal it shows, to the cent. */
    private static String number(org.apache.poi.ss.usermodel.Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static JsonPath exact(JsonPath answer) {
        return answer.using(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    // ------------------------------------------------------------------ helpers

    private JsonPath link(String user, Map<String, Object> input) {
        JsonPath body = GraphQL.postAs(Tokens.of(user), "createDownloadLink", "input", input);
        assertNull(body.get("errors"), body::prettify);
        JsonPath link = body.setRootPath("data.createDownloadLink");
        assertTrue(link.getString("url").endsWith(link.getString("path")), link.getString("url"));
        assertTrue(Instant.parse(link.getString("expiresAt")).isBefore(Instant.now().plusSeconds(301)));
        return link;
    }

    private static Response download(String path, String bearer) {
        var request = given().urlEncodingEnabled(false);
        if (bearer != null) {
            request = request.header("Authorization", "Bearer " + bearer);
        }
        return request.get(path);
    }

    private static void expectRefusal(Response response, int status, String code) {
        assertEquals(status, response.statusCode(), response::asString);
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        assertEquals(code, response.jsonPath().getString("error.code"), response::asString);
        assertNotNull(response.jsonPath().getString("error.message"));
    }

    private static void expectValidation(JsonPath body, String field, String problem) {
        assertEquals("VALIDATION_FAILED", body.get("errors[0].extensions.code"), body::prettify);
        assertEquals(field, body.get("errors[0].extensions.field"), body::prettify);
        assertEquals(problem, body.get("errors[0].extensions.problems[0].code"), body::prettify);
    }

    private static Map<String, Object> register(String format) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("kind", "INVOICE_REGISTER", "format", format));
        input.putAll(JANUARY);
        return input;
    }

    private static Map<String, Object> period(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    private DownloadClaims claims(long organisationId, Instant expiresAt) {
        return new DownloadClaims(organisationId, null, DownloadKind.INVOICE_REGISTER, DownloadFormat.CSV,
                LocalDate.of(2013, 1, 1), LocalDate.of(2013, 1, 31), null, null, null, expiresAt);
    }

    static String number(int k) {
        return String.format("261398880000000%05d", k);
    }

    private long orgId(String uscc) {
        return pool.preparedQuery("select id from organisation where uscc = $1").execute(Tuple.of(uscc)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    /** Amount and tax of the organisation's lines in the period, voided invoices left out: the plain SQL the register must match. */
    private BigDecimal[] sqlTotals(String uscc, String from, String to) {
        Row row = pool.preparedQuery("""
                        select coalesce(sum(l.amount), 0), coalesce(sum(l.tax), 0) from invoice i join invoice_line l on l.invoice_id = i.id
                        where (i.seller_org_id = $1 or i.buyer_org_id = $1) and i.issue_date between $2 and $3 and i.status <> 'VOIDED'""")
                .execute(Tuple.of(orgId(uscc), LocalDate.parse(from), LocalDate.parse(to))).await().indefinitely().iterator().next();
        return new BigDecimal[]{row.getBigDecimal(0).setScale(2), row.getBigDecimal(1).setScale(2)};
    }

    private BigDecimal[] sqlSide(String uscc, String from, String to, boolean sold) {
        Row row = pool.preparedQuery("select coalesce(sum(amount), 0), coalesce(sum(tax), 0) from invoice where "
                        + (sold ? "seller_org_id = $1" : "buyer_org_id = $1 and seller_org_id <> $1")
                        + " and issue_date between $2 and $3 and status <> 'VOIDED'")
                .execute(Tuple.of(orgId(uscc), LocalDate.parse(from), LocalDate.parse(to))).await().indefinitely().iterator().next();
        return new BigDecimal[]{row.getBigDecimal(0).setScale(2), row.getBigDecimal(1).setScale(2)};
    }

    private static int darkPixels(BufferedImage image, int x, int y, int width, int height) {
        int dark = 0;
        for (int i = x; i < Math.min(image.getWidth(), x + width); i++) {
            for (int j = y; j < Math.min(image.getHeight(), y + height); j++) {
                int rgb = image.getRGB(i, j);
                int alpha = rgb >>> 24;
                int luminance = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                if (alpha > 128 && luminance < 160) {
                    dark++;
                }
            }
        }
        return dark;
    }

    record Line(String item, String spec, BigDecimal amount, BigDecimal rate) {
        BigDecimal tax() {
            return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        }
    }

    static Line line(String item, String spec, String amount, String rate) {
        return new Line(item, spec, new BigDecimal(amount), new BigDecimal(rate));
    }

    private long insert(String key, int k, String date, String seller, String buyer, String buyerName, String status, Long original, List<Line> lines) {
        BigDecimal amount = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = lines.stream().map(Line::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean red = original != null;
        long id = pool.preparedQuery("""
                        insert into invoice (organisation_id, generation, invoice_number, type_code, issue_date, seller_org_id, seller_tax_id,
                            seller_name, buyer_org_id, buyer_tax_id, buyer_name, amount, tax, total, status, direction, original_invoice_id,
                            red_reason, remaining_amount, source)
                        select s.id, 'DIGITAL', $1, '82', $2, s.id, s.uscc, s.name, b.id, b.uscc, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'ISSUED'
                        from organisation s, organisation b where s.uscc = $3 and b.uscc = $13 returning id""")
                .execute(Tuple.tuple().addValue(number(k)).addValue(LocalDate.parse(date)).addValue(seller).addValue(buyerName)
                        .addValue(amount).addValue(tax).addValue(amount.add(tax)).addValue(status).addValue(red ? "RED" : "BLUE")
                        .addValue(original).addValue(red ? Short.valueOf((short) 1) : null).addValue(red ? BigDecimal.ZERO : amount).addValue(buyer))
                .await().indefinitely().iterator().next().getLong(0);
        List<Tuple> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            Line l = lines.get(n);
            rows.add(Tuple.tuple().addValue(id).addValue((short) (n + 1)).addValue(l.item()).addValue(l.spec()).addValue(l.amount())
                    .addValue(l.rate()).addValue(l.tax()).addValue(red ? BigDecimal.ZERO : l.amount()));
        }
        pool.preparedQuery("insert into invoice_line (invoice_id, line_no, item_name, specification, amount, tax_rate, tax, remaining_amount) "
                + "values ($1, $2, $3, $4, $5, $6, $7, $8)").executeBatch(rows).await().indefinitely();
        IDS.put(key, id);
        return id;
    }
}
