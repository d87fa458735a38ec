package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.core.Html;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML alternative of our mails: one frame for all of them, and for mails written as plain text (invitations,
 * minutes, reminders) the same text as HTML, so that a mail client that shows HTML shows it readably and with
 * working links instead of falling back to a raw text part.
 */
public final class MailHtml {

    /** A link in our plain texts: always absolute, ended by white space (the texts put nothing right after one). */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    /** The signature separator of our plain texts (RFC 3676): what follows is the footer. */
    private static final String SIGNATURE = "\n-- \n";

    private MailHtml() {
    }

    /**
     * The plain text as HTML: paragraphs at blank lines, line breaks kept, links clickable, everything escaped; the
     * part after the signature separator in small print below a rule.
     */
    public static String of(Locale locale, String title, String plainText) {
        String text = plainText == null ? "" : plainText.replace("\r\n", "\n");
        int signature = text.indexOf(SIGNATURE);
        String main = signature < 0 ? text : text.substring(0, signature);
        StringBuilder html = open(locale, title);
        for (String paragraph : main.strip().split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>");
                lines(paragraph.strip(), html);
                html.append("</p>\n");
            }
        }
        if (signature >= 0) {
            html.append("<hr>\n<p style=\"font-size:85%;color:#444\">");
            lines(text.substring(signature + SIGNATURE.length()).strip(), html);
            html.append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** The start of every mail's HTML, up to the opened body. */
    static StringBuilder open(Locale locale, String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(Html.escape(title))
                .append("</title></head>\n<body style=\"font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40rem\">\n");
    }

    /** The footer line and the end of the document. */
    static void close(StringBuilder html, String footer) {
        html.append("<p style=\"font-size:85%;color:#444\">").append(Html.escape(footer)).append("</p>\n</body></html>\n");
    }

    private static void lines(String paragraph, StringBuilder html) {
        String[] lines = paragraph.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                html.append("<br>\n");
            }
            linked(lines[i], html);
        }
    }

    private static void linked(String line, StringBuilder html) {
        Matcher link = LINK.matcher(line);
        int at = 0;
        while (link.find()) {
            Html.escape(line, at, link.start(), html);
            String url = trimPunctuation(link.group());
            String href = Html.escape(url);
            html.append("<a href=\"").append(href).append("\">").append(href).append("</a>");
            at = link.start() + url.length();
        }
        Html.escape(line, at, line.length(), html);
    }

    /** A sentence's full stop or closing bracket after a link is not part of it. */
    private static String trimPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)»“\"'".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
