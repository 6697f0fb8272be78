package cn.fapiao.export.register.api;

import cn.fapiao.invoice.api.InvoiceFilter;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Input("InvoiceRegisterInput")
@Description("The period of an invoice register and, optionally, one side of it.")
public record InvoiceRegisterInput(
        @NonNull @Description("First day (Asia/Shanghai).") LocalDate from,
        @NonNull @Description("Last day; included.") LocalDate to,
        @Description("Only the invoices the organisation sold (SELLER) or bought (BUYER); both when absent.") InvoiceFilter.Role side) {
}
