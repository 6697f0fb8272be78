package cn.fapiao.report.api;

import cn.fapiao.common.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.List;

@Description("The monthly VAT summary (增值税申报汇总) of the caller's organisation as a general taxpayer. "
        + "payable = outputTax − min(inputTax + creditBroughtForward − transferredOut, outputTax). "
        + "`vatSummaryInvoices` lists the invoices behind each figure.")
public record VatSummary(
        @NonNull PeriodView period,
        @NonNull @Description("Tax of the invoices the organisation issued in the month (red ones negative, voided ones left out).") Money outputTax,
        @NonNull @Description("Of it, on special invoices (types 01, 02, 08, 81).") Money outputTaxSpecial,
        @NonNull @Description("Of it, on other invoices.") Money outputTaxOther,
        @NonNull @Description("Output tax by VAT rate, from the lines.") List<@NonNull VatRateTax> outputTaxByRate,
        @NonNull @Description("Tax of received special invoices whose use the organisation confirmed in the month (less reversals before that).") Money inputTax,
        @NonNull @Description("Credit carried from the months before, computed from the organisation's first month on record.") Money creditBroughtForward,
        @NonNull @Description("Input tax transferred out (进项税额转出): deducted invoices red-reversed or flagged in the month.") Money transferredOut,
        @NonNull @Description("Of it, by red invoices issued after the deduction.") Money transferredOutRedReversed,
        @NonNull @Description("Of it, by invoices that became LOST_CONTROL or ABNORMAL after the deduction.") Money transferredOutFlagged,
        @NonNull @Description("VAT payable for the month.") Money payable,
        @NonNull @Description("Credit carried into the next month.") Money creditCarriedForward,
        @NonNull @Description("15 days after the month ends.") LocalDate statutoryDueDate,
        @NonNull @Description("The statutory date moved past a weekend; public holidays are not applied.") LocalDate filingDueDate) {
}
