package dev.tally.audit.chargeback.report;

/**
 * Escapes text for HTML element content and quoted attribute values (the same rules suit both, and SVG). Every
 * string from the bill — tag values, service names, the source path — goes through here: tag values are user data.
 */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
