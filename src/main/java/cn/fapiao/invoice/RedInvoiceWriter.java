package cn.fapiao.invoice;

import cn.fapiao.domain.TaxMath;
import cn.fapiao.security.Caller;
import cn.fapiao.taxpayer.OrganisationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a red (negative) invoice for a planned reversal and reduces what remains reversible on
 * the blue invoice and its lines. Runs inside the reversal's transaction, with the blue row locked.
 */
@ApplicationScoped
public class RedInvoiceWriter {

    private static final String[] REASONS = {"", "issued in error (开票有误)", "goods returned (销货退回)", "service stopped (服务中止)", "sales discount (销售折让)"};

    private final InvoiceRepository invoices;
    private final OrganisationRepository organisations;

    public RedInvoiceWriter(InvoiceRepository invoices, OrganisationRepository organisations) {
        this.invoices = invoices;
        this.organisations = organisations;
    }

    public Uni<Invoice> write(Caller caller, Invoice blue, Map<InvoiceLine, BigDecimal> plan, int reasonCode,
                              String confirmation, String note, String idempotencyKey) {
        LocalDate today = LocalDate.now(InvoiceService.BUSINESS_ZONE);
        OffsetDateTime now = OffsetDateTime.now();
        List<InvoiceLine> redLines = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        short lineNo = 1;
        for (Map.Entry<InvoiceLine, BigDecimal> step : plan.entrySet()) {
            InvoiceLine line = step.getKey();
            BigDecimal reversed = step.getValue();
            // Reversing a whole untouched line takes back exactly its tax; part of a line is computed.
            BigDecimal lineTax = reversed.compareTo(line.amount) == 0 ? line.tax : TaxMath.lineTax(reversed, line.taxRate);
            line.remainingAmount = line.remainingAmount.subtract(reversed);
            InvoiceLine red = new InvoiceLine();
            red.lineNo = lineNo++;
            red.itemName = line.itemName;
            red.specification = line.specification;
            red.unit = line.unit;
            red.amount = reversed.negate();
            red.taxRate = line.taxRate;
            red.taxTreatment = line.taxTreatment;
            red.tax = lineTax.negate();
            red.remainingAmount = BigDecimal.ZERO.setScale(2);
            red.originalLineId = line.id;
            redLines.add(red);
            amount = amount.add(reversed);
            tax = tax.add(lineTax);
        }
        blue.remainingAmount = blue.remainingAmount.subtract(amount);
        String blueStatus = blue.remainingAmount.signum() == 0 ? "RED_FULL" : "RED_PARTIAL";
        String why = "red-reversed " + amount.toPlainString() + ": " + REASONS[reasonCode] + (note == null || note.isBlank() ? "" : " — " + note.strip());

        Invoice red = new Invoice();
        red.organisationId = caller.organisationId();
        red.generation = "DIGITAL";
        red.typeCode = isSpecial(blue.typeCode) ? "81" : "82";
        red.issueDate = today;
        red.sellerOrgId = blue.sellerOrgId;
        red.sellerTaxId = blue.sellerTaxId;
        red.sellerName = blue.sellerName;
        red.sellerAddressPhone = blue.sellerAddressPhone;
        red.sellerBankAccount = blue.sellerBankAccount;
        red.buyerOrgId = blue.buyerOrgId;
        red.buyerTaxId = blue.buyerTaxId;
        red.buyerName = blue.buyerName;
        red.buyerAddressPhone = blue.buyerAddressPhone;
        red.buyerBankAccount = blue.buyerBankAccount;
        red.amount = amount.negate();
        red.tax = tax.negate();
        red.total = red.amount.add(red.tax);
        red.status = "NORMAL";
        red.direction = "RED";
        red.originalInvoiceId = blue.id;
        red.redReason = reasonCode;
        red.redConfirmationNumber = confirmation;
        red.remainingAmount = BigDecimal.ZERO.setScale(2);
        red.source = InvoiceSource.ISSUED.name();
        red.remark = "红字发票，对应蓝字发票 " + (blue.code == null ? "" : blue.code + " ") + blue.number;
        red.idempotencyKey = idempotencyKey;
        red.createdAt = now;
        red.updatedAt = now;
        return invoices.changeStatus(blue, blueStatus, caller.username(), why)
                .chain(() -> organisations.findById(blue.sellerOrgId))
                .chain(seller -> {
                    String prefix = InvoiceNumbering.prefix(today, seller.regionCode);
                    return invoices.nextSequence(prefix).map(sequence -> InvoiceNumbering.number(prefix, sequence));
                })
                .chain(number -> {
                    red.number = number;
                    return invoices.persist(red);
                })
                .chain(saved -> {
                    redLines.forEach(l -> l.invoiceId = saved.id);
                    return invoices.persistLines(redLines)
                            .chain(() -> invoices.record(InvoiceStatusHistory.of(saved.id, null, "NORMAL", caller.username(), why)))
                            .replaceWith(saved);
                });
    }

    private static boolean isSpecial(String typeCode) {
        return "01".equals(typeCode) || "08".equals(typeCode) || "81".equals(typeCode);
    }
}
