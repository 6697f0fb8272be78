package cn.fapiao.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The tokens a knowledge-base search matches on. Chinese has no spaces between words, so a run of
 * CJK characters becomes its overlapping character pairs (发票丢失 → 发票, 票丢, 丢失), which finds
 * a question phrased differently without a dictionary; letters and digits become lower-case words
 * of two or more characters. Everything else separates tokens.
 */
public final class SearchTokens {

    /** Enough for any question; longer text is cut (a pasted essay must not become a huge query). */
    public static final int MAX_TOKENS = 200;

    private SearchTokens() {
    }

    public static Set<String> of(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        if (text == null) {
            return tokens;
        }
        StringBuilder word = new StringBuilder();
        int previousCjk = -1;
        for (int i = 0; i < text.length() && tokens.size() < MAX_TOKENS; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isCjk(c)) {
                flush(word, tokens);
                if (previousCjk >= 0) {
                    tokens.add(new String(Character.toChars(previousCjk)) + new String(Character.toChars(c)));
                } else if (i >= text.length() || !isCjk(text.codePointAt(i))) {
                    tokens.add(new String(Character.toChars(c))); // a lone character is its own token
                }
                previousCjk = c;
            } else {
                previousCjk = -1;
                if (Character.isLetterOrDigit(c)) {
                    word.appendCodePoint(Character.toLowerCase(c));
                } else {
                    flush(word, tokens);
                }
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, Set<String> tokens) {
        if (word.length() >= 2 && tokens.size() < MAX_TOKENS) {
            tokens.add(word.toString().toLowerCase(Locale.ROOT));
        }
        word.setLength(0);
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
