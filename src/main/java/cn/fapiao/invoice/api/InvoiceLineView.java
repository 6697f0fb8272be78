package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import cn.fapiao.domain.TaxTreatment;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

@Name("InvoiceLine")
@Description("One line of goods or services.")
public record InvoiceLineView(
        @NonNull @Description("The line's number on the invoice, from 1; red reversals name lines by it.") int lineNo,
        @NonNull @Description("Item name, e.g. `*信息技术服务*软件开发`.") String itemName,
        @Description("Specification or model (规格型号); null when none.") String specification,
        @Description("Unit of measure (单位), e.g. `个` or `次`; null when none.") String unit,
        @Description("Quantity (数量), up to 8 decimals; null for lines without one (e.g. services billed as a whole). Not money: a JSON number.") BigDecimal quantity,
        @Description("Unit price excluding tax (单价), up to 8 decimals; null when no quantity. Not money: a JSON number, rounded neither to the fen nor to two decimals.") BigDecimal unitPrice,
        @NonNull @Description("Amount excluding tax.") Money amount,
        @NonNull @Description("Tax rate as a fraction, e.g. 0.13.") BigDecimal taxRate,
        @NonNull @Description("Whether the line is taxed, exempt (免税) or not taxable (不征税); the last two print `***` as tax.") TaxTreatment taxTreatment,
        @NonNull @Description("Tax of the line (税额); 0.00 when exempt or not taxable.") Money tax,
        @NonNull @Description("Amount of this line that can still be red-reversed.") Money remainingAmount) {
}
