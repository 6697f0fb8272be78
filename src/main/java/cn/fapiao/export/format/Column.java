package cn.fapiao.export.format;

import java.util.Objects;

/** One column of an exported table: its header and what it holds. */
public record Column(String header, ColumnType type) {

    public Column {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
    }

    public static Column text(String header) {
        return new Column(header, ColumnType.TEXT);
    }

    public static Column amount(String header) {
        return new Column(header, ColumnType.AMOUNT);
    }
}
