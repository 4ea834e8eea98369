package dev.pollsim.report.markup;

/**
 * Escapes text for XML 1.0 and HTML alike: the five special characters become references, and
 * characters XML cannot hold at all (most control characters, lone surrogates, U+FFFE and U+FFFF)
 * become {@code U+FFFD}, so that any label or message gives a well-formed document.
 */
public final class Markup {

    private Markup() {}

    /** Text escaped for an element's content or a double- or single-quoted attribute. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        b.append(c);
                    } else {
                        b.append('\uFFFD');
                    }
            }
        }
        return b.toString();
    }

    /** Text for an attribute: escaped, with line breaks and tabs kept as character references. */
    public static String attribute(String text) {
        return escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
