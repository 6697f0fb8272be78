package cn.fapiao.export.format;

/**
 * Text cells made safe for spreadsheet programs (CSV/formula injection): a cell starting with
 * {@code = + - @}, a tab or a carriage return is read by Excel, WPS and LibreOffice as a formula
 * (e.g. a buyer named {@code =HYPERLINK(...)}), so such text gets a leading apostrophe, as OWASP
 * recommends; the program then shows it as text. Only TEXT cells pass here: numbers are written as
 * numbers, so a negative amount stays a number.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }
}
