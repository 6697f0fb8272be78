package cn.fapiao.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates a taxpayer ID (纳税人识别号) as printed on invoices: an 18-character Unified Social
 * Credit Code with its checksum, or an older 15/17/20-character ID accepted without one.
 * The input is stripped and upper-cased first, because people type and paste IDs in lower case
 * and with spaces, while the national systems only know upper case.
 */
public final class TaxIdValidator {

    private static final String FIELD = "taxId";
    private static final String NEVER_USED = "IOZSV";

    private TaxIdValidator() {
    }

    public static TaxIdValidation validate(String taxId) {
        String id = taxId == null ? null : taxId.strip().toUpperCase(Locale.ROOT);
        if (id == null || id.isEmpty()) {
            return new TaxIdValidation(id, TaxIdKind.INVALID, false,
                    List.of(new Problem(FIELD, "REQUIRED", "Taxpayer ID is required")),
                    null, null, null, null, null);
        }
        return switch (id.length()) {
            case 18 -> validateUscc(id);
            case 15, 17, 20 -> validateLegacy(id);
            default -> new TaxIdValidation(id, TaxIdKind.INVALID, false,
                    List.of(new Problem(FIELD, "INVALID_LENGTH", "Taxpayer ID must have 18 characters"
                            + " (unified social credit code) or 15, 17 or 20 (older IDs), got " + id.length())),
                    null, null, null, null, null);
        };
    }

    private static TaxIdValidation validateUscc(String id) {
        List<Problem> problems = new ArrayList<>();
        List<String> badCharacters = new ArrayList<>();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (UsccChecksum.CHARSET.indexOf(c) < 0) {
                badCharacters.add("position " + (i + 1) + ": '" + c + "' is not allowed" + (NEVER_USED.indexOf(c) >= 0
                        ? " (I, O, Z, S, V are never used)"
                        : " (only digits and the letters A-Y without I, O, S, V)"));
            }
        }
        if (!badCharacters.isEmpty()) {
            problems.add(new Problem(FIELD, "INVALID_CHARACTERS",
                    "Unified social credit code has invalid characters: " + String.join("; ", badCharacters)));
        }
        // Even with a bad last character the first 17 can tell the user what the check should be.
        Character expected = UsccChecksum.expectedCheckCharacter(id.substring(0, 17)).orElse(null);
        Character reportedExpected = null;
        if (expected != null && expected != id.charAt(17)) {
            reportedExpected = expected;
            problems.add(new Problem(FIELD, "INVALID_CHECKSUM", "Unified social credit code checksum fails:"
                    + " check character should be " + expected + ", got " + id.charAt(17)));
        }
        String divisionCode = id.substring(2, 8);
        return new TaxIdValidation(id, TaxIdKind.USCC, problems.isEmpty(), problems,
                UsccCategories.authority(id.charAt(0)),
                UsccCategories.organisationType(id.charAt(0), id.charAt(1)),
                DigitRule.isDigits(divisionCode) ? divisionCode : null,
                regionOf(divisionCode), reportedExpected);
    }

    /** Older IDs begin with the six-digit division code of the registering tax office; no checksum exists. */
    private static TaxIdValidation validateLegacy(String id) {
        List<Problem> problems = new ArrayList<>();
        if (!id.chars().allMatch(c -> DigitRule.isAsciiDigit((char) c) || (c >= 'A' && c <= 'Z'))) {
            problems.add(new Problem(FIELD, "INVALID_CHARACTERS",
                    "Taxpayer ID may contain only digits and letters A-Z, got '" + id + "'"));
        }
        String divisionCode = id.substring(0, 6);
        return new TaxIdValidation(id, TaxIdKind.LEGACY, problems.isEmpty(), problems, null, null,
                DigitRule.isDigits(divisionCode) ? divisionCode : null, regionOf(divisionCode), null);
    }

    private static Region regionOf(String divisionCode) {
        return Regions.find(divisionCode.substring(0, 4)).orElse(null);
    }
}
