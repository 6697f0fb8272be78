package cn.fapiao.export.format;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generic table writers, read back as spreadsheet programs read them (Commons CSV, Apache POI). */
class TableWritersTest {

    static final Table TABLE = new Table("清单 测试甲公司 2013-01", "清单 2013-01", List.of(
            Column.text("名称"), Column.amount("金额"), new Column("税率", ColumnType.RATE), new Column("日期", ColumnType.DATE),
            new Column("数量", ColumnType.DECIMAL), new Column("行号", ColumnType.INTEGER)));
    /** Text a spreadsheet program would run as a formula, and text that breaks naive CSV. */
    static final String[] ODD = {"=HYPERLINK(\"http://evil.example\",\"点我\")", "+SUM(1,2)", "-2+3", "@cmd", "\tTAB", "逗号, \"引号\"\n第二行", "普通名称"};

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"=1+1|'=1+1", "+1|'+1", "-1|'-1", "@a|'@a", "a=b|a=b", "|", "正常|正常"})
    void formulasAreNeutralised(String text, String expected) {
        assertEquals(expected == null ? text : expected, SpreadsheetText.neutralise(text));
    }

    @Test
    void amountCellsTakeTheMoneyOfApiAnswersAsTheyTakeDecimals() {
        // A report's figures come as the API's Money (VatSummary); the files show the same amounts.
        assertEquals("1409.50", CsvTableWriter.cell(ColumnType.AMOUNT, new cn.fapiao.common.Money("1409.5")));
        assertEquals("-300.00", CsvTableWriter.cell(ColumnType.AMOUNT, new cn.fapiao.common.Money("-300")));
        assertEquals("1409.50", CsvTableWriter.cell(ColumnType.AMOUNT, new BigDecimal("1409.5")));
    }

    @Test
    void csvParsesBackWithBomQuotesNewlinesAndNumbers() throws Exception {
        byte[] file = write(TableFormat.CSV);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(file, 3), "UTF-8 byte order mark first");
        // As a spreadsheet program opens it: the BOM marks the encoding, then RFC 4180.
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3), StandardCharsets.UTF_8))) {
            assertEquals(List.of("名称", "金额", "税率", "日期", "数量", "行号"), parser.getHeaderNames());
            List<CSVRecord> records = parser.getRecords();
            assertEquals(ODD.length + 1, records.size());
            for (int i = 0; i < ODD.length; i++) {
                String name = records.get(i).get("名称");
                assertEquals(SpreadsheetText.neutralise(ODD[i]), name, "row " + i);
                assertTrue(!name.startsWith("=") && !name.startsWith("+") && !name.startsWith("-") && !name.startsWith("@"), name);
                assertEquals(new BigDecimal(i + ".50").negate().toPlainString(), records.get(i).get("金额"));
                assertEquals("2013-01-31", records.get(i).get("日期"));
            }
            assertEquals("逗号, \"引号\"\n第二行", records.get(5).get("名称"), "quotes and line breaks survive inside one field");
            CSVRecord totals = records.get(ODD.length);
            assertEquals("合计", totals.get("名称"));
            assertEquals("-24.50", totals.get("金额"));
        }
    }

    @Test
    void xlsxHasTitleHeaderFrozenPanesTypedCellsAndTotals() throws Exception {
        byte[] file = write(TableFormat.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("清单 2013-01", sheet.getSheetName());
            assertEquals("清单 测试甲公司 2013-01", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("金额", sheet.getRow(1).getCell(1).getStringCellValue());
            assertNotNull(sheet.getPaneInformation(), "panes are frozen");
            assertEquals(2, sheet.getPaneInformation().getHorizontalSplitPosition(), "title and header stay visible");
            for (int i = 0; i < ODD.length; i++) {
                Cell name = sheet.getRow(2 + i).getCell(0);
                assertEquals(CellType.STRING, name.getCellType(), "text is never a formula");
                assertEquals(SpreadsheetText.neutralise(ODD[i]), name.getStringCellValue());
                Cell amount = sheet.getRow(2 + i).getCell(1);
                assertEquals(CellType.NUMERIC, amount.getCellType());
                assertEquals(-(i + 0.5), amount.getNumericCellValue(), 1e-9);
                assertEquals("#,##0.00", amount.getCellStyle().getDataFormatString());
                assertEquals(0.13, sheet.getRow(2 + i).getCell(2).getNumericCellValue(), 1e-9);
                assertEquals(LocalDate.of(2013, 1, 31), sheet.getRow(2 + i).getCell(3).getLocalDateTimeCellValue().toLocalDate());
            }
            var totals = sheet.getRow(2 + ODD.length);
            assertEquals("合计", totals.getCell(0).getStringCellValue());
            assertEquals(-24.5, totals.getCell(1).getNumericCellValue(), 1e-9);
            assertTrue(workbook.getFontAt(totals.getCell(1).getCellStyle().getFontIndex()).getBold(), "totals row in bold");
        }
    }

    @Test
    void sheetNamesFollowExcelRules() {
        assertEquals("a_b_c_d_e_f_g", XlsxTableWriter.sheetName("a[b]c:d*e?f/g", 1));
        assertEquals(31, XlsxTableWriter.sheetName("x".repeat(50), 1).length());
        assertEquals("x".repeat(27) + " (2)", XlsxTableWriter.sheetName("x".repeat(50), 2));
    }

    private static byte[] write(TableFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter writer = TableWriter.of(format, TABLE, out);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < ODD.length; i++) {
            BigDecimal amount = new BigDecimal(i + ".50").negate();
            sum = sum.add(amount);
            writer.row(new Object[]{ODD[i], amount, new BigDecimal("0.13"), LocalDate.of(2013, 1, 31), new BigDecimal("1.5"), i + 1});
        }
        writer.totals(new Object[]{"合计", sum, null, null, null, null});
        writer.finish();
        return out.toByteArray();
    }
}
