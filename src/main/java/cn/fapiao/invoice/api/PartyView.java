package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Party")
@Description("Seller or buyer of an invoice.")
public record PartyView(
        @Description("Taxpayer ID (USCC or legacy); may be absent for a private buyer.") String taxId,
        @NonNull String name,
        @Description("Address and phone as printed (stored encrypted).") String addressPhone,
        @Description("Bank and account as printed (stored encrypted).") String bankAccount) {
}
