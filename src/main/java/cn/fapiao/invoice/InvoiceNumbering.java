package cn.fapiao.invoice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * How this system numbers the digital invoices it issues, in one place for both writers (issuing
 * and red reversal): YY + the issuer's province + channel, then a gap-free 15-digit sequence per
 * prefix. The sequence comes from {@code invoice_number_counter} inside the writing transaction;
 * its row stays locked until the commit, so a write that rolls back takes no number.
 */
final class InvoiceNumbering {

    /** Issuance channel digit of numbers issued by this system (digit 5 of the 20-digit number). */
    static final String CHANNEL = "2";
    private static final int SEQUENCE_DIGITS = 15;
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yy");

    private InvoiceNumbering() {
    }

    /** The first five digits of a 20-digit number. */
    static String prefix(LocalDate issueDate, String sellerRegionCode) {
        return issueDate.format(YEAR) + sellerRegionCode.substring(0, 2) + CHANNEL;
    }

    static String number(String prefix, long sequence) {
        return prefix + String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
    }

    /** SQL taking the prefix's next sequence value; the prefix is the given parameter ({@code $1}, {@code :prefix}). */
    static String nextSequenceSql(String prefixParameter) {
        return """
                insert into invoice_number_counter (prefix, last_value) values (%s, 1)
                on conflict (prefix) do update set last_value = invoice_number_counter.last_value + 1
                returning last_value""".formatted(prefixParameter);
    }

    /** SQL of {@link #number} for a prefix parameter and a sequence expression. */
    static String numberSql(String prefixParameter, String sequence) {
        return prefixParameter + " || lpad(" + sequence + "::text, " + SEQUENCE_DIGITS + ", '0')";
    }
}
