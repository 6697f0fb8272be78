package cn.fapiao.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feedback ticket's tracking number, e.g. {@code FB-261130-00042-7}: the prefix, the day of
 * submission in Asia/Shanghai (yyMMdd), that day's sequence (five digits, more when a day has more
 * tickets) and a check character. The check is a pure system modulo the prime 29 with radix 2 (as
 * ISO 7064's pure systems, e.g. MOD 11-2): weights 2^k are distinct and invertible mod 29, so every
 * single mistyped character and every swap of two neighbours, the check character included, is
 * caught, and a mistyped number is told apart from one that does not exist. Its 29 symbols are the
 * digits and 19 letters that cannot be mistaken for digits (no I, O, S, Z, B) or each other. Hyphens,
 * spaces and case are ignored when reading one back.
 */
public record TrackingNumber(LocalDate day, long sequence) {

    public static final String PREFIX = "FB";
    private static final Pattern FORM = Pattern.compile(PREFIX + "(\\d{2})(\\d{2})(\\d{2})(\\d{5,12})([0-9A-Z])");
    /** The check character's symbols, value 0 to 28. */
    private static final String CHECK_SYMBOLS = "0123456789ACDEFGHJKLMNPRTUVWX";
    private static final int MODULUS = 29;
    /** Longer than any tracking number: longer input is refused before it is looked at. */
    public static final int MAX_TEXT_LENGTH = 40;

    public TrackingNumber {
        if (sequence < 1 || day.getYear() < 2000 || day.getYear() > 2099) {
            throw new IllegalArgumentException("sequence from 1, a day in 2000-2099");
        }
    }

    /** The canonical text, e.g. {@code FB-261130-00042-7}. */
    public String text() {
        String date = String.format(Locale.ROOT, "%02d%02d%02d", day.getYear() % 100, day.getMonthValue(), day.getDayOfMonth());
        String number = String.format(Locale.ROOT, "%05d", sequence);
        return PREFIX + "-" + date + "-" + number + "-" + checkCharacter(PREFIX + date + number);
    }

    @Override
    public String toString() {
        return text();
    }

    /** The number typed, or empty when it is malformed (wrong form, impossible date, wrong check character). */
    public static Optional<TrackingNumber> parse(String typed) {
        if (typed == null || typed.length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        String compact = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        Matcher m = FORM.matcher(compact);
        if (!m.matches()) {
            return Optional.empty();
        }
        String payload = compact.substring(0, compact.length() - 1);
        if (CHECK_SYMBOLS.indexOf(compact.charAt(compact.length() - 1)) < 0 || checkCharacter(payload) != compact.charAt(compact.length() - 1)) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.of(2000 + Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            long sequence = Long.parseLong(m.group(4));
            return sequence < 1 ? Optional.empty() : Optional.of(new TrackingNumber(day, sequence));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The symbol c with (Σ v_i·2^(n+1-i) + c) ≡ 0 (mod 29) over the payload's characters (digits
     * their value, letters of the prefix their position in the alphabet from 10).
     */
    static char checkCharacter(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            sum = ((sum + Character.digit(payload.charAt(i), 36)) * 2) % MODULUS;
        }
        return CHECK_SYMBOLS.charAt((MODULUS - sum) % MODULUS);
    }
}
