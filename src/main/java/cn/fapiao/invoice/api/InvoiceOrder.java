package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;

/** The orders of the invoice list; each ends with the invoice id so that the order is total (keyset pagination). */
@Description("Order of the invoice list. Ties are broken by invoice id in the same direction. Cursors belong to one order.")
public enum InvoiceOrder {
    @Description("Newest issue date first (default).")
    ISSUE_DATE_DESC,
    @Description("Oldest issue date first.")
    ISSUE_DATE_ASC,
    @Description("Largest total (including tax) first; red invoices (negative) last.")
    TOTAL_DESC,
    @Description("Smallest total (including tax) first.")
    TOTAL_ASC
}
