package cn.fapiao.invoice;

import cn.fapiao.invoice.api.InvoiceView;
import cn.fapiao.security.Caller;

/** An invoice as read, with the organisations that may see it (seller's and buyer's). */
public record StoredInvoice(InvoiceView view, Long sellerOrganisationId, Long buyerOrganisationId) {

    public boolean visibleTo(Caller caller) {
        Long organisation = caller.organisationId();
        return organisation != null && (organisation.equals(sellerOrganisationId) || organisation.equals(buyerOrganisationId));
    }

    public boolean issuedBy(Caller caller) {
        return caller.organisationId() != null && caller.organisationId().equals(sellerOrganisationId);
    }
}
