package cn.fapiao.export.format;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * XLSX written while rows come (FastExcel: each flushed row goes straight into the zip stream;
 * Apache POI's SXSSF would first spool the whole sheet to a temporary file, so the client would
 * see nothing until the last row). Text is written inline, never into a shared-strings table that
 * grows with the rows. Each sheet: the title in row 1, the header in row 2, both frozen; typed
 * cells (amounts as numbers with two decimals, dates as dates); the totals row last, in bold. A
 * table longer than a sheet's 1,048,576 rows continues on further sheets, each with its header.
 */
final class XlsxTableWriter implements TableWriter {

    /** Rows Excel can show in one sheet. */
    static final int SHEET_ROWS = 1_048_576;
    /** Rows kept before they are written out: the writer's memory is this many rows, whatever the table's length. */
    private static final int FLUSH_EVERY = 256;
    private static final String AMOUNT_FORMAT = "#,##0.00";
    private static final String RATE_FORMAT = "0.0%";
    private static final String DATE_FORMAT = "yyyy-mm-dd";

    private final Table table;
    private final Workbook workbook;
    private Worksheet sheet;
    private int sheets;
    private int next;

    XlsxTableWriter(Table table, OutputStream out) throws IOException {
        this.table = table;
        this.workbook = new Workbook(out, "fapiao-server", "1.0");
        newSheet();
    }

    private void newSheet() throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheets++;
        sheet = workbook.newWorksheet(sheetName(table.sheetName(), sheets));
        sheet.inlineString(0, 0, SpreadsheetText.neutralise(table.title()));
        sheet.style(0, 0).bold().fontSize(13).set();
        for (int c = 0; c < table.width(); c++) {
            Column column = table.columns().get(c);
            sheet.inlineString(1, c, SpreadsheetText.neutralise(column.header()));
            sheet.style(1, c).bold().fillColor("DDEBF7").set();
            sheet.width(c, width(column));
        }
        sheet.freezePane(0, 2);
        next = 2;
    }

    @Override
    public void row(Object[] cells) throws IOException {
        write(cells, false);
    }

    @Override
    public void totals(Object[] cells) throws IOException {
        write(cells, true);
    }

    private void write(Object[] cells, boolean bold) throws IOException {
        if (next == SHEET_ROWS) {
            newSheet();
        }
        int r = next++;
        for (int c = 0; c < table.width() && c < cells.length; c++) {
            Object value = cells[c];
            if (value == null) {
                continue;
            }
            String format = null;
            switch (table.columns().get(c).type()) {
                case TEXT -> sheet.inlineString(r, c, SpreadsheetText.neutralise(value.toString()));
                case AMOUNT -> {
                    sheet.value(r, c, ColumnType.amount(value).setScale(2, RoundingMode.HALF_UP));
                    format = AMOUNT_FORMAT;
                }
                case DECIMAL, INTEGER -> sheet.value(r, c, (Number) value);
                case RATE -> {
                    sheet.value(r, c, (Number) value);
                    format = RATE_FORMAT;
                }
                case DATE -> {
                    sheet.value(r, c, (LocalDate) value);
                    format = DATE_FORMAT;
                }
            }
            if (format != null || bold) {
                var style = sheet.style(r, c);
                if (format != null) {
                    style = style.format(format);
                }
                if (bold) {
                    style = style.bold();
                }
                style.set();
            }
        }
        if (r % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }

    /** Excel's rules: at most 31 characters, none of {@code []:*?/\}, unique within the workbook. */
    static String sheetName(String name, int number) {
        String suffix = number == 1 ? "" : " (" + number + ")";
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", "_").strip();
        if (clean.isEmpty()) {
            clean = "Sheet";
        }
        int room = 31 - suffix.length();
        return (clean.length() > room ? clean.substring(0, room) : clean) + suffix;
    }

    private static double width(Column column) {
        return switch (column.type()) {
            case TEXT -> Math.max(12, Math.min(40, column.header().length() * 2 + 4));
            case AMOUNT -> 16;
            case DATE -> 12;
            default -> 10;
        };
    }
}
