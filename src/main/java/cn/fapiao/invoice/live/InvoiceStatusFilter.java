package cn.fapiao.invoice.live;

import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.invoice.api.InvoiceFilter;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

// The status list's items are not declared non-null: SmallRye GraphQL would then make the list
// itself required (see InvoiceFilter). Null items are refused by InputGuard.
@Input("InvoiceStatusFilter")
@Description("Which status changes a subscription receives. Absent fields do not filter: with no filter at all, every change of every invoice the caller's organisation issued or received. Name one invoice by `invoiceId`, or by `number` (and `code` for a legacy invoice).")
public record InvoiceStatusFilter(
        @Id @Description("Only this invoice.") String invoiceId,
        @Description("Invoice code of the one invoice, legacy invoices only (with `number`).") String code,
        @Description("Number of the one invoice: 20 digits (digital) or 8 digits (legacy, with `code`).") String number,
        @Description("Only changes into one of these statuses.") List<InvoiceStatus> status,
        @Description("Only invoices the caller's organisation sold (SELLER) or bought (BUYER); both when absent.") InvoiceFilter.Role role) {
}
