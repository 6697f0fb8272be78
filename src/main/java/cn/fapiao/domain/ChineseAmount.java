package cn.fapiao.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Writes an amount in Chinese capital numerals (大写金额), as printed next to the total on an
 * invoice, where they make the figure hard to alter.
 */
public final class ChineseAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    /** Units inside a four-digit section, by position from the right. */
    private static final String[] SECTION_UNITS = {"", "拾", "佰", "仟"};
    /** Units of the four-digit sections, from the right: ones, 万, 亿, 万亿. */
    private static final String[] SECTION_NAMES = {"", "万", "亿", "万亿"};
    private static final String NEGATIVE_PREFIX = "（负数）";
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(4 * SECTION_NAMES.length);

    private ChineseAmount() {
    }

    /**
     * The amount in capitals, rounded to fen (2 decimals, HALF_UP): 1409.50 → 壹仟肆佰零玖元伍角,
     * 0 → 零元整, −1409.50 → （负数）壹仟肆佰零玖元伍角.
     *
     * @throws IllegalArgumentException for 10^16 or more, far beyond any invoice (numeric(14,2))
     */
    public static String inWords(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        BigDecimal magnitude = rounded.abs();
        if (magnitude.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount too large to write in capitals: " + amount.toPlainString());
        }
        long yuan = magnitude.longValue();
        int fen = magnitude.movePointRight(2).remainder(BigDecimal.valueOf(100)).intValue();
        int jiao = fen / 10;
        fen = fen % 10;

        StringBuilder out = new StringBuilder();
        if (rounded.signum() < 0) {
            out.append(NEGATIVE_PREFIX);
        }
        if (yuan == 0 && jiao == 0 && fen == 0) {
            return out.append("零元整").toString();
        }
        if (yuan > 0) {
            out.append(integerWords(yuan)).append('元');
            if (jiao == 0 && fen == 0) {
                return out.append('整').toString();
            }
            if (jiao == 0) {
                // 元零X分: the 零 stands for the missing 角, so nobody can insert one.
                return out.append('零').append(DIGITS.charAt(fen)).append('分').toString();
            }
        }
        // Below one yuan there is nothing before 角/分 to separate, so no leading 零元 or 零.
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append('角');
        }
        if (fen > 0) {
            out.append(DIGITS.charAt(fen)).append('分');
        }
        return out.toString();
    }

    /** Writes a positive integer section by section (万, 亿), with one 零 for each run of zeros between non-zero digits. */
    private static String integerWords(long value) {
        int[] sections = new int[SECTION_NAMES.length];
        for (int i = 0; i < sections.length; i++) {
            sections[i] = (int) (value % 10_000);
            value /= 10_000;
        }
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        for (int i = sections.length - 1; i >= 0; i--) {
            int section = sections[i];
            if (section == 0) {
                zeroPending = out.length() > 0;
                continue;
            }
            // A section below 1000 after a higher one starts with zeros: 壹万零贰拾, not 壹万贰拾.
            if (out.length() > 0 && (zeroPending || section < 1000)) {
                out.append('零');
            }
            out.append(sectionWords(section)).append(SECTION_NAMES[i]);
            zeroPending = false;
        }
        return out.toString();
    }

    /** 1..9999 in capitals without leading or trailing 零: 1409 → 壹仟肆佰零玖, 20 → 贰拾. */
    private static String sectionWords(int section) {
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        for (int position = 3; position >= 0; position--) {
            int digit = section / (int) Math.pow(10, position) % 10;
            if (digit == 0) {
                zeroPending = out.length() > 0;
            } else {
                if (zeroPending) {
                    out.append('零');
                    zeroPending = false;
                }
                out.append(DIGITS.charAt(digit)).append(SECTION_UNITS[position]);
            }
        }
        return out.toString();
    }
}
