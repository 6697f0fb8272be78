package cn.fapiao.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTokensTest {

    @Test
    void chineseBecomesCharacterPairs() {
        assertEquals(Set.of("发票", "票丢", "丢失"), SearchTokens.of("发票丢失"));
    }

    @Test
    void mixedTextAndPunctuation() {
        assertEquals(Set.of("怎么", "么查", "查验", "pdf", "发票"), SearchTokens.of("怎么查验？PDF 发票!"));
        assertEquals(Set.of("票"), SearchTokens.of("票"));
        assertEquals(Set.of("invoice", "missing"), SearchTokens.of("Invoice  MISSING a"));
    }

    @Test
    void hugeTextIsCut() {
        assertEquals(SearchTokens.MAX_TOKENS, SearchTokens.of("发票".repeat(10) + "中华人民共和国国家税务总局".repeat(10_000) + " abc def").size()
                <= SearchTokens.MAX_TOKENS ? SearchTokens.MAX_TOKENS : -1);
        assertTrue(SearchTokens.of("x".repeat(1_000_000)).size() <= 1);
    }
}
