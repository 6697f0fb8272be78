package cn.fapiao.invoice;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

/** Writes of invoices, their lines and history (Hibernate Reactive; callers open the transaction). */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepository<Invoice> {

    /** Locks the invoice row: voids, reversals and status changes of one invoice happen one at a time. */
    public Uni<Invoice> lock(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Invoice> findByIdempotencyKey(long organisationId, String key) {
        return find("organisationId = ?1 and idempotencyKey = ?2", organisationId, key).firstResult();
    }

    public Uni<List<InvoiceLine>> lines(long invoiceId) {
        return getSession().chain(session -> session
                .createSelectionQuery("from InvoiceLine where invoiceId = :id order by lineNo", InvoiceLine.class)
                .setParameter("id", invoiceId).getResultList());
    }

    public Uni<Void> persistLines(List<InvoiceLine> lines) {
        return getSession().chain(session -> session.persistAll(lines.toArray()));
    }

    /** Sets the status and records the change in the invoice's history, in the caller's transaction. */
    public Uni<Void> changeStatus(Invoice invoice, String to, String by, String reason) {
        String from = invoice.status;
        invoice.status = to;
        invoice.updatedAt = java.time.OffsetDateTime.now();
        return record(InvoiceStatusHistory.of(invoice.id, from, to, by, reason));
    }

    public Uni<Void> record(InvoiceStatusHistory change) {
        return getSession().chain(session -> session.persist(change));
    }

    /**
     * The next number of a prefix, gap-free: the counter row is incremented in the caller's
     * transaction, so concurrent issuers wait on its lock and a rollback returns the number.
     */
    public Uni<Long> nextSequence(String prefix) {
        return getSession().chain(session -> session.createNativeQuery(InvoiceNumbering.nextSequenceSql(":prefix"), Long.class)
                .setParameter("prefix", prefix)
                .getSingleResult());
    }
}
