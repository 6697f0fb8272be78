package cn.fapiao.invoice;

import cn.fapiao.domain.DecodedDigitalNumber;
import cn.fapiao.domain.DecodedInvoiceCode;
import cn.fapiao.domain.DigitalNumberDecoder;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceCodeDecoder;
import cn.fapiao.domain.DecimalInput;
import cn.fapiao.domain.InvoiceFormats;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.InvoiceType;
import cn.fapiao.domain.LineAmounts;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.TaxIdKind;
import cn.fapiao.domain.TaxIdValidation;
import cn.fapiao.domain.TaxIdValidator;
import cn.fapiao.domain.TaxMath;
import cn.fapiao.domain.TaxRates;
import cn.fapiao.invoice.api.ImportedInvoiceInput;
import cn.fapiao.invoice.api.ImportedLineInput;
import cn.fapiao.invoice.api.ImportedPartyInput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One row of an import batch, checked without I/O: every problem with its path
 * ({@code input.invoices[3].number}), and the values as they will be stored. Whether the
 * importer is a party and whether a red invoice's original exists need the database; the
 * import service adds those problems.
 */
final class ImportRowCheck {

    static final int MAX_LINES = cn.fapiao.domain.InvoiceSize.MAX_LINES;
    /** Ordinary legacy types, whose verification needs the check code. */
    private static final Set<InvoiceType> NEED_CHECK_CODE = Set.of(InvoiceType.ORDINARY, InvoiceType.ELECTRONIC_ORDINARY,
            InvoiceType.ROLL, InvoiceType.TOLL_ROAD_ELECTRONIC);

    record Party(String taxId, String name, String addressPhone, String bankAccount) {
    }

    record Line(int lineNo, String itemName, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, BigDecimal rate, BigDecimal tax) {
    }

    final int index;
    final String path;
    final List<Problem> problems = new ArrayList<>();
    final String code;
    final String number;
    String typeCode;
    final LocalDate issueDate;
    final Party seller;
    final Party buyer;
    BigDecimal amount;
    BigDecimal tax;
    BigDecimal total;
    final String checkCode;
    final InvoiceStatus status;
    final Direction direction;
    final String originalCode;
    final String originalNumber;
    final Integer redReason;
    /** The stored blue invoice a RED row reverses, once found. */
    Long originalId;
    final List<Line> lines = new ArrayList<>();
    final String remark;

    private ImportRowCheck(int index, ImportedInvoiceInput in, LocalDate today) {
        this.index = index;
        this.path = "input.invoices[" + index + "]";
        this.code = blankToNull(in.code());
        this.number = in.number() == null ? null : in.number().strip();
        this.status = in.status() == null ? InvoiceStatus.NORMAL : in.status();
        this.direction = in.direction() == null ? Direction.BLUE : in.direction();
        this.remark = blankToNull(in.remark());
        DecimalInput.maxLength(in.remark(), 500, at("remark"), problems);

        InvoiceType type = checkIdentity(in);
        this.issueDate = in.issueDate();
        if (issueDate == null) {
            add("issueDate", "REQUIRED", "The issue date is required.");
        } else if (issueDate.isAfter(today)) {
            add("issueDate", "IN_FUTURE", "The issue date " + issueDate + " is after today (" + today + ", Asia/Shanghai).");
        }
        this.seller = party(in.seller(), "seller", true);
        this.buyer = party(in.buyer(), "buyer", false);
        this.checkCode = checkCheckCode(in.checkCode(), type);
        checkAmounts(in);
        this.originalCode = blankToNull(in.originalCode());
        this.originalNumber = blankToNull(in.originalNumber());
        this.redReason = in.redReason();
        checkRed();
        checkLines(in.lines());
    }

    static ImportRowCheck of(int index, ImportedInvoiceInput input, LocalDate today) {
        return new ImportRowCheck(index, input, today);
    }

    boolean isValid() {
        return problems.isEmpty();
    }

    boolean isLegacy() {
        return code != null;
    }

    /** The full path of a field of this row, e.g. {@code input.invoices[3].amount}. */
    private String at(String field) {
        return field.isEmpty() ? path : path + "." + field;
    }

    void add(String field, String problemCode, String message) {
        problems.add(new Problem(field.isEmpty() ? path : path + "." + field, problemCode, message));
    }

