package cn.fapiao.export.format;

import java.util.List;

/**
 * What a file writer needs to know before the first row: the title (the report, its period and
 * organisation; a title row in spreadsheets), a short sheet name, and the columns. Rows are
 * {@code Object[]} in column order: {@code String} for TEXT, {@code BigDecimal} for AMOUNT,
 * DECIMAL and RATE, {@code Integer}/{@code Long} for INTEGER, {@code LocalDate} for DATE; null for
 * an empty cell.
 */
public record Table(String title, String sheetName, List<Column> columns) {

    public Table {
        columns = List.copyOf(columns);
    }

    public int width() {
        return columns.size();
    }
}
