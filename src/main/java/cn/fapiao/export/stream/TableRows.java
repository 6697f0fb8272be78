package cn.fapiao.export.stream;

import io.vertx.sqlclient.Row;

/**
 * Turns the rows of a query into the cells of a table, one row at a time, and (when asked after
 * the last row) the totals row it kept count of. An instance serves one download.
 */
public interface TableRows {

    Object[] cells(Row row);

    /** The totals row, or null for a table without one. */
    Object[] totals();
}
