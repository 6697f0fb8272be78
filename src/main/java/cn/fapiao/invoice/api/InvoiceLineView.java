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
        @NonNull int lineNo,
        @NonNull @Description("Item name, e.g. `*信息技术服务*软件开发`.") String itemName,
        String specification,
        String unit,
        BigDecimal quantity,
        BigDecimal unitPrice,
        @NonNull @Description("Amount excluding tax.") Money amount,
        @NonNull @Description("Tax rate as a fraction, e.g. 0.13.") BigDecimal taxRate,
        @NonNull TaxTreatment taxTreatment,
        @NonNull Money tax,
        @NonNull @Description("Amount of this line that can still be red-reversed.") Money remainingAmount) {
}
