package cn.fapiao.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackingNumberTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void textAndParseRoundTrip() {
        for (long sequence : new long[]{1, 42, 99_999, 100_000, 123_456_789}) {
            TrackingNumber number = new TrackingNumber(LocalDate.of(2026, 11, 30), sequence);
            assertTrue(number.text().startsWith("FB-261130-"), number.text());
            assertEquals(Optional.of(number), TrackingNumber.parse(number.text()));
            assertEquals(Optional.of(number), TrackingNumber.parse(" " + number.text().toLowerCase().replace("-", " ") + " "));
        }
    }

    /** Every single mistyped character (digit or letter anywhere) makes a number that is refused, never another valid one. */
    @Test
    void everySingleSubstitutionIsMalformed() {
        for (long sequence = 1; sequence < 2000; sequence += 37) {
            String compact = new TrackingNumber(LocalDate.of(2026, 2, 28), sequence).text().replace("-", "");
            for (int i = 2; i < compact.length(); i++) {
                for (char c : ALPHABET.toCharArray()) {
                    if (c != compact.charAt(i)) {
                        String typo = compact.substring(0, i) + c + compact.substring(i + 1);
                        assertTrue(TrackingNumber.parse(typo).isEmpty(), typo + " from " + compact);
                    }
                }
            }
        }
    }

    @Test
    void everySwapOfNeighboursIsMalformed() {
        for (long sequence = 1; sequence < 5000; sequence += 7) {
            String compact = new TrackingNumber(LocalDate.of(2026, 12, 31), sequence).text().replace("-", "");
            for (int i = 2; i < compact.length() - 1; i++) {
                if (compact.charAt(i) != compact.charAt(i + 1)) {
                    String swapped = compact.substring(0, i) + compact.charAt(i + 1) + compact.charAt(i) + compact.substring(i + 2);
                    assertTrue(TrackingNumber.parse(swapped).isEmpty(), swapped + " from " + compact);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "FB", "FB-261130-0042-7", "XX-261130-00042-7", "FB-261340-00001-0", "FB-260230-00001-0",
            "FB-261130-00000-0", "FB-261130-00042-*", "FB-261130-00042-77", "ＦＢ-261130-00042-7"})
    void malformedTexts(String text) {
        assertTrue(TrackingNumber.parse(text).isEmpty(), text);
    }

    @Test
    void hugeTextIsMalformedWithoutWork() {
        assertTrue(TrackingNumber.parse("FB-" + "1".repeat(100_000)).isEmpty());
        assertTrue(TrackingNumber.parse(null).isEmpty());
    }
}
