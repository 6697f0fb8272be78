package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.invoice.InvoiceSource;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;

import java.time.LocalDate;
import java.util.List;

// The lists' items are not declared non-null: SmallRye GraphQL would then make the whole list
// argument required (a record component's type-use annotation reaches the list itself). Null
// items are refused by InvoiceSearch instead.
@Input("InvoiceFilter")
@Description("Narrows the invoice list. Every condition given must hold; a list condition matches any of its values. Absent fields and empty lists do not filter.")
public record InvoiceFilter(
        @Description("Only invoices in one of these statuses.") List<InvoiceStatus> status,
        @Description("Only invoices of these two-digit type codes, e.g. `01`, `82`.") List<String> type,
        @Description("Only blue or only red (reversing) invoices.") Direction direction,
        @Description("Issued on or after this date (Asia/Shanghai).") LocalDate issueDateFrom,
        @Description("Issued on or before this date (Asia/Shanghai).") LocalDate issueDateTo,
        @Description("Seller's tax ID, exactly.") String sellerTaxId,
        @Description("Buyer's tax ID, exactly.") String buyerTaxId,
        @Description("Seller's name contains this text (case-insensitive).") String sellerNameContains,
        @Description("Buyer's name contains this text (case-insensitive).") String buyerNameContains,
        @Description("Total including tax at least this amount, e.g. `\"1000\"` or `\"-50.50\"` (red invoices are negative).") Money amountMin,
        @Description("Total including tax at most this amount.") Money amountMax,
        @Description("Only invoices from one of these sources.") List<InvoiceSource> source,
        @Description("Only invoices the caller's organisation sold (SELLER) or bought (BUYER); both when absent.") Role role) {

    /** The part the caller's organisation plays on an invoice. */
    @Name("InvoicePartyRole")
    @Description("The part the caller's organisation plays on an invoice.")
    public enum Role {
        @Description("The caller's organisation issued the invoice.")
        SELLER,
        @Description("The caller's organisation received the invoice.")
        BUYER
    }
}
