package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.time.LocalDate;
import java.util.List;

/** Fields a row cannot do without are still nullable, so that one incomplete row is REJECTED instead of failing the whole batch. */
@Input("ImportedInvoiceInput")
@Description("One invoice as another system holds it. The importing organisation must be its seller or buyer. Amounts are decimal strings such as `100.00` (at most 2 decimals). Fields marked required are reported per row (outcome REJECTED) when missing.")
public record ImportedInvoiceInput(
        @Description("Invoice code (10 or 12 digits): legacy invoices only; absent for fully digital invoices.") String code,
        @Description("Required. 8 digits with a code (legacy), 20 digits without (fully digital).") String number,
        @Description("Two-digit type code (e.g. 01, 04, 10, 81, 82). Required for fully digital invoices (81 or 82); for legacy invoices derived from the code when omitted and, when given, it must agree with the code.") String typeCode,
        @Description("Required. Issue date (Asia/Shanghai), not in the future.") LocalDate issueDate,
        @Description("Required. The seller.") ImportedPartyInput seller,
        @Description("Required. The buyer (its taxId may be omitted for a private person).") ImportedPartyInput buyer,
        @Description("Required. Amount excluding tax.") Money amount,
        @Description("Required. Tax.") Money tax,
        @Description("Required. Total including tax; must equal amount + tax.") Money total,
        @Description("BLUE (default) or RED. Negative amounts are allowed only on RED invoices, which also need originalNumber (+ originalCode) and redReason.") Direction direction,
        @Description("Check code (校验码), 20 digits: required for ordinary legacy types 04, 10, 11, 14; absent for special and fully digital invoices.") String checkCode,
        @Description("Status in the sending system; NORMAL when omitted.") InvoiceStatus status,
        @Description("RED invoices: code of the blue invoice reversed (legacy only).") String originalCode,
        @Description("RED invoices: number of the blue invoice reversed; it must already be stored or be a BLUE invoice of this batch, and the importing organisation must be party to it.") String originalNumber,
        @Description("RED invoices: 1 issued in error, 2 goods returned, 3 service stopped, 4 sales discount.") Integer redReason,
        @Description("Optional lines; when given, their amounts and taxes must add up to amount and tax (±0.01), each tax within ±0.06 of amount × rate.") List<ImportedLineInput> lines,
        @Description("Remark (备注), at most 500 characters.") String remark) {
}
