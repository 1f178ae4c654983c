package dev.labforge.diagram;

/**
 * Writes indented XML, escaping every attribute value and text on the way out. All user-supplied text
 * (lab, node, image and interface names) reaches the document through here and nowhere else.
 */
final class SvgWriter {

    private final StringBuilder out = new StringBuilder(16_384);
    private int depth;

    SvgWriter() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    }

    /** Opens an element; {@code attributes} alternate names and values, and null values are left out. */
    SvgWriter open(String name, String... attributes) {
        start(name, attributes);
        out.append(">\n");
        depth++;
        return this;
    }

    SvgWriter close(String name) {
        depth--;
        indent();
        out.append("</").append(name).append(">\n");
        return this;
    }

    SvgWriter leaf(String name, String... attributes) {
        start(name, attributes);
        out.append("/>\n");
        return this;
    }

    SvgWriter text(String name, String content, String... attributes) {
        start(name, attributes);
        out.append('>');
        escape(content, out);
        out.append("</").append(name).append(">\n");
        return this;
    }

    String finish() {
        return out.toString();
    }

    /** Diagram units to one decimal: a tenth of a pixel is below what anyone sees, and keeps the file small. */
    static String num(double value) {
        long tenths = Math.round(value * 10);
        if (tenths == 0) {
            return "0";
        }
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + (abs % 10 == 0 ? "" : "." + abs % 10);
    }

    /** A point as path data and transforms want it: x and y separated by a space. */
    static String point(Vec p) {
        return num(p.x()) + " " + num(p.y());
    }

    private void start(String name, String... attributes) {
        indent();
        out.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1], out);
                out.append('"');
            }
        }
    }

    private void indent() {
        out.append("  ".repeat(Math.max(0, depth)));
    }

    /**
     * Escapes markup characters, and replaces what XML 1.0 cannot carry at all (control characters, lone
     * surrogates) with U+FFFD: one stray byte in a node name must not make the whole picture unreadable.
     */
    static void escape(String text, StringBuilder to) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> to.append("&amp;");
                case '<' -> to.append("&lt;");
                case '>' -> to.append("&gt;");
                case '"' -> to.append("&quot;");
                case '\'' -> to.append("&apos;");
                case '\t', '\n', '\r' -> to.append("&#").append((int) c).append(';');
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        to.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        to.append('\uFFFD');
                    } else {
                        to.append(c);
                    }
                }
            }
        }
    }

    static String escape(String text) {
        StringBuilder to = new StringBuilder(text.length() + 16);
        escape(text, to);
        return to.toString();
    }
}
