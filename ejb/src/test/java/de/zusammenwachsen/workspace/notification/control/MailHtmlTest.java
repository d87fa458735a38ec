package de.zusammenwachsen.workspace.notification.control;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailHtmlTest {

    private static final String INVITATION = "Hallo Max,\n\ndie Gruppe „Radwege <Leipzig>“ lädt Sie ein:\n\n"
            + "Treffen & Plan\nMittwoch, 2. Dezember 2026, 18:30 bis 20:00\n\n"
            + "Zur Seite des Treffens: https://revier.example/groups/meeting.xhtml?id=42.\n\n-- \n"
            + "ZusammenWachsen – Engagiert im Revier\nhttps://revier.example";

    @Test
    void paragraphsLineBreaksAndTheFooterBelowARule() {
        String html = MailHtml.of(Locale.GERMAN, "Einladung", INVITATION);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"de\">"), html);
        assertTrue(html.contains("<p>Hallo Max,</p>"), html);
        assertTrue(html.contains("<p>Treffen &amp; Plan<br>\nMittwoch, 2. Dezember 2026, 18:30 bis 20:00</p>"), html);
        assertTrue(html.contains("<hr>\n<p style=\"font-size:85%;color:#444\">ZusammenWachsen – Engagiert im Revier<br>\n"
                + "<a href=\"https://revier.example\">https://revier.example</a></p>"), html);
        assertTrue(html.endsWith("</body></html>\n"), html);
        assertFalse(html.contains("-- "), "the separator itself is not shown");
    }

    @Test
    void linksAreClickableWithoutTheSentencesFullStop() {
        String html = MailHtml.of(Locale.GERMAN, "Einladung", INVITATION);
        assertTrue(html.contains("<a href=\"https://revier.example/groups/meeting.xhtml?id=42\">"
                + "https://revier.example/groups/meeting.xhtml?id=42</a>.</p>"), html);
    }

    @Test
    void everythingFromUsersIsEscaped() {
        String html = MailHtml.of(Locale.ENGLISH, "<script>alert(1)</script>",
                "Title: <img src=x onerror=alert(1)>\n\nhttps://x.example/?a=\"><script>");
        assertTrue(html.contains("<html lang=\"en\">"), html);
        assertTrue(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"), html);
        assertTrue(html.contains("Title: &lt;img src=x onerror=alert(1)&gt;"), html);
        assertFalse(html.contains("<script>") || html.contains("<img"), html);
        // The link stops before the quote; the rest is text.
        assertTrue(html.contains("<a href=\"https://x.example/?a=\">https://x.example/?a=</a>&quot;&gt;&lt;script&gt;"), html);
    }

    @Test
    void aTextWithoutFooterOrContent() {
        assertEquals("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"UTF-8\"><title>Leer</title></head>\n"
                + "<body style=\"font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40rem\">\n"
                + "</body></html>\n", MailHtml.of(Locale.GERMAN, "Leer", null));
    }
}
