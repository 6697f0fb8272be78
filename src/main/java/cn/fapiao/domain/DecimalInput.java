package cn.fapiao.domain;

import cn.fapiao.common.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Reads numbers and text that clients send as strings, adding a {@link Problem} for each field
 * that is missing or malformed instead of throwing, so that a whole input can be reported at once.
 */
public final class DecimalInput {

    private DecimalInput() {
    }

    /** A money amount ({@link InvoiceFormats#checkAmount} format, negative allowed), scale 2; null when missing or malformed. */
    public static BigDecimal amount(String text, String field, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Problem(field, "REQUIRED", "Required."));
            return null;
        }
        List<Problem> format = InvoiceFormats.checkAmount(text.strip(), field);
        if (!format.isEmpty()) {
            problems.addAll(format);
            return null;
        }
        return new BigDecimal(text.strip()).setScale(2, RoundingMode.HALF_UP);
    }

    /** A money amount that the {@code Money} scalar has already read strictly, scale 2; null (and REQUIRED) when missing. */
    public static BigDecimal amount(Money amount, String field, List<Problem> problems) {
        if (amount == null) {
            problems.add(new Problem(field, "REQUIRED", "Required."));
            return null;
        }
        return amount.value();
    }

    /** A quantity, unit price or rate: at most 12 digits before and 8 after the point; null when missing or malformed. */
    public static BigDecimal decimal(String text, String field, boolean negativeAllowed, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Problem(field, "REQUIRED", "Required."));
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if ((!negativeAllowed && value.signum() < 0) || value.precision() - value.scale() > 12 || value.scale() > 8) {
                problems.add(new Problem(field, "INVALID_FORMAT", "Expected a " + (negativeAllowed ? "" : "non-negative ")
                        + "decimal with at most 12 digits before and 8 after the point."));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            String shown = text.length() <= 20 ? text : text.substring(0, 20) + "…";
            problems.add(new Problem(field, "INVALID_FORMAT", "'" + shown + "' is not a decimal number."));
            return null;
        }
    }

    /** Adds TOO_LONG when the text is longer than the column allows. */
    public static void maxLength(String text, int max, String field, List<Problem> problems) {
        if (text != null && text.length() > max) {
            problems.add(new Problem(field, "TOO_LONG", "At most " + max + " characters, got " + text.length() + "."));
        }
    }
}
