package de.zusammenwachsen.workspace.search.control;

import java.util.regex.Pattern;

/**
 * Markdown (posts, minutes notes, Markdown documents) as plain text for the passages of hits: a reader wants to see
 * "Quendelwiesen pflegen", not "# **Quendelwiesen** pflegen". Only the marks are removed; the words stay.
 */
final class PlainText {

    private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern LINE_MARKS = Pattern.compile("(?m)^[ \\t]*(#{1,6}[ \\t]+|>[ \\t]?|[-*+][ \\t]+|\\d+\\.[ \\t]+)");
    private static final Pattern RULES_AND_FENCES = Pattern.compile("(?m)^[ \\t]*(-{3,}|\\*{3,}|_{3,}|`{3,}.*|\\|?[ \\t]*:?-{3,}.*)$");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|~~|`)");
    private static final Pattern PIPES = Pattern.compile("[ \\t]*\\|[ \\t]*");
    private static final Pattern BLANKS = Pattern.compile("[ \\t]{2,}");

    private PlainText() {
    }

    static String of(String markdown) {
        if (markdown == null) {
            return null;
        }
        String text = IMAGE_OR_LINK.matcher(markdown).replaceAll("$1");
        text = RULES_AND_FENCES.matcher(text).replaceAll("");
        text = LINE_MARKS.matcher(text).replaceAll("");
        text = EMPHASIS.matcher(text).replaceAll("");
        text = PIPES.matcher(text).replaceAll(" ");
        return BLANKS.matcher(text).replaceAll(" ");
    }
}
