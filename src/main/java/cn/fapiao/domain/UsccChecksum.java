package cn.fapiao.domain;

import java.util.Optional;

/**
 * The check character of a Unified Social Credit Code (统一社会信用代码, GB 32100-2015):
 * a weighted sum mod 31 over the first 17 characters. Expects upper-case input;
 * {@link TaxIdValidator} normalises user input first.
 */
public final class UsccChecksum {

    /** Index = character value. I, O, Z, S, V are left out because they look like 1, 0, 2, 5, U. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** 3^(i-1) mod 31. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UsccChecksum() {
    }

    /** True for an 18-character code from the USCC charset whose last character is the right check character. */
    public static boolean isValid(String uscc) {
        if (uscc == null || uscc.length() != 18) {
            return false;
        }
        return expectedCheckCharacter(uscc.substring(0, 17))
                .map(expected -> expected == uscc.charAt(17))
                .orElse(false);
    }

    /** The check character for these 17 characters; empty unless they are exactly 17 charset characters. */
    public static Optional<Character> expectedCheckCharacter(String first17) {
        if (first17 == null || first17.length() != WEIGHTS.length) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            sum += value * WEIGHTS[i];
        }
        // The outer mod maps a remainder of 0 to check value 0 instead of the non-existent index 31.
        int check = (31 - sum % 31) % 31;
        return Optional.of(CHARSET.charAt(check));
    }
}
