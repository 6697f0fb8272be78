package cn.fapiao.export.stream;

import cn.fapiao.export.format.Table;
import cn.fapiao.export.format.TableFormat;
import cn.fapiao.export.format.TableWriter;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A table already in memory (a report's few hundred rows: statistics, a VAT summary) as a CSV or
 * XLSX download, written by the same writers as the streamed register. Rows from a query that can
 * be long go through {@link QueryToTable} instead.
 */
public final class TableDownload {

    private TableDownload() {
    }

    /** Writes {@code rows} and {@code totals} (null for none) as {@code table} in {@code format}, and ends the response. */
    public static void send(HttpServerResponse response, TableFormat format, Table table, String fileName, List<Object[]> rows, Object[] totals) {
        ChunkedBody body = new ChunkedBody();
        try {
            TableWriter writer = TableWriter.of(format, table, body);
            for (Object[] row : rows) {
                writer.row(row);
            }
            if (totals != null) {
                writer.totals(totals);
            }
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DownloadResponse.fileHeaders(response, format.mediaType(), fileName).end(body.take());
    }
}
