package cn.fapiao.export.format;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as spreadsheet programs read it (RFC 4180, CRLF, fields quoted when needed): UTF-8 with a
 * byte order mark, without which Excel shows Chinese text as mojibake. The header row comes first
 * (machines read it as column names; the file name carries the period and organisation), the
 * totals row last. Amounts always have two decimals.
 */
final class CsvTableWriter implements TableWriter {

    private final Table table;
    private final BufferedWriter text;
    private final CSVPrinter printer;

    CsvTableWriter(Table table, OutputStream out) throws IOException {
        this.table = table;
        this.text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192);
        text.write('\uFEFF');
        this.printer = new CSVPrinter(text, CSVFormat.EXCEL.builder().get());
        printer.printRecord(table.columns().stream().map(c -> SpreadsheetText.neutralise(c.header())).toList());
    }

    @Override
    public void row(Object[] cells) throws IOException {
        List<String> values = new ArrayList<>(cells.length);
        for (int i = 0; i < table.width(); i++) {
            values.add(cell(table.columns().get(i).type(), i < cells.length ? cells[i] : null));
        }
        printer.printRecord(values);
        // Hand the row's bytes on: the caller streams them to the client as they come.
        text.flush();
    }

    @Override
    public void totals(Object[] cells) throws IOException {
        row(cells);
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }

    static String cell(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> SpreadsheetText.neutralise(value.toString());
            case AMOUNT -> ColumnType.amount(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
            case DECIMAL, RATE -> ((BigDecimal) value).stripTrailingZeros().toPlainString();
            case INTEGER -> value.toString();
            case DATE -> ((LocalDate) value).toString();
        };
    }
}
