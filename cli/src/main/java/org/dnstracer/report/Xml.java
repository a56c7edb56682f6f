package org.dnstracer.report;

/** Escaping for text and attribute values of HTML and SVG: server data may hold any character. */
final class Xml {
    private Xml() {}

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters are not allowed in XML 1.0 documents: show them as U+FFFD
                    out.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
                }
            }
        }
        return out.toString();
    }
}
