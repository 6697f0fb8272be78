package cn.fapiao.domain;

import cn.fapiao.domain.TypoCandidates.Candidate;
import cn.fapiao.domain.TypoCandidates.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypoCandidatesTest {

    private static final String NUMBER = "24112000000135114086";

    @ParameterizedTest
    @CsvSource({
            "24112000000135114087, ONE_DIGIT_WRONG, 20",
            "24112000000135110486, ADJACENT_DIGITS_SWAPPED, 17",
            "2411200000013511408, ONE_DIGIT_MISSING, 20",
            "241120000001351140866, ONE_DIGIT_EXTRA, 21",
            "34112000000135114086, ONE_DIGIT_WRONG, 1"
    })
    void findsWhatTheUserMeant(String typed, Kind kind, int position) {
        Candidate meant = TypoCandidates.of(typed, 20).stream().filter(c -> c.value().equals(NUMBER)).findFirst().orElseThrow();
        assertEquals(kind, meant.kind());
        if (kind != Kind.ONE_DIGIT_MISSING && kind != Kind.ONE_DIGIT_EXTRA) {
            assertEquals(position, meant.position());
        }
    }

    @Test
    void keepsTheCandidateCountSmallAndExcludesTheTypedValue() {
        List<Candidate> candidates = TypoCandidates.of(NUMBER, 20);
        assertTrue(candidates.size() <= 20 * 9 + 19, "got " + candidates.size());
        assertTrue(candidates.stream().noneMatch(c -> c.value().equals(NUMBER)));
        assertTrue(candidates.stream().allMatch(c -> c.value().length() == 20));
        List<Candidate> shorter = TypoCandidates.of("241120000001351140866", 20);
        assertEquals(shorter.size(), shorter.stream().map(Candidate::value).distinct().count());
        assertTrue(shorter.size() <= 21);
    }

    @Test
    void nothingForGarbageOrFarLengths() {
        assertEquals(List.of(), TypoCandidates.of("12ab", 20));
        assertEquals(List.of(), TypoCandidates.of("123", 20));
        assertEquals(List.of(), TypoCandidates.of(null, 20));
    }
}
