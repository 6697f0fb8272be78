package cn.fapiao.export.format;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Chinese font bundled in the jar ({@code fonts/wqy-microhei.ttc}, WenQuanYi Micro Hei, Apache 2.0, see
 * {@code fonts/README.md}), for files that must render anywhere: PDFs embed a subset of it, SVG
 * charts draw their text with its outlines. It has Latin letters and digits too, so one font draws
 * every character. Never a font of the machine the server runs on.
 */
public final class ChineseFont {

    private static final String RESOURCE = "/fonts/wqy-microhei.ttc";

    private ChineseFont() {
    }

    /** The font collection file (5 MB, read once); its first font is WenQuanYi Micro Hei. */
    public static byte[] bytes() {
        return Holder.BYTES;
    }

    /** The font for Java 2D at {@code size} points. */
    public static Font awt(int style, float size) {
        return Holder.AWT.deriveFont(style, size);
    }

    private static final class Holder {
        static final byte[] BYTES = read();
        static final Font AWT = create();

        private static byte[] read() {
            try (InputStream in = ChineseFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing font resource " + RESOURCE);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Font create() {
            try {
                return Font.createFonts(new java.io.ByteArrayInputStream(BYTES))[0];
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("Cannot read " + RESOURCE, e);
            }
        }
    }
}
