package cn.fapiao.invoice;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.InvoiceType;
import cn.fapiao.domain.TaxTreatment;
import cn.fapiao.invoice.api.InvoiceLineView;
import cn.fapiao.invoice.api.InvoiceView;
import cn.fapiao.invoice.api.PartyView;
import cn.fapiao.invoice.api.StatusChangeView;
import cn.fapiao.reference.api.InvoiceGeneration;
import cn.fapiao.reference.api.InvoiceTypeInfo;
import cn.fapiao.security.crypto.FieldCipher;
import cn.fapiao.security.crypto.SealedText;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one mapping from invoice rows to what the API shows, used by every read. Encrypted party
 * columns are handed on sealed, to be decrypted when read; their associated data binds each
 * cipher text to its column.
 */
@ApplicationScoped
public class InvoiceRows {

    /**
     * The columns {@link #invoice(Row)} reads, for {@code select ... from invoice i}, in this order:
     * the row is read by position (constants below), because looking a column up by name scans the
     * column list and cost 5% of the CPU of a page of 50 invoices in the benchmark.
     */
    public static final String COLUMNS = """
            i.id, i.generation, i.invoice_code, i.invoice_number, i.type_code, i.issue_date,
            i.seller_org_id, i.seller_tax_id, i.seller_name, i.seller_address_phone, i.seller_bank_account,
            i.buyer_org_id, i.buyer_tax_id, i.buyer_name, i.buyer_address_phone, i.buyer_bank_account,
            i.amount, i.tax, i.total, i.check_code, i.status, i.direction, i.original_invoice_id, i.red_reason,
            i.red_confirmation_number, i.remaining_amount, i.source, i.source_system, i.buyer_confirmed_at,
            i.remark, i.created_at, i.updated_at""";
    private static final int ID = 0;
    private static final int GENERATION = 1;
    private static final int INVOICE_CODE = 2;
    private static final int INVOICE_NUMBER = 3;
    private static final int TYPE_CODE = 4;
    private static final int ISSUE_DATE = 5;
    private static final int SELLER_ORG_ID = 6;
    private static final int SELLER_TAX_ID = 7;
    private static final int SELLER_NAME = 8;
    private static final int SELLER_ADDRESS_PHONE = 9;
    private static final int SELLER_BANK_ACCOUNT = 10;
    private static final int BUYER_ORG_ID = 11;
    private static final int BUYER_TAX_ID = 12;
    private static final int BUYER_NAME = 13;
    private static final int BUYER_ADDRESS_PHONE = 14;
    private static final int BUYER_BANK_ACCOUNT = 15;
    private static final int AMOUNT = 16;
    private static final int TAX = 17;
    private static final int TOTAL = 18;
    private static final int CHECK_CODE = 19;
    private static final int STATUS = 20;
    private static final int DIRECTION = 21;
    private static final int ORIGINAL_INVOICE_ID = 22;
    private static final int RED_REASON = 23;
    private static final int RED_CONFIRMATION_NUMBER = 24;
    private static final int REMAINING_AMOUNT = 25;
    private static final int SOURCE = 26;
    private static final int SOURCE_SYSTEM = 27;
    private static final int BUYER_CONFIRMED_AT = 28;
    private static final int REMARK = 29;
    private static final int CREATED_AT = 30;
    private static final int UPDATED_AT = 31;
    /** Where {@link #DETAIL_COLUMNS} start when a query selects them after {@link #COLUMNS}. */
    private static final int DETAILS = 32;

    /**
     * An invoice's lines and status history as two JSON columns, for a row source aliased {@code i}
     * with an {@code id} column; read by {@link #details(Row, int)}. Both in one statement, with the
     * invoice's own columns or for many invoices at once. Numbers travel as text, so no amount
     * passes through a double on the way.
     */
    public static final String DETAIL_COLUMNS = "(select json_agg(" + Json.LINE + " order by l.line_no) from invoice_line l where l.invoice_id = i.id), "
            + "(select json_agg(" + Json.CHANGE + " order by h.changed_at, h.id) from invoice_status_history h where h.invoice_id = i.id)";

    /** One line and one status change as JSON arrays, as {@link #details(Row, int)} reads them. */
    static final class Json {
        /** For a row source aliased {@code l} with the columns of invoice_line. */
        static final String LINE = "json_build_array(l.line_no, l.item_name, l.specification, l.unit, l.quantity::text, l.unit_price::text, "
                + "l.amount::text, l.tax_rate::text, l.tax_treatment, l.tax::text, l.remaining_amount::text)";
        /**
         * For a row source aliased {@code h} with the columns of invoice_status_history. The time as
         * microseconds since the epoch: exact, and a number is cheaper to read back than ISO text
         * (parsing that was 1.5% of a lookup's CPU).
         */
        static final String CHANGE = "json_build_array(h.from_status, h.to_status, (extract(epoch from h.changed_at) * 1000000)::bigint, "
                + "h.changed_by, h.reason)";

        private Json() {
        }
    }

    private final FieldCipher cipher;

