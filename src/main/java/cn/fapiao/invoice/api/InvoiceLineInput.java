package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import cn.fapiao.domain.TaxTreatment;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("InvoiceLineInput")
@Description("One line to invoice. Amounts are decimal strings such as `100.00` (at most 2 decimals).")
public record InvoiceLineInput(
        @NonNull @Description("Item name, ideally with its tax classification, e.g. `*信息技术服务*软件开发`.") String itemName,
        @Description("Specification or model (规格型号) to print; optional.") String specification,
        @Description("Unit of measure (单位) to print, e.g. `个`; optional.") String unit,
        @Description("Quantity (decimal string); with unitPrice it must give the amount within 0.01.") String quantity,
        @Description("Unit price (decimal string).") String unitPrice,
        @NonNull @Description("Line amount: excluding tax, or including tax when the invoice input says `amountsIncludeTax`.") Money amount,
        @NonNull @Description("Tax rate as a fraction: 0.13, 0.09, 0.06, 0.05, 0.03, 0.02, 0.015, 0.01 or 0.") String taxRate,
        @Description("TAXABLE (default), EXEMPT (免税) or NOT_TAXABLE (不征税); the last two need rate 0.") TaxTreatment taxTreatment,
        @Description("Tax of the line; computed when omitted, checked against amount × rate (±0.06) when given.") Money tax) {
}
