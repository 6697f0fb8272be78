package cn.fapiao.export.link.api;

import org.eclipse.microprofile.graphql.Description;

@Description("The file format of a download.")
public enum DownloadFormat {
    @Description("Comma-separated values: UTF-8 with a byte order mark.")
    CSV,
    @Description("Excel workbook with typed cells.")
    XLSX,
    @Description("PDF with an embedded Chinese font.")
    PDF,
    @Description("XML in the documented invoice schema (docs/invoice-xml.md).")
    XML,
    @Description("SVG image.")
    SVG
}
