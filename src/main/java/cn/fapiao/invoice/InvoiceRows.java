package cn.fapiao.invoice;

import cn.fapiao.domain.ChineseAmount;
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

    /** The columns {@link #invoice(Row)} reads, for {@code select ... from invoice i}. */
    public static final String COLUMNS = """
            i.id, i.generation, i.invoice_code, i.invoice_number, i.type_code, i.issue_date,
            i.seller_org_id, i.seller_tax_id, i.seller_name, i.seller_address_phone, i.seller_bank_account,
            i.buyer_org_id, i.buyer_tax_id, i.buyer_name, i.buyer_address_phone, i.buyer_bank_account,
            i.amount, i.tax, i.total, i.check_code, i.status, i.direction, i.original_invoice_id, i.red_reason,
            i.red_confirmation_number, i.remaining_amount, i.source, i.source_system, i.buyer_confirmed_at,
            i.remark, i.created_at, i.updated_at""";

    public static final String LINE_COLUMNS = """
            l.invoice_id, l.line_no, l.item_name, l.specification, l.unit, l.quantity, l.unit_price, l.amount,
            l.tax_rate, l.tax_treatment, l.tax, l.remaining_amount""";

    private final FieldCipher cipher;

    public InvoiceRows(FieldCipher cipher) {
        this.cipher = cipher;
    }

    public StoredInvoice invoice(Row row) {
        Long original = row.getLong("original_invoice_id");
        InvoiceView view = new InvoiceView(
                row.getLong("id").toString(),
                InvoiceGeneration.valueOf(row.getString("generation")),
                row.getString("invoice_code"),
                row.getString("invoice_number"),
                InvoiceTypeInfo.of(InvoiceType.fromCode(row.getString("type_code")).orElse(InvoiceType.UNKNOWN)),
                row.getLocalDate("issue_date"),
                new PartyView(row.getString("seller_tax_id"), row.getString("seller_name"),
                        reveal(row, "seller_address_phone"), reveal(row, "seller_bank_account")),
                new PartyView(row.getString("buyer_tax_id"), row.getString("buyer_name"),
                        reveal(row, "buyer_address_phone"), reveal(row, "buyer_bank_account")),
                row.getBigDecimal("amount"),
                row.getBigDecimal("tax"),
                row.getBigDecimal("total"),
                ChineseAmount.inWords(row.getBigDecimal("total")),
                row.getString("check_code"),
                InvoiceStatus.valueOf(row.getString("status")),
                Direction.valueOf(row.getString("direction")),
                original == null ? null : original.toString(),
                row.getInteger("red_reason"),
                row.getString("red_confirmation_number"),
                row.getBigDecimal("remaining_amount"),
                InvoiceSource.valueOf(row.getString("source")),
                row.getString("source_system"),
                row.getOffsetDateTime("buyer_confirmed_at"),
                row.getString("remark"),
                row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
        return new StoredInvoice(view, row.getLong("seller_org_id"), row.getLong("buyer_org_id"));
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

    private String reveal(Row row, String column) {
        String stored = row.getString(column);
        return stored == null ? null : cipher.decrypt(stored, "invoice." + column);
    }

    private static java.math.BigDecimal strip(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }
}
