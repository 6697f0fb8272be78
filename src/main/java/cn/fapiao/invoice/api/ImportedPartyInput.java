package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ImportedPartyInput")
@Description("The seller or buyer of an imported invoice.")
public record ImportedPartyInput(
        @Description("Taxpayer ID: a USCC (checksum checked) or an older 15/17/20-character ID. Required for the seller; optional for a private buyer.") String taxId,
        @Description("Required. Name, at most 200 characters.") String name,
        @Description("Address and phone as printed, at most 200 characters (stored encrypted).") String addressPhone,
        @Description("Bank and account as printed, at most 200 characters (stored encrypted).") String bankAccount) {
}
