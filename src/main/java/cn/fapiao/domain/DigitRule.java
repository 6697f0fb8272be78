package cn.fapiao.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The shape shared by invoice identifiers (codes, numbers, check codes): present, digits only,
 * one of a few allowed lengths. Kept in one place so every identifier reports the same
 * problem codes with the same wording.
 */
final class DigitRule {

    /** Listing every bad character of a long paste helps nobody; the first few locate the typo. */
    private static final int MAX_LISTED_CHARACTERS = 5;

    private DigitRule() {
    }

    /**
     * @param value   the already stripped value, may be null
     * @param field   field name for the problems
     * @param label   what the value is, starting with a capital, e.g. "Invoice code"
     * @param lengths allowed lengths, ascending
     * @return REQUIRED alone when missing, otherwise any INVALID_CHARACTERS and INVALID_LENGTH
     */
    static List<Problem> check(String value, String field, String label, int... lengths) {
        List<Problem> problems = new ArrayList<>();
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "REQUIRED", label + " is required"));
            return problems;
        }
        List<Integer> bad = IntStream.range(0, value.length())
                .filter(i -> !isAsciiDigit(value.charAt(i)))
                .boxed()
                .toList();
        if (!bad.isEmpty()) {
            String listed = bad.stream()
                    .limit(MAX_LISTED_CHARACTERS)
                    .map(i -> "'" + value.charAt(i) + "' at position " + (i + 1))
                    .collect(Collectors.joining(", "));
            String more = bad.size() > MAX_LISTED_CHARACTERS ? " and " + (bad.size() - MAX_LISTED_CHARACTERS) + " more" : "";
            problems.add(new Problem(field, "INVALID_CHARACTERS",
                    label + " must contain only digits, found " + listed + more));
        }
        if (IntStream.of(lengths).noneMatch(length -> length == value.length())) {
            problems.add(new Problem(field, "INVALID_LENGTH",
                    label + " must have " + describe(lengths) + " digits, got " + value.length()));
        }
        return problems;
    }

    /** Only ASCII digits: Character.isDigit would also accept full-width and other scripts' digits. */
    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isDigits(String value) {
        return value != null && !value.isEmpty() && value.chars().allMatch(c -> isAsciiDigit((char) c));
    }

    private static String describe(int... lengths) {
        if (lengths.length == 1) {
            return Integer.toString(lengths[0]);
        }
        String head = IntStream.of(lengths).limit(lengths.length - 1L)
                .mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return head + " or " + lengths[lengths.length - 1];
    }
}
