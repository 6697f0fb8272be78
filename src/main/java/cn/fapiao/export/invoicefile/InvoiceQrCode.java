package cn.fapiao.export.invoicefile;

import cn.fapiao.invoice.api.InvoiceView;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The QR code printed on an invoice, as the national format lays it out: comma-separated
 * {@code 01,<type code>,<invoice code or empty>,<number>,<amount excluding tax>,<issue date
 * yyyyMMdd>,<last 6 digits of the check code or empty>,}. A phone scanning it can verify the
 * invoice with exactly these fields.
 */
public final class InvoiceQrCode {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private InvoiceQrCode() {
    }

    public static String content(InvoiceView invoice) {
        String check = invoice.checkCode() == null ? "" : invoice.checkCode().substring(Math.max(0, invoice.checkCode().length() - 6));
        return "01," + invoice.type().code() + "," + (invoice.code() == null ? "" : invoice.code()) + "," + invoice.number() + ","
                + invoice.amount().stringValueForSerialization() + "," + invoice.issueDate().format(DATE) + "," + check + ",";
    }

    /** The modules of the code (dark = true), with a one-module quiet zone. */
    public static BitMatrix matrix(String content) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code content too long: " + content.length(), e);
        }
    }
}
