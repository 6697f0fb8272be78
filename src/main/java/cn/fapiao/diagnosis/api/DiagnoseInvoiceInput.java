package cn.fapiao.diagnosis.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("DiagnoseInvoiceInput")
@Description("Whatever the user has of an invoice they cannot find. Every field is optional and taken as typed (spaces are ignored): the diagnosis explains what is wrong with it, too.")
public record DiagnoseInvoiceInput(
        @Description("Invoice code (legacy invoices).") String code,
        @Description("Invoice number as typed.") String number,
        @Description("Issue date as typed, `YYYY-MM-DD` or `YYYYMMDD`.") String issueDate,
        @Description("An amount from the invoice (excluding or including tax).") String amount,
        @Description("Seller's taxpayer ID.") String sellerTaxId,
        @Description("Seller's name or part of it.") String sellerName) {
}
