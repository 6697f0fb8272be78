package cn.fapiao.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decodes a fully digital invoice number (数电票, 20 digits, no invoice code) into its year,
 * issuing province, channel and sequence. Surrounding whitespace is ignored.
 */
public final class DigitalNumberDecoder {

    private static final String FIELD = "number";
    private static final int LEGACY_LENGTH = 8;

    private DigitalNumberDecoder() {
    }

    public static DecodedDigitalNumber decode(String number) {
        String stripped = number == null ? null : number.strip();
        List<Problem> problems = DigitRule.check(stripped, FIELD, "A fully digital invoice number", 20)
                .stream()
                .map(problem -> withLegacyHint(problem, stripped))
                .collect(Collectors.toCollection(ArrayList::new));
        if (!problems.isEmpty()) {
            return new DecodedDigitalNumber(stripped, false, problems, null, null, null, null, null);
        }
        String provinceCode = stripped.substring(2, 4);
        Region region = Regions.province(provinceCode).orElse(null);
        if (region == null) {
            problems.add(new Problem(FIELD, "UNKNOWN_REGION",
                    "Digits 3-4 of the invoice number (" + provinceCode + ") are not a known province code"));
        }
        return new DecodedDigitalNumber(stripped, problems.isEmpty(), problems,
                2000 + Integer.parseInt(stripped.substring(0, 2)), provinceCode, region,
                stripped.substring(4, 5), stripped.substring(5));
    }

    /** People often type a legacy 8-digit number here; tell them what it needs instead. */
    private static Problem withLegacyHint(Problem problem, String value) {
        if (problem.code().equals("INVALID_LENGTH") && value.length() == LEGACY_LENGTH) {
            return new Problem(problem.field(), problem.code(), problem.message()
                    + "; an 8-digit number is a legacy invoice number and must be given with its invoice code");
        }
        return problem;
    }
}
