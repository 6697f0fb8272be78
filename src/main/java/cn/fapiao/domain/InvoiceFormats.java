package cn.fapiao.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Format checks for the fields a user types to identify or verify a legacy invoice: the
 * 8-digit number, the check code (full or last six) and an amount. Each returns an empty list
 * when the value is fine. Surrounding whitespace is ignored; callers should store the stripped
 * value.
 */
public final class InvoiceFormats {

    /** What the national verification platform accepts; negative amounts verify red invoices. */
    private static final Pattern AMOUNT = Pattern.compile("^-?\\d{1,11}(\\.\\d{1,2})?$");
    private static final Pattern DIGITAL_NUMBER = Pattern.compile("\\d{20}");
    private static final Pattern LEGACY_CODE = Pattern.compile("\\d{10}|\\d{12}");
    private static final Pattern LEGACY_NUMBER = Pattern.compile("\\d{8}");

    /** Whether the text is shaped like a digital invoice number: 20 digits (nothing else is checked). */
    public static boolean isDigitalNumberShape(String text) {
        return text != null && DIGITAL_NUMBER.matcher(text).matches();
    }

    /** Whether the text is shaped like a legacy invoice code: 10 or 12 digits. */
    public static boolean isLegacyCodeShape(String text) {
        return text != null && LEGACY_CODE.matcher(text).matches();
    }

    /** Whether the text is shaped like a legacy invoice number: 8 digits. */
    public static boolean isLegacyNumberShape(String text) {
        return text != null && LEGACY_NUMBER.matcher(text).matches();
    }

    private InvoiceFormats() {
    }

    /** An 8-digit legacy invoice number; 00000000 is never issued. Field "number". */
    public static List<Problem> checkLegacyNumber(String number) {
        return checkLegacyNumber(number, "number");
    }

    public static List<Problem> checkLegacyNumber(String number, String field) {
        String value = strip(number);
        List<Problem> problems = new ArrayList<>(DigitRule.check(value, field, "Invoice number", 8));
        if (problems.isEmpty() && value.chars().allMatch(c -> c == '0')) {
            problems.add(new Problem(field, "ALL_ZEROS", "Invoice number 00000000 is never issued"));
        }
        if (value != null && value.length() == 20 && DigitRule.isDigits(value)) {
            // A 20-digit value is almost certainly a fully digital invoice number in the wrong field.
            problems.replaceAll(p -> p.code().equals("INVALID_LENGTH")
                    ? new Problem(p.field(), p.code(), p.message()
                    + "; a 20-digit number is a fully digital invoice number, which needs no invoice code")
                    : p);
        }
        return problems;
    }

    /** The full 20-digit check code (校验码). Field "checkCode". */
    public static List<Problem> checkCheckCode(String checkCode) {
        return checkCheckCode(checkCode, "checkCode");
    }

    public static List<Problem> checkCheckCode(String checkCode, String field) {
        return DigitRule.check(strip(checkCode), field, "Check code", 20);
    }

    /** The last six digits of the check code, which verification of ordinary invoices asks for. Field "checkCode". */
    public static List<Problem> checkCheckCodeLastSix(String lastSix) {
        return checkCheckCodeLastSix(lastSix, "checkCode");
    }

    public static List<Problem> checkCheckCodeLastSix(String lastSix, String field) {
        return DigitRule.check(strip(lastSix), field, "The last six digits of the check code", 6);
    }

    /** An amount as the verification platform accepts it: up to 11 integer digits, up to 2 decimals. Field "amount". */
    public static List<Problem> checkAmount(String amount) {
        return checkAmount(amount, "amount");
    }

    public static List<Problem> checkAmount(String amount, String field) {
        String value = strip(amount);
        if (value == null || value.isEmpty()) {
            return List.of(new Problem(field, "REQUIRED", "Amount is required"));
        }
        if (!AMOUNT.matcher(value).matches()) {
            return List.of(new Problem(field, "INVALID_FORMAT", "Amount must be a number with at most 11 digits"
                    + " before and 2 after the decimal point, optionally negative (e.g. 1409.50 or -100), got '"
                    + value + "'"));
        }
        return List.of();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
