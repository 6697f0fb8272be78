package cn.fapiao.invoice;

import cn.fapiao.security.Caller;

import java.util.List;

/**
 * The records stored under one invoice identity. Usually one; more when organisations each
 * imported their own record of the same invoice (imports write the importer's books only, see
 * {@link ImportBatch}). Ordered by authority: issued here first, then synchronised from the tax
 * platform, then imported, oldest first.
 */
public record RecordsOfNumber(List<StoredInvoice> records) {

    static final RecordsOfNumber NONE = new RecordsOfNumber(List.of());

    /** The record the caller's organisation may see (its own first), or null. */
    public StoredInvoice visibleTo(Caller caller) {
        for (StoredInvoice record : records) {
            if (record.visibleTo(caller)) {
                return record;
            }
        }
        return null;
    }

    /** The caller's record when it has one, else the one that speaks for the invoice (diagnosis explains either). */
    public StoredInvoice visibleToOrElseAuthoritative(Caller caller) {
        StoredInvoice own = visibleTo(caller);
        return own != null ? own : authoritative();
    }

    /** The record that speaks for the invoice where no organisation is asking (verification), or null. */
    public StoredInvoice authoritative() {
        return records.isEmpty() ? null : records.get(0);
    }
}
