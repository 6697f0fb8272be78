package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PartyInput")
@Description("The buyer of an invoice to issue.")
public record PartyInput(
        @Description("Taxpayer ID: a USCC (checksum checked) or a legacy ID. Required for special invoices; optional for a private buyer of an ordinary invoice.") String taxId,
        @NonNull @Description("Name (名称) to print: for a company its full registered name.") String name,
        @Description("Address and phone as to be printed.") String addressPhone,
        @Description("Bank and account as to be printed.") String bankAccount) {
}
