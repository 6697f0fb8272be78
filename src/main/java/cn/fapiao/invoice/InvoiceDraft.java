package cn.fapiao.invoice;

import cn.fapiao.domain.DecimalInput;
import cn.fapiao.domain.LineAmounts;
import cn.fapiao.domain.NetAndTax;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.TaxIdKind;
import cn.fapiao.domain.TaxIdValidation;
import cn.fapiao.domain.TaxIdValidator;
import cn.fapiao.domain.TaxMath;
import cn.fapiao.domain.TaxRates;
import cn.fapiao.domain.TaxTreatment;
import cn.fapiao.domain.Totals;
import cn.fapiao.invoice.api.DigitalInvoiceKind;
import cn.fapiao.invoice.api.IssueInvoiceInput;
import cn.fapiao.invoice.api.InvoiceLineInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice to issue, checked and computed from the client's input without any I/O: the same
 * object answers {@code previewInvoice} and guards {@code issueInvoice}, so the dry run and the
 * real thing can never disagree. Problems name their field as a GraphQL path, e.g.
 * {@code input.lines[1].taxRate}.
 */
public final class InvoiceDraft {

    static final int MAX_LINES = cn.fapiao.domain.InvoiceSize.MAX_LINES;
    private static final BigDecimal MAX_TOTAL = new BigDecimal("99999999999.99");

    /** A line as it will be written. */
    public record Line(int lineNo, InvoiceLineInput input, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                       BigDecimal rate, TaxTreatment treatment, BigDecimal tax) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final String buyerTaxId;
    private Totals totals;

    private InvoiceDraft(IssueInvoiceInput input) {
        this.buyerTaxId = checkBuyer(input);
        checkLines(input);
        DecimalInput.maxLength(input.remark(), 500, "input.remark", problems);
        DecimalInput.maxLength(input.idempotencyKey(), 100, "input.idempotencyKey", problems);
        DecimalInput.maxLength(input.sellerAddressPhone(), 200, "input.sellerAddressPhone", problems);
        DecimalInput.maxLength(input.sellerBankAccount(), 200, "input.sellerBankAccount", problems);
    }

