package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import cn.fapiao.domain.ChineseAmount;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.invoice.InvoiceSource;
import cn.fapiao.reference.api.InvoiceGeneration;
import cn.fapiao.reference.api.InvoiceTypeInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@Name("Invoice")
@Description("An invoice (发票) the caller's organisation issued or received. Red (reversing) invoices carry negative amounts and point to their blue original.")
public record InvoiceView(
        @Id @NonNull @Description("The invoice's id in this API: stable, opaque; use it with `invoice(id:)`, `voidInvoice` and `redReverseInvoice`.") String id,
        @NonNull @Description("DIGITAL (全电发票, 20-digit number, no code) or LEGACY (code and 8-digit number).") InvoiceGeneration generation,
        @Description("Invoice code (legacy invoices only).") String code,
        @NonNull @Description("Invoice number: 20 digits (digital) or 8 digits (legacy).") String number,
        @NonNull @Description("The invoice type (票种), e.g. special (专票) or ordinary (普票), with its code.") InvoiceTypeInfo type,
        @NonNull @Description("Issue date (Asia/Shanghai).") LocalDate issueDate,
        @NonNull @Description("The seller (销售方) as printed on the invoice.") PartyView seller,
        @NonNull @Description("The buyer (购买方) as printed on the invoice.") PartyView buyer,
        @NonNull @Description("Total amount excluding tax.") Money amount,
        @NonNull @Description("Total tax.") Money tax,
        @NonNull @Description("Total including tax (价税合计).") Money total,
        @Description("Check code (校验码), where the type has one.") String checkCode,
        @NonNull @Description("Where the invoice stands now; `statusHistory` says how it got there.") InvoiceStatus status,
        @NonNull @Description("BLUE for an ordinary invoice, RED for one that reverses (红冲) a blue one.") Direction direction,
        @Id @Description("For a red invoice: the blue invoice it reverses.") String originalInvoiceId,
        @Description("For a red invoice: 1 issued in error, 2 goods returned, 3 service stopped, 4 sales discount.") Integer redReason,
        @Description("For a red invoice: the red-letter confirmation (红字确认单) number.") String redConfirmationNumber,
        @NonNull @Description("For a blue invoice: amount excluding tax that can still be red-reversed.") Money remainingAmount,
        @NonNull @Description("ISSUED here, or IMPORTED from another system (see `sourceSystem`).") InvoiceSource source,
        @Description("The system an imported invoice came from.") String sourceSystem,
        @Description("When the buyer confirmed use (deduction); a used invoice cannot be voided.") OffsetDateTime usedAt,
        @Description("The remark (备注) printed on the invoice, as the issuer wrote it; null when none.") String remark,
        @NonNull OffsetDateTime createdAt,
        @NonNull OffsetDateTime updatedAt,
        @NonNull @Description("The invoice's lines in order: all of them (at most 2000) for a single invoice; inside a list of invoices (a page, near matches) the first 50 (`fapiao.graphql.listed-invoice-lines`). `lineCount` says how many there are.") List<@NonNull InvoiceLineView> lines,
        @NonNull @Description("The statuses the invoice has had: when, by whom and why, oldest first; the newest 20 (`fapiao.graphql.status-history`) when there were more.") List<@NonNull StatusChangeView> statusHistory,
        @NonNull @Description("How many lines the invoice has, also when `lines` shows only the first of them.") Integer lineCount) {

    /**
     * The same invoice with all its lines and history. Reads leave both null and load them only
     * when the request selects them: a single lookup with the row, others through
     * cn.fapiao.invoice.InvoiceDetails, which also caps them.
     */
    public InvoiceView withDetails(List<InvoiceLineView> lines, List<StatusChangeView> statusHistory) {
        return new InvoiceView(id, generation, code, number, type, issueDate, seller, buyer, amount, tax, total, checkCode, status,
                direction, originalInvoiceId, redReason, redConfirmationNumber, remainingAmount, source, sourceSystem, usedAt, remark,
                createdAt, updatedAt, lines, statusHistory, lines.size());
    }

    /** The same invoice showing at most the first {@code maxLines} lines and the newest {@code maxChanges} status changes. */
    public InvoiceView capped(int maxLines, int maxChanges) {
        if (lines.size() <= maxLines && statusHistory.size() <= maxChanges) {
            return this;
        }
        return new InvoiceView(id, generation, code, number, type, issueDate, seller, buyer, amount, tax, total, checkCode, status,
                direction, originalInvoiceId, redReason, redConfirmationNumber, remainingAmount, source, sourceSystem, usedAt, remark,
                createdAt, updatedAt, lines.subList(0, Math.min(maxLines, lines.size())),
                statusHistory.subList(Math.max(0, statusHistory.size() - maxChanges), statusHistory.size()), lineCount);
    }

    /** Computed when asked for, not for every invoice of a page (2% of the CPU of a page of 50). */
    @NonNull
    @Description("Total including tax in Chinese capitals (大写).")
    public String getTotalInWords() {
        return ChineseAmount.inWords(total.value());
    }
}
