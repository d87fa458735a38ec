package de.zusammenwachsen.workspace.search.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens a highlighted passage to a readable length around its first match. Lucene's unified highlighter returns
 * whole sentences, and a sentence of a law can run to a page. The passage is escaped HTML with {@code <mark>}
 * elements; it is cut only at spaces, which never fall inside an entity or a tag, and marks are kept whole.
 */
public final class Passages {

    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");
    static final String ELLIPSIS = "…";

    private Passages() {
    }

    /** At most about {@code length} characters of text: some before the first match, the rest after it. */
    public static String around(String passage, int length) {
        if (passage == null || passage.isBlank()) {
            return null;
        }
        Matcher first = MARK.matcher(passage);
        if (!first.find()) {
            return cutAfter(passage, length);
        }
        String before = passage.substring(0, first.start());
        int lead = length / 4;
        String head = before;
        boolean cutBefore = false;
        if (before.length() > lead) {
            int space = before.indexOf(' ', before.length() - lead);
            head = space < 0 ? "" : before.substring(space + 1);
            cutBefore = true;
        }
        String rest = passage.substring(first.start());
        String tail = cutAfter(rest, length - head.length());
        return (cutBefore ? ELLIPSIS + " " : "") + head + tail;
    }

    /** The start of the text up to about {@code length} characters, never cutting a mark or an entity. */
    private static String cutAfter(String html, int length) {
        if (html.length() <= length) {
            return html;
        }
        int cut = html.lastIndexOf(' ', Math.max(0, length));
        if (cut <= 0) {
            cut = html.indexOf(' ', length);
            if (cut < 0) {
                return html;
            }
        }
        String kept = html.substring(0, cut);
        int open = kept.lastIndexOf("<mark>");
        if (open > kept.lastIndexOf("</mark>")) {
            int close = html.indexOf("</mark>", open);
            kept = html.substring(0, close + "</mark>".length());
        }
        return kept + " " + ELLIPSIS;
    }
}
