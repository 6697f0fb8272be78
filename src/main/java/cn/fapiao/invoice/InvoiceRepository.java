package cn.fapiao.invoice;

import cn.fapiao.domain.InvoiceStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Life-cycle updates of invoice rows with their history (Hibernate Reactive; callers open the transaction). */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepository<Invoice> {

    /** Locks the invoice row: voids, reversals and status changes of one invoice happen one at a time. */
    public Uni<Invoice> lock(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Sets the status and records the change in the invoice's history, in the caller's transaction. */
    public Uni<Void> changeStatus(Invoice invoice, InvoiceStatus to, String by, String reason) {
        InvoiceStatus from = invoice.status;
        invoice.status = to;
        invoice.updatedAt = java.time.OffsetDateTime.now();
        return record(InvoiceStatusHistory.of(invoice.id, from, to, by, reason));
    }

    private Uni<Void> record(InvoiceStatusHistory change) {
        return getSession().chain(session -> session.persist(change));
    }
}