    public static InvoiceDraft of(IssueInvoiceInput input) {
        return new InvoiceDraft(input);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<Line> lines() {
        return lines;
    }

    /** Totals of the lines that could be computed; null when none could. */
    public Totals totals() {
        return totals;
    }

    /** The buyer tax ID as validated (trimmed, upper case), or null when none was given. */
    public String buyerTaxId() {
        return buyerTaxId;
    }

    public static String typeCode(DigitalInvoiceKind kind) {
        return kind == DigitalInvoiceKind.SPECIAL ? "81" : "82";
    }

    private String checkBuyer(IssueInvoiceInput input) {
        if (input.buyer() == null) {
            problems.add(new Problem("input.buyer", "REQUIRED", "The buyer is required."));
            return null;
        }
        if (input.buyer().name() == null || input.buyer().name().isBlank()) {
            problems.add(new Problem("input.buyer.name", "REQUIRED", "The buyer's name is required."));
        }
        DecimalInput.maxLength(input.buyer().name(), 200, "input.buyer.name", problems);
        DecimalInput.maxLength(input.buyer().addressPhone(), 200, "input.buyer.addressPhone", problems);
        DecimalInput.maxLength(input.buyer().bankAccount(), 200, "input.buyer.bankAccount", problems);
        String taxId = input.buyer().taxId();
        if (taxId == null || taxId.isBlank()) {
            if (input.kind() == DigitalInvoiceKind.SPECIAL) {
                problems.add(new Problem("input.buyer.taxId", "REQUIRED", "A special invoice needs the buyer's taxpayer ID."));
            }
            return null;
        }
        TaxIdValidation validation = TaxIdValidator.validate(taxId);
        for (Problem p : validation.problems()) {
            problems.add(new Problem("input.buyer.taxId", p.code(), p.message()));
        }
        return validation.kind() == TaxIdKind.INVALID ? null : validation.taxId();
    }

    private void checkLines(IssueInvoiceInput input) {
        List<InvoiceLineInput> given = input.lines();
        if (given == null || given.isEmpty()) {
            problems.add(new Problem("input.lines", "REQUIRED", "An invoice needs at least one line."));
            return;
        }
        if (given.size() > MAX_LINES) {
            problems.add(new Problem("input.lines", "TOO_MANY", "At most " + MAX_LINES + " lines per invoice, got " + given.size() + "."));
            return;
        }
        boolean gross = Boolean.TRUE.equals(input.amountsIncludeTax());
        for (int i = 0; i < given.size(); i++) {
            checkLine(i, given.get(i), gross);
        }
        List<LineAmounts> amounts = lines.stream().map(l -> new LineAmounts(l.amount(), l.rate(), l.tax())).toList();
        if (!amounts.isEmpty()) {
            for (Problem p : TaxMath.checkInvoiceDeviation(amounts)) {
                problems.add(new Problem("input.lines", p.code(), p.message()));
            }
            totals = TaxMath.totals(amounts);
            if (totals.total().abs().compareTo(MAX_TOTAL) > 0) {
                problems.add(new Problem("input.lines", "AMOUNT_TOO_LARGE", "The invoice total exceeds 99,999,999,999.99."));
            }
        }
    }

    private void checkLine(int index, InvoiceLineInput line, boolean gross) {
        String path = "input.lines[" + index + "]";
        int before = problems.size();
        if (line.itemName() == null || line.itemName().isBlank()) {
            problems.add(new Problem(path + ".itemName", "REQUIRED", "Line " + (index + 1) + " needs an item name."));
        }
        DecimalInput.maxLength(line.itemName(), 200, path + ".itemName", problems);
        DecimalInput.maxLength(line.specification(), 100, path + ".specification", problems);
        DecimalInput.maxLength(line.unit(), 20, path + ".unit", problems);
        BigDecimal amount = DecimalInput.amount(line.amount(), path + ".amount", problems);
        if (amount != null && amount.signum() <= 0) {
            problems.add(new Problem(path + ".amount", "NOT_POSITIVE", "Line amounts must be positive; reverse with redReverseInvoice instead."));
            amount = null;
        }
        BigDecimal rate = DecimalInput.decimal(line.taxRate(), path + ".taxRate", false, problems);
        TaxTreatment treatment = line.taxTreatment() == null ? TaxTreatment.TAXABLE : line.taxTreatment();
        if (rate != null) {
            List<Problem> rateProblems = TaxRates.checkForIssue(rate, treatment);
            rateProblems.forEach(p -> problems.add(new Problem(path + ".taxRate", p.code(), p.message())));
            if (!rateProblems.isEmpty()) {
                rate = null;
            }
        }
        BigDecimal quantity = line.quantity() == null ? null : DecimalInput.decimal(line.quantity(), path + ".quantity", false, problems);
        BigDecimal unitPrice = line.unitPrice() == null ? null : DecimalInput.decimal(line.unitPrice(), path + ".unitPrice", false, problems);
        BigDecimal givenTax = line.tax() == null ? null : DecimalInput.amount(line.tax(), path + ".tax", problems);
        if (amount == null || rate == null) {
            return;
        }
        BigDecimal net = amount;
        BigDecimal tax;
        if (gross) {
            NetAndTax split = TaxMath.splitGross(amount, rate);
            net = split.net();
            tax = givenTax != null ? givenTax : split.tax();
        } else {
            tax = givenTax != null ? givenTax : TaxMath.lineTax(amount, rate);
        }
        // Quantity × price is compared with the amount as the client gave it (gross when amounts
        // include tax); the tax tolerance always with the net amount the line is written with.
        // Passing no tax for a gross line made checkLine report tax REQUIRED on every such line.
        List<Problem> lineProblems = new ArrayList<>(TaxMath.checkQuantityTimesPrice(quantity, unitPrice, amount));
        lineProblems.addAll(TaxMath.checkLine(null, null, net, rate, tax));
        for (Problem p : lineProblems) {
            problems.add(new Problem(path + "." + p.field(), p.code(), p.message()));
        }
        if (problems.size() == before) {
            lines.add(new Line(index + 1, line, quantity, unitPrice, net.setScale(2, RoundingMode.HALF_UP), rate, treatment,
                    tax.setScale(2, RoundingMode.HALF_UP)));
        }
    }

}
