package cn.fapiao.invoice;

import cn.fapiao.domain.InvoiceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One recorded status change of an invoice: who, when, from what to what, and why. */
@Entity
@Table(name = "invoice_status_history")
public class InvoiceStatusHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id", nullable = false)
    public Long invoiceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public InvoiceStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public InvoiceStatus toStatus;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    public String reason;

    public static InvoiceStatusHistory of(Long invoiceId, InvoiceStatus from, InvoiceStatus to, String by, String reason) {
        InvoiceStatusHistory change = new InvoiceStatusHistory();
        change.invoiceId = invoiceId;
        change.fromStatus = from;
        change.toStatus = to;
        change.changedAt = OffsetDateTime.now();
        change.changedBy = by;
        change.reason = reason;
        return change;
    }
}
