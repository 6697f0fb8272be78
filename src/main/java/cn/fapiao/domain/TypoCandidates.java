package cn.fapiao.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The digit strings a user probably meant when they typed {@code typed}: one digit wrong, two
 * adjacent digits swapped, one digit missing or one extra. Generated so that the few hundred
 * candidates can be looked up with one indexed query instead of scanning for similar numbers.
 */
public final class TypoCandidates {

    /** How a candidate differs from what was typed; the order is the likelihood, most likely first. */
    public enum Kind { ADJACENT_DIGITS_SWAPPED, ONE_DIGIT_WRONG, ONE_DIGIT_MISSING, ONE_DIGIT_EXTRA }

    /** A candidate and where it differs (1-based position in the candidate). */
    public record Candidate(String value, Kind kind, int position) {
    }

    private TypoCandidates() {
    }

    /** Candidates of the wanted length (e.g. 20 for a digital number); the typed value itself is not among them. */
    public static List<Candidate> of(String typed, int wantedLength) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        if (typed == null || !typed.matches("\\d+")) {
            return List.of();
        }
        int length = typed.length();
        if (length == wantedLength) {
            for (int i = 0; i + 1 < length; i++) {
                if (typed.charAt(i) != typed.charAt(i + 1)) {
                    char[] swapped = typed.toCharArray();
                    swapped[i] = typed.charAt(i + 1);
                    swapped[i + 1] = typed.charAt(i);
                    add(candidates, new String(swapped), Kind.ADJACENT_DIGITS_SWAPPED, i + 1);
                }
            }
            for (int i = 0; i < length; i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != typed.charAt(i)) {
                        add(candidates, typed.substring(0, i) + d + typed.substring(i + 1), Kind.ONE_DIGIT_WRONG, i + 1);
                    }
                }
            }
        } else if (length == wantedLength - 1) {
            for (int i = 0; i <= length; i++) {
                for (char d = '0'; d <= '9'; d++) {
                    add(candidates, typed.substring(0, i) + d + typed.substring(i), Kind.ONE_DIGIT_MISSING, i + 1);
                }
            }
        } else if (length == wantedLength + 1) {
            for (int i = 0; i < length; i++) {
                add(candidates, typed.substring(0, i) + typed.substring(i + 1), Kind.ONE_DIGIT_EXTRA, i + 1);
            }
        }
        candidates.remove(typed);
        return new ArrayList<>(candidates.values());
    }

    private static void add(Map<String, Candidate> candidates, String value, Kind kind, int position) {
        candidates.putIfAbsent(value, new Candidate(value, kind, position));
    }
}
