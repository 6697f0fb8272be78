package cn.fapiao.invoice;

import cn.fapiao.domain.Direction;
import cn.fapiao.domain.Generation;
import cn.fapiao.domain.InvoiceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An invoice row as the life-cycle changes that suit an ORM update it (void, confirmation of use,
 * tax status), with the version check. Inserts of invoices go through {@link InvoiceInserts} (issue,
 * reversal and import), reads through {@link InvoiceQueries}; this entity never leaves the service
 * layer. Party address/phone and bank account hold cipher text (see {@link InvoiceRows#seal}).
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organisation_id", nullable = false)
    public Long organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Generation generation;

    @Column(name = "invoice_code")
    public String code;

    @Column(name = "invoice_number", nullable = false)
    public String number;

    @Column(name = "type_code", nullable = false)
    public String typeCode;

    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;

    @Column(name = "seller_org_id")
    public Long sellerOrgId;
    @Column(name = "seller_tax_id", nullable = false)
    public String sellerTaxId;
    @Column(name = "seller_name", nullable = false)
    public String sellerName;
    @Column(name = "seller_address_phone")
    public String sellerAddressPhone;
    @Column(name = "seller_bank_account")
    public String sellerBankAccount;

    @Column(name = "buyer_org_id")
    public Long buyerOrgId;
    @Column(name = "buyer_tax_id")
    public String buyerTaxId;
    @Column(name = "buyer_name", nullable = false)
    public String buyerName;
    @Column(name = "buyer_address_phone")
    public String buyerAddressPhone;
    @Column(name = "buyer_bank_account")
    public String buyerBankAccount;

    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false)
    public BigDecimal tax;
    @Column(nullable = false)
    public BigDecimal total;

    @Column(name = "check_code")
    public String checkCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "original_invoice_id")
    public Long originalInvoiceId;

    @Column(name = "red_reason")
    public Integer redReason;

    @Column(name = "red_confirmation_number")
    public String redConfirmationNumber;

    @Column(name = "remaining_amount", nullable = false)
    public BigDecimal remainingAmount;

    @Column(name = "remaining_tax", nullable = false)
    public BigDecimal remainingTax;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceSource source;

    @Column(name = "source_system")
    public String sourceSystem;

    @Column(name = "buyer_confirmed_at")
    public OffsetDateTime buyerConfirmedAt;

    public String remark;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
