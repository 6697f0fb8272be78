package cn.fapiao.export.format;

import java.io.IOException;

/**
 * Writes a {@link Table} row by row to an output stream, in a fixed amount of memory: rows are
 * written as they come and never kept. Call {@link #row} for each row, {@link #totals} at most
 * once after the last one, then {@link #finish} (which does not close the stream).
 */
public interface TableWriter {

    void row(Object[] cells) throws IOException;

    /** The totals row: labelled in its first TEXT cell, styled apart in spreadsheets. */
    void totals(Object[] cells) throws IOException;

    void finish() throws IOException;

    /** The writer of a format for a table, writing to {@code out}. */
    static TableWriter of(TableFormat format, Table table, java.io.OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvTableWriter(table, out);
            case XLSX -> new XlsxTableWriter(table, out);
        };
    }
}
