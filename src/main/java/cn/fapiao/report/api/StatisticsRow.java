package cn.fapiao.report.api;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.invoice.InvoiceSource;
import cn.fapiao.invoice.api.InvoiceFilter;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

/**
 * One group of invoice statistics (or the totals): the grouped values (null when not grouped by,
 * and in the totals) and the sums. Also the plain record the exports turn into files.
 */
@Name("InvoiceStatisticsRow")
@Description("One group of invoices (or all of them, in `totals`): the values grouped by (null for the others) and the sums. "
        + "Voided invoices are counted but add nothing to the amounts; red invoices add negative amounts.")
public record StatisticsRow(
        InvoiceStatus status,
        @Description("Two-digit type code.") String type,
        @Description("VAT rate of the lines, e.g. 0.1300.") BigDecimal taxRate,
        String sellerTaxId,
        @Description("A seller name on the group's invoices.") String sellerName,
        String buyerTaxId,
        @Description("A buyer name on the group's invoices.") String buyerName,
        @Description("Month of issue, `YYYY-MM`.") String month,
        Direction direction,
        InvoiceSource source,
        @Description("SELLER: the caller's organisation sold; BUYER: it bought.") InvoiceFilter.Role role,
        @NonNull @Description("Invoices in the group, voided ones included.") int count,
        @NonNull @Description("Amount excluding tax, voided invoices left out.") Money amount,
        @NonNull @Description("Tax, voided invoices left out.") Money tax,
        @NonNull @Description("Amount including tax, voided invoices left out.") Money total) {
}
