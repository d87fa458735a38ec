package de.zusammenwachsen.workspace.core;

/** Text written into HTML we compose ourselves (mails, search passages): the characters that could start markup. */
public final class Html {

    private Html() {
    }

    /** The text escaped for element content and quoted attributes; empty for null. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        escape(value, 0, value.length(), out);
        return out.toString();
    }

    /** Characters {@code from} to {@code to} of the text, escaped, appended to {@code out}. */
    public static void escape(CharSequence text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
