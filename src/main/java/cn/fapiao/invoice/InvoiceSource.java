package cn.fapiao.invoice;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an invoice record came from.")
public enum InvoiceSource {
    @Description("Issued through this system.")
    ISSUED,
    @Description("Imported by a partner integration (importInvoices).")
    IMPORTED,
    @Description("Synchronised from the tax authority's platform.")
    SYNCHRONISED
}