    /** Code and number decide the generation; the type comes from the code (legacy) or typeCode (digital). */
    private InvoiceType checkIdentity(ImportedInvoiceInput in) {
        InvoiceType given = null;
        if (in.typeCode() != null && !in.typeCode().isBlank()) {
            given = InvoiceType.fromCode(in.typeCode()).orElse(null);
            if (given == null) {
                add("typeCode", "INVALID_VALUE", "Unknown type code '" + abbreviate(in.typeCode().strip()) + "'.");
            }
        }
        if (code != null) {
            DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode(code);
            decoded.problems().forEach(p -> add("code", p.code(), p.message()));
            InvoiceFormats.checkLegacyNumber(number).forEach(p -> add("number", p.code(), p.message()));
            InvoiceType derived = decoded.type();
            if (given != null && decoded.problems().isEmpty() && given != derived) {
                add("typeCode", "TYPE_MISMATCH", "Type code " + given.code() + " does not agree with the invoice code, which says "
                        + derived.code() + " (" + derived.description() + ").");
            }
            typeCode = derived.code();
            return derived;
        }
        DecodedDigitalNumber decoded = DigitalNumberDecoder.decode(number);
        decoded.problems().forEach(p -> add("number", p.code(), p.message()));
        if (in.typeCode() == null || in.typeCode().isBlank()) {
            add("typeCode", "REQUIRED", "A fully digital invoice needs its type code: 81 (special) or 82 (ordinary).");
        } else if (given != null && !given.isFullyDigital()) {
            add("typeCode", "TYPE_MISMATCH", "An invoice without a code is fully digital: its type code is 81 or 82, got " + given.code()
                    + " (legacy invoices need their invoice code).");
        }
        typeCode = given == null ? null : given.code();
        return given;
    }

    private String checkCheckCode(String given, InvoiceType type) {
        String value = blankToNull(given);
        if (type == null) {
            return value;
        }
        if (value == null) {
            if (code != null && NEED_CHECK_CODE.contains(type)) {
                add("checkCode", "REQUIRED", "Ordinary invoices of type " + type.code() + " carry a 20-digit check code.");
            }
            return null;
        }
        if (type.isSpecial() || type.isFullyDigital()) {
            add("checkCode", "NOT_ALLOWED", "Invoices of type " + type.code() + " have no check code.");
            return null;
        }
        InvoiceFormats.checkCheckCode(value, path + ".checkCode").forEach(problems::add);
        return value;
    }

    private Party party(ImportedPartyInput in, String field, boolean taxIdRequired) {
        if (in == null) {
            add(field, "REQUIRED", "The " + field + " is required.");
            return null;
        }
        String name = blankToNull(in.name());
        if (name == null) {
            add(field + ".name", "REQUIRED", "The " + field + "'s name is required.");
        }
        DecimalInput.maxLength(in.name(), 200, at(field + ".name"), problems);
        DecimalInput.maxLength(in.addressPhone(), 200, at(field + ".addressPhone"), problems);
        DecimalInput.maxLength(in.bankAccount(), 200, at(field + ".bankAccount"), problems);
        String taxId = null;
        if (in.taxId() == null || in.taxId().isBlank()) {
            if (taxIdRequired) {
                add(field + ".taxId", "REQUIRED", "The " + field + "'s taxpayer ID is required.");
            }
        } else {
            TaxIdValidation validation = TaxIdValidator.validate(in.taxId());
            validation.problems().forEach(p -> add(field + ".taxId", p.code(), p.message()));
            taxId = validation.kind() == TaxIdKind.INVALID ? null : validation.taxId();
        }
        return new Party(taxId, name, in.addressPhone(), in.bankAccount());
    }

    private void checkAmounts(ImportedInvoiceInput in) {
        amount = DecimalInput.amount(in.amount(), at("amount"), problems);
        tax = DecimalInput.amount(in.tax(), at("tax"), problems);
        total = DecimalInput.amount(in.total(), at("total"), problems);
        boolean red = direction == Direction.RED;
        for (String field : List.of("amount", "tax", "total")) {
            BigDecimal value = field.equals("amount") ? amount : field.equals("tax") ? tax : total;
            if (value != null && value.signum() < 0 && !red) {
                add(field, "NEGATIVE_NOT_ALLOWED", "Negative amounts are allowed only on RED invoices.");
            }
        }
        if (red && total != null && total.signum() >= 0) {
            add("total", "RED_NOT_NEGATIVE", "A RED invoice reverses a blue one: its total must be negative.");
        }
        if (amount != null && tax != null && total != null && amount.add(tax).compareTo(total) != 0) {
            add("total", "TOTAL_MISMATCH", "The total " + total.toPlainString() + " is not amount + tax ("
                    + amount.add(tax).toPlainString() + ").");
        }
    }

