package cn.fapiao.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** One line of an invoice, written with it. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id", nullable = false)
    public Long invoiceId;

    @Column(name = "line_no", nullable = false)
    public short lineNo;

    @Column(name = "item_name", nullable = false)
    public String itemName;

    public String specification;

    public String unit;

    public BigDecimal quantity;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "tax_rate", nullable = false)
    public BigDecimal taxRate;

    @Column(name = "tax_treatment", nullable = false)
    public String taxTreatment;

    @Column(nullable = false)
    public BigDecimal tax;

    @Column(name = "remaining_amount", nullable = false)
    public BigDecimal remainingAmount;

    @Column(name = "original_line_id")
    public Long originalLineId;
}
