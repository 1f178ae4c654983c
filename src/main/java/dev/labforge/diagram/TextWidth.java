package dev.labforge.diagram;

/**
 * Estimates how wide a text renders in a sans-serif font. The server has no fonts to measure with and the
 * viewer picks its own sans-serif, so the widths are those of DejaVu Sans, the widest common one (Linux's
 * default): boxes sized for it are a little roomy in Helvetica or Arial, and never clip a name.
 */
final class TextWidth {

    static final String ELLIPSIS = "\u2026";
    /** Advance widths of the printable ASCII characters, space to tilde, in hundredths of an em. */
    private static final int[] ASCII = {
        32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
        34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63,
        61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97,
        63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84};
    private static final double BOLD = 1.11;

    private TextWidth() {
    }

    static double of(String text, double fontSize, boolean bold) {
        double ems = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            ems += ems(cp);
            i += Character.charCount(cp);
        }
        return ems * fontSize * (bold ? BOLD : 1.0);
    }

    /** The text itself if it fits, else as many leading characters as fit followed by an ellipsis. */
    static String fit(String text, double maxWidth, double fontSize, boolean bold) {
        if (of(text, fontSize, bold) <= maxWidth) {
            return text;
        }
        double budget = maxWidth - of(ELLIPSIS, fontSize, bold);
        double scale = fontSize * (bold ? BOLD : 1.0);
        double used = 0;
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            used += ems(cp) * scale;
            if (used > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return kept.toString().strip() + ELLIPSIS;
    }

    private static double ems(int cp) {
        if (cp >= 32 && cp < 127) {
            return ASCII[cp - 32] / 100.0;
        }
        return cp < 0x2E80 ? 0.64 : 1.0; // other alphabets about as wide as digits; CJK full width
    }
}
