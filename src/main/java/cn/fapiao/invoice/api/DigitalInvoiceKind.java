package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;

@Description("Which fully digital invoice to issue.")
public enum DigitalInvoiceKind {
    @Description("电子发票（增值税专用发票）, type 81: the buyer can deduct input tax; buyer tax ID required.")
    SPECIAL,
    @Description("电子发票（普通发票）, type 82.")
    ORDINARY
}
