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
 * tickets) and a check character (ISO 7064 MOD 37,36 over prefix, date and sequence). The check
 * character catches every single mistyped character and every swap of two neighbours, so a
 * mistyped number is told apart from one that does not exist. Hyphens, spaces and case are
 * ignored when reading one back.
 */
public record TrackingNumber(LocalDate day, long sequence) {

    public static final String PREFIX = "FB";
    private static final Pattern FORM = Pattern.compile(PREFIX + "(\\d{2})(\\d{2})(\\d{2})(\\d{5,12})([0-9A-Z])");
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
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
        if (checkCharacter(payload) != compact.charAt(compact.length() - 1)) {
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

    /** ISO 7064 MOD 37,36 (hybrid system) over digits and capital letters. */
    static char checkCharacter(String payload) {
        int p = 36;
        for (int i = 0; i < payload.length(); i++) {
            int s = (p + ALPHABET.indexOf(payload.charAt(i))) % 36;
            p = ((s == 0 ? 36 : s) * 2) % 37;
        }
        return ALPHABET.charAt((37 - p) % 36);
    }
}
