package cn.fapiao.common.graphql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which characters text may hold: those XML 1.0 can carry (the rest of the guard is in {@code InputGuardTest}). */
class InputGuardCharactersTest {

    @Test
    void textIsCarriableWhereXmlCanCarryIt() {
        for (int c : new int[] {'\t', '\n', '\r', ' ', 'a', 0x4E2D, 0xD7FF, 0xE000, 0xFFFD, 0x1F600, 0x10FFFF}) {
            assertEquals(true, InputGuard.carriable(c), () -> Integer.toHexString(c));
        }
        for (int c : new int[] {0, 1, 0x0B, 0x0C, 0x1B, 0x1F, 0xD800, 0xDFFF, 0xFFFE, 0xFFFF}) {
            assertEquals(false, InputGuard.carriable(c), () -> Integer.toHexString(c));
        }
    }
}
