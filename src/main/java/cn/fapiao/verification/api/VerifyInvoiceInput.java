package cn.fapiao.verification.api;

import cn.fapiao.common.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Input("VerifyInvoiceInput")
@Description("What the national platform asks for: the number, the issue date, the code for legacy invoices, and one extra field that depends on the type: `amountExcludingTax` for special invoices (01, 08, 03), `checkCodeLast6` for ordinary ones (04, 10, 11, 14), `totalIncludingTax` for fully digital invoices (and 02, 15).")
public record VerifyInvoiceInput(
        @Description("Invoice code (legacy invoices only).") String code,
        @NonNull @Description("Invoice number: 20 digits (digital) or 8 digits (legacy, with code).") String number,
        @NonNull @Description("Issue date (开票日期).") LocalDate issueDate,
        @Description("Amount excluding tax, for special invoices.") Money amountExcludingTax,
        @Description("Last 6 digits of the check code (校验码后六位), for ordinary invoices.") String checkCodeLast6,
        @Description("Total including tax (价税合计), for fully digital invoices.") Money totalIncludingTax) {
}
