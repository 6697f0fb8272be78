package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ImportedLineInput")
@Description("One line of an imported invoice. Amounts are decimal strings; RED invoices carry negative amounts.")
public record ImportedLineInput(
        @Description("Required. Item name, at most 200 characters.") String itemName,
        @Description("Quantity (decimal string); with unitPrice it must give the amount within 0.01.") String quantity,
        @Description("Unit price (decimal string).") String unitPrice,
        @Description("Required. Line amount excluding tax.") Money amount,
        @Description("Required. Tax rate as a fraction, current or historic: 0.13, 0.09, 0.06, 0.05, 0.03, 0.02, 0.015, 0.01, 0, 0.17, 0.16, 0.11, 0.10.") String taxRate,
        @Description("Tax of the line; amount × rate when omitted, otherwise within ±0.06 of it.") Money tax) {
}
