package cn.fapiao.report.api;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Description("An invoice behind a VAT summary figure and what it adds to it; look it up with `invoice(id)` for more.")
public record VatSummaryEntry(
        @Id @NonNull String invoiceId,
        String invoiceCode,
        @NonNull String invoiceNumber,
        @NonNull @Description("Two-digit type code.") String type,
        @NonNull LocalDate issueDate,
        @NonNull Direction direction,
        @NonNull InvoiceStatus status,
        @Description("The other party's tax ID.") String counterpartyTaxId,
        @NonNull String counterpartyName,
        @NonNull @Description("The day (Asia/Shanghai) that puts it in the month: issue, confirmation of use, red invoice or flag.") LocalDate countedOn,
        @NonNull @Description("ISSUED, CONFIRMED, RED_REVERSED, LOST_CONTROL or ABNORMAL.") String reason,
        @NonNull @Description("Amount excluding tax it adds (for output tax of one rate: its lines at that rate).") Money amount,
        @NonNull @Description("What it adds to the figure.") Money tax) {
}
