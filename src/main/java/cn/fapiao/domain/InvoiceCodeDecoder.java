package cn.fapiao.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decodes a legacy invoice code (发票代码, 10 or 12 digits) into its type, region and print-run
 * year, and says what is wrong with it. Surrounding whitespace is ignored, since codes are
 * usually pasted.
 */
public final class InvoiceCodeDecoder {

    private static final String FIELD = "code";

    /** Early e-invoice pilots issued codes that do not follow the kind digits; they are all type 10. */
    private static final Set<String> EARLY_ELECTRONIC_CODES =
            Set.of("144031539110", "131001570151", "133011501118", "111001571071");

    private InvoiceCodeDecoder() {
    }

    public static DecodedInvoiceCode decode(String code) {
        String stripped = code == null ? null : code.strip();
        List<Problem> problems = DigitRule.check(stripped, FIELD, "Invoice code", 10, 12);
        if (!problems.isEmpty()) {
            return new DecodedInvoiceCode(stripped, false, problems, InvoiceType.UNKNOWN,
                    null, null, null, null, null);
        }
        boolean twelve = stripped.length() == 12;
        String rawRegion = twelve ? stripped.substring(1, 5) : stripped.substring(0, 4);
        String twoDigitYear = twelve ? stripped.substring(5, 7) : stripped.substring(4, 6);
        String batch = twelve ? stripped.substring(7, 10) : stripped.substring(6, 7);
        String kind = twelve ? stripped.substring(10, 12) : stripped.substring(7, 8);

        if (!twelve) {
            problems.addAll(tenDigitFormatProblems(stripped));
        }
        Region region = Regions.find(rawRegion).orElse(null);
        if (region == null) {
            problems.add(new Problem(FIELD, "UNKNOWN_REGION", "Invoice code region " + rawRegion
                    + " (routed to " + Regions.routingCode(rawRegion)
                    + ") is not a known province or separately planned city"));
        }
        return new DecodedInvoiceCode(stripped, problems.isEmpty(), problems, typeOf(stripped),
                rawRegion, region, printYear(twoDigitYear), batch, kind);
    }

    /** The type rules of domain.md §1, in their order: the first rule that applies wins. */
    static InvoiceType typeOf(String digits) {
        if (digits.length() == 12) {
            if (EARLY_ELECTRONIC_CODES.contains(digits)) {
                return InvoiceType.ELECTRONIC_ORDINARY;
            }
            if (digits.charAt(0) == '0') {
                InvoiceType byKind = switch (digits.substring(10)) {
                    case "11" -> InvoiceType.ELECTRONIC_ORDINARY;
                    case "04", "05" -> InvoiceType.ORDINARY;
                    case "06", "07" -> InvoiceType.ROLL;
                    case "12" -> InvoiceType.TOLL_ROAD_ELECTRONIC;
                    case "13" -> InvoiceType.ELECTRONIC_SPECIAL;
                    case "17" -> InvoiceType.USED_VEHICLE;
                    default -> null;
                };
                if (byKind != null) {
                    return byKind;
                }
            } else if (digits.charAt(7) == '2') {
                return InvoiceType.MOTOR_VEHICLE;
            }
            return InvoiceType.UNKNOWN;
        }
        return switch (digits.charAt(7)) {
            case '1', '5' -> InvoiceType.SPECIAL_VAT;
            case '3', '6' -> InvoiceType.ORDINARY;
            case '2', '7' -> InvoiceType.FREIGHT;
            default -> InvoiceType.UNKNOWN;
        };
    }

    /** Codes printed in the 1990s carry years 90-99; everything else is this century. */
    static int printYear(String twoDigits) {
        int yy = Integer.parseInt(twoDigits);
        return yy >= 90 ? 1900 + yy : 2000 + yy;
    }

    /** A 10-digit code must match ^\d{8}[2-9][0-4]$: name the position that breaks it. */
    private static List<Problem> tenDigitFormatProblems(String code) {
        List<Problem> problems = new ArrayList<>();
        char copies = code.charAt(8);
        if (copies < '2') {
            problems.add(new Problem(FIELD, "INVALID_FORMAT",
                    "Position 9 of a 10-digit invoice code (number of copies) must be 2-9, got " + copies));
        }
        char version = code.charAt(9);
        if (version > '4') {
            problems.add(new Problem(FIELD, "INVALID_FORMAT",
                    "Position 10 of a 10-digit invoice code (amount version) must be 0-4, got " + version));
        }
        return problems;
    }
}