    private void checkRed() {
        if (direction == Direction.RED) {
            if (originalNumber == null) {
                add("originalNumber", "REQUIRED", "A RED invoice needs the number of the blue invoice it reverses.");
            }
            if (redReason == null || redReason < 1 || redReason > 4) {
                add("redReason", redReason == null ? "REQUIRED" : "INVALID_VALUE", "A RED invoice needs its reason: 1, 2, 3 or 4.");
            }
        } else if (originalNumber != null || originalCode != null || redReason != null) {
            add("direction", "NOT_RED", "originalCode, originalNumber and redReason belong to RED invoices only.");
        }
    }

    private void checkLines(List<ImportedLineInput> given) {
        if (given == null || given.isEmpty()) {
            return;
        }
        if (given.size() > MAX_LINES) {
            add("lines", "TOO_MANY", "At most " + MAX_LINES + " lines per invoice, got " + given.size() + ".");
            return;
        }
        int before = problems.size();
        for (int i = 0; i < given.size(); i++) {
            checkLine(i, given.get(i));
        }
        if (problems.size() > before || lines.isEmpty()) {
            return;
        }
        List<LineAmounts> amounts = lines.stream().map(l -> new LineAmounts(l.amount(), l.rate(), l.tax())).toList();
        TaxMath.checkInvoiceDeviation(amounts).forEach(p -> add("lines", p.code(), p.message()));
        var sums = TaxMath.totals(amounts);
        if (amount != null && sums.amount().subtract(amount).abs().compareTo(TaxMath.AMOUNT_TOLERANCE) > 0) {
            add("amount", "LINES_MISMATCH", "The lines add up to " + sums.amount().toPlainString() + ", not " + amount.toPlainString() + ".");
        }
        if (tax != null && sums.tax().subtract(tax).abs().compareTo(TaxMath.AMOUNT_TOLERANCE) > 0) {
            add("tax", "LINES_MISMATCH", "The line taxes add up to " + sums.tax().toPlainString() + ", not " + tax.toPlainString() + ".");
        }
    }

    private void checkLine(int i, ImportedLineInput line) {
        String linePath = "lines[" + i + "]";
        if (line == null) {
            add(linePath, "REQUIRED", "Line " + (i + 1) + " is empty.");
            return;
        }
        int before = problems.size();
        if (line.itemName() == null || line.itemName().isBlank()) {
            add(linePath + ".itemName", "REQUIRED", "Line " + (i + 1) + " needs an item name.");
        }
        DecimalInput.maxLength(line.itemName(), 200, at(linePath + ".itemName"), problems);
        BigDecimal lineAmount = DecimalInput.amount(line.amount(), at(linePath + ".amount"), problems);
        BigDecimal rate = DecimalInput.decimal(line.taxRate(), at(linePath + ".taxRate"), true, problems);
        if (rate != null && !TaxRates.isKnown(rate)) {
            add(linePath + ".taxRate", "RATE_NOT_ALLOWED", "Tax rate " + rate.toPlainString() + " is neither a current nor a historic VAT rate.");
            rate = null;
        }
        BigDecimal quantity = blankToNull(line.quantity()) == null ? null : DecimalInput.decimal(line.quantity(), at(linePath + ".quantity"), true, problems);
        BigDecimal unitPrice = blankToNull(line.unitPrice()) == null ? null : DecimalInput.decimal(line.unitPrice(), at(linePath + ".unitPrice"), true, problems);
        BigDecimal lineTax = line.tax() == null ? null : DecimalInput.amount(line.tax(), at(linePath + ".tax"), problems);
        if (lineAmount != null && lineAmount.signum() < 0 && direction != Direction.RED) {
            add(linePath + ".amount", "NEGATIVE_NOT_ALLOWED", "Negative amounts are allowed only on RED invoices.");
        }
        if (lineAmount == null || rate == null || problems.size() > before) {
            return;
        }
        if (lineTax == null) {
            lineTax = TaxMath.lineTax(lineAmount, rate);
        }
        for (Problem p : TaxMath.checkLine(quantity, unitPrice, lineAmount, rate, lineTax)) {
            add(linePath + "." + p.field(), p.code(), p.message());
        }
        if (problems.size() == before) {
            lines.add(new Line(i + 1, line.itemName().strip(), quantity, unitPrice, lineAmount, rate, lineTax));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
