package cn.fapiao.verification.api;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.reference.api.InvoiceTypeInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Description("The public face of a verified invoice, as the national platform shows it: no addresses, phones or bank accounts.")
public record PublicInvoice(
        @NonNull @Description("The invoice type (票种) with its code.") InvoiceTypeInfo type,
        @Description("Invoice code (发票代码), legacy invoices only.") String code,
        @NonNull @Description("Invoice number (发票号码): 20 digits (digital) or 8 digits (legacy).") String number,
        @NonNull LocalDate issueDate,
        @NonNull @Description("The seller (销售方): name and taxpayer ID only.") PublicParty seller,
        @NonNull @Description("The buyer (购买方): name and taxpayer ID only.") PublicParty buyer,
        @NonNull @Description("Amount excluding tax (金额).") Money amount,
        @NonNull @Description("Tax (税额).") Money tax,
        @NonNull @Description("Total including tax (价税合计).") Money total,
        @NonNull @Description("Its status now, e.g. VOIDED or RED_FULL: an invoice that matches may still not be usable.") InvoiceStatus status,
        @NonNull @Description("BLUE, or RED for a reversing invoice.") Direction direction) {
}
