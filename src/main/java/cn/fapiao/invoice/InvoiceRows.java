package cn.fapiao.invoice;

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
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one mapping from invoice rows to what the API shows, used by every read. Encrypted party
 * columns are decrypted here; their associated data binds each cipher text to its column.
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

    public static final String LINE_COLUMNS = """
            l.invoice_id, l.line_no, l.item_name, l.specification, l.unit, l.quantity, l.unit_price, l.amount,
            l.tax_rate, l.tax_treatment, l.tax, l.remaining_amount""";

    private final FieldCipher cipher;

    public InvoiceRows(FieldCipher cipher) {
        this.cipher = cipher;
    }

    public StoredInvoice invoice(Row row) {
        Long original = row.getLong(ORIGINAL_INVOICE_ID);
        InvoiceView view = new InvoiceView(
                row.getLong(ID).toString(),
                InvoiceGeneration.valueOf(row.getString(GENERATION)),
                row.getString(INVOICE_CODE),
                row.getString(INVOICE_NUMBER),
                InvoiceTypeInfo.of(InvoiceType.fromCode(row.getString(TYPE_CODE)).orElse(InvoiceType.UNKNOWN)),
                row.getLocalDate(ISSUE_DATE),
                new PartyView(row.getString(SELLER_TAX_ID), row.getString(SELLER_NAME),
                        reveal(row, SELLER_ADDRESS_PHONE, "seller_address_phone"), reveal(row, SELLER_BANK_ACCOUNT, "seller_bank_account")),
                new PartyView(row.getString(BUYER_TAX_ID), row.getString(BUYER_NAME),
                        reveal(row, BUYER_ADDRESS_PHONE, "buyer_address_phone"), reveal(row, BUYER_BANK_ACCOUNT, "buyer_bank_account")),
                row.getBigDecimal(AMOUNT),
                row.getBigDecimal(TAX),
                row.getBigDecimal(TOTAL),
                row.getString(CHECK_CODE),
                InvoiceStatus.valueOf(row.getString(STATUS)),
                Direction.valueOf(row.getString(DIRECTION)),
                original == null ? null : original.toString(),
                row.getInteger(RED_REASON),
                row.getString(RED_CONFIRMATION_NUMBER),
                row.getBigDecimal(REMAINING_AMOUNT),
                InvoiceSource.valueOf(row.getString(SOURCE)),
                row.getString(SOURCE_SYSTEM),
                row.getOffsetDateTime(BUYER_CONFIRMED_AT),
                row.getString(REMARK),
                row.getOffsetDateTime(CREATED_AT),
                row.getOffsetDateTime(UPDATED_AT),
                null, null); // lines and history: InvoiceDetails, when selected
        return new StoredInvoice(view, row.getLong(SELLER_ORG_ID), row.getLong(BUYER_ORG_ID));
    }

    public static InvoiceLineView line(Row row) {
        return new InvoiceLineView(row.getInteger("line_no"), row.getString("item_name"), row.getString("specification"),
                row.getString("unit"), strip(row.getBigDecimal("quantity")), strip(row.getBigDecimal("unit_price")),
                row.getBigDecimal("amount"), row.getBigDecimal("tax_rate"), TaxTreatment.valueOf(row.getString("tax_treatment")),
                row.getBigDecimal("tax"), row.getBigDecimal("remaining_amount"));
    }

    public static StatusChangeView statusChange(Row row) {
        String from = row.getString("from_status");
        return new StatusChangeView(from == null ? null : InvoiceStatus.valueOf(from), InvoiceStatus.valueOf(row.getString("to_status")),
                row.getOffsetDateTime("changed_at"), row.getString("changed_by"), row.getString("reason"));
    }

    /** Encrypts a party detail for its column ({@code invoice.<column>}). */
    public String seal(String column, String plaintext) {
        return plaintext == null || plaintext.isBlank() ? null : cipher.encrypt(plaintext.strip(), "invoice." + column);
    }

    private String reveal(Row row, int position, String column) {
        String stored = row.getString(position);
        return stored == null ? null : cipher.decrypt(stored, "invoice." + column);
    }

    private static java.math.BigDecimal strip(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }
}
