package de.zusammenwachsen.workspace.discussion.entity;

/**
 * A Markdown text as written, its sanitized HTML, its plain text (for excerpts and e-mails), and the version of the
 * rendering rules that produced the HTML.
 */
public record RenderedText(String markdown, String html, String plain, int rules) {

    public String excerpt(int max) {
        String flat = plain == null ? "" : plain.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