    public InvoiceRows(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** A row of {@link #COLUMNS} (any columns after them are not read): lines and history stay null. */
    public StoredInvoice invoice(Row row) {
        return new StoredInvoice(view(row), row.getLong(SELLER_ORG_ID), row.getLong(BUYER_ORG_ID));
    }

    /** A row of {@link #COLUMNS} followed by {@link #DETAIL_COLUMNS}: the invoice with its lines and history. */
    public StoredInvoice invoiceWithDetails(Row row) {
        LinesAndHistory details = details(row, DETAILS);
        return new StoredInvoice(view(row).withDetails(details.lines(), details.history()), row.getLong(SELLER_ORG_ID), row.getLong(BUYER_ORG_ID));
    }

    private InvoiceView view(Row row) {
        Long original = row.getLong(ORIGINAL_INVOICE_ID);
        return new InvoiceView(
                row.getLong(ID).toString(),
                InvoiceGeneration.valueOf(row.getString(GENERATION)),
                row.getString(INVOICE_CODE),
                row.getString(INVOICE_NUMBER),
                InvoiceTypeInfo.of(InvoiceType.fromCode(row.getString(TYPE_CODE)).orElse(InvoiceType.UNKNOWN)),
                row.getLocalDate(ISSUE_DATE),
                new PartyView(row.getString(SELLER_TAX_ID), row.getString(SELLER_NAME),
                        sealed(row, SELLER_ADDRESS_PHONE, "seller_address_phone"), sealed(row, SELLER_BANK_ACCOUNT, "seller_bank_account")),
                new PartyView(row.getString(BUYER_TAX_ID), row.getString(BUYER_NAME),
                        sealed(row, BUYER_ADDRESS_PHONE, "buyer_address_phone"), sealed(row, BUYER_BANK_ACCOUNT, "buyer_bank_account")),
                Money.of(row.getBigDecimal(AMOUNT)),
                Money.of(row.getBigDecimal(TAX)),
                Money.of(row.getBigDecimal(TOTAL)),
                row.getString(CHECK_CODE),
                InvoiceStatus.valueOf(row.getString(STATUS)),
                Direction.valueOf(row.getString(DIRECTION)),
                original == null ? null : original.toString(),
                row.getInteger(RED_REASON),
                row.getString(RED_CONFIRMATION_NUMBER),
                Money.of(row.getBigDecimal(REMAINING_AMOUNT)),
                InvoiceSource.valueOf(row.getString(SOURCE)),
                row.getString(SOURCE_SYSTEM),
                row.getOffsetDateTime(BUYER_CONFIRMED_AT),
                row.getString(REMARK),
                row.getOffsetDateTime(CREATED_AT),
                row.getOffsetDateTime(UPDATED_AT),
                null, null, null); // lines, history and line count: invoiceWithDetails, or InvoiceDetails adds them when selected
    }

    /** The lines and history of {@link #DETAIL_COLUMNS}, starting at column {@code from}. */
    public static LinesAndHistory details(Row row, int from) {
        return new LinesAndHistory(each(row.getJsonArray(from), InvoiceRows::line), each(row.getJsonArray(from + 1), InvoiceRows::statusChange));
    }

    private static InvoiceLineView line(JsonArray line) {
        return new InvoiceLineView(line.getInteger(0), line.getString(1), line.getString(2), line.getString(3),
                strip(decimal(line, 4)), strip(decimal(line, 5)), Money.of(decimal(line, 6)), decimal(line, 7),
                TaxTreatment.valueOf(line.getString(8)), Money.of(decimal(line, 9)), Money.of(decimal(line, 10)));
    }

    private static StatusChangeView statusChange(JsonArray change) {
        String from = change.getString(0);
        // In UTC, as the binary protocol gives every other timestamp.
        long micros = change.getLong(2);
        OffsetDateTime changedAt = OffsetDateTime.ofInstant(
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L), ZoneOffset.UTC);
        return new StatusChangeView(from == null ? null : InvoiceStatus.valueOf(from), InvoiceStatus.valueOf(change.getString(1)),
                changedAt, change.getString(3), change.getString(4));
    }

    private static <T> List<T> each(JsonArray rows, Function<JsonArray, T> mapper) {
        if (rows == null) {
            return List.of(); // json_agg over no rows
        }
        List<T> mapped = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            mapped.add(mapper.apply(rows.getJsonArray(i)));
        }
        return mapped;
    }

    private static BigDecimal decimal(JsonArray values, int position) {
        String text = values.getString(position);
        return text == null ? null : new BigDecimal(text);
    }

    /** Encrypts a party detail for its column ({@code invoice.<column>}). */
    public String seal(String column, String plaintext) {
        return plaintext == null || plaintext.isBlank() ? null : cipher.encrypt(plaintext.strip(), "invoice." + column);
    }

    /** Decrypted only if the field is read (see {@link PartyView}). */
    private SealedText sealed(Row row, int position, String column) {
        return SealedText.of(cipher, row.getString(position), "invoice." + column);
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }
}
