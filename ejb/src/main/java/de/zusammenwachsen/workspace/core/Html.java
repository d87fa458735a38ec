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

    /**
     * Characters {@code from} to {@code to} of the text, escaped, appended to {@code out}. The text between the
     * characters to escape is appended in runs: a thread page escapes some 2,000 names, links and dates, and
     * appending them character by character was a twentieth of its CPU time (JFR).
     */
    public static void escape(CharSequence text, int from, int to, StringBuilder out) {
        int run = from;
        for (int i = from; i < to; i++) {
            String entity = switch (text.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                out.append(text, run, i).append(entity);
                run = i + 1;
            }
        }
        out.append(text, run, to);
    }
}
