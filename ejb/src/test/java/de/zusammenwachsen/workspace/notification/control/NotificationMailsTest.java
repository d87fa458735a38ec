package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.notification.entity.NotificationKind;
import de.zusammenwachsen.workspace.notification.entity.OutgoingMail;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notification mails as a recipient reads them: language, greeting, who did what where, the post with working
 * links, the unfollow link of the subscription the mail came through, and nothing a user wrote that could act as
 * HTML. The base URL is whatever {@link Settings#baseUrl()} says (http://localhost:8080 unless zw.base.url is set).
 */
class NotificationMailsTest {

    private static final String BASE = Settings.baseUrl();
    private static final String POST_HTML = "<p>Wir treffen uns am <a href=\"/groups/group.xhtml?slug=energie-halle\">Montag</a> "
            + "im <a href=\"https://example.com/ort\" rel=\"nofollow noopener\">Bürgerhaus</a>.</p>\n"
            + "<p><img src=\"/files/12\" alt=\"Lageplan\" /></p>";
    private static final String POST_PLAIN = "Wir treffen uns am Montag im Bürgerhaus.\nBitte Unterlagen mitbringen.";

    private static Account account(String name, Language language) {
        return new Account(name.toLowerCase().replace(' ', '.') + "@example.org", name, "hash", language);
    }

    private static WorkingGroup group() {
        return new WorkingGroup("energie-halle", "Energiewende Halle", null);
    }

    private static Subject subject(String threadTitle) {
        return new Subject(group(), 11L, threadTitle, 22L, 3, 5L, POST_PLAIN, POST_HTML);
    }

    @Test
    void instantReplyMailInGerman() {
        OutgoingMail mail = NotificationMails.instant(account("Anna Schulze", Language.DE), NotificationKind.REPLY,
                subject("Solardächer für Schulen"), "Ben Becker", "tok-123", false);
        String text = mail.getBody();
        String html = mail.getHtmlBody();
        String link = BASE + "/groups/thread.xhtml?slug=energie-halle&id=11&post=22#post-22";
        assertAll(
                () -> assertEquals("anna.schulze@example.org", mail.getRecipient()),
                () -> assertEquals("Neue Antwort in „Solardächer für Schulen“", mail.getSubject()),
                () -> assertTrue(text.startsWith("Hallo Anna Schulze,\n\n"), text),
                () -> assertTrue(text.contains("Ben Becker hat im Thema „Solardächer für Schulen“ der Gruppe "
                        + "„Energiewende Halle“ geantwortet:"), text),
                () -> assertTrue(text.contains("> Wir treffen uns am Montag im Bürgerhaus.\n> Bitte Unterlagen mitbringen."), text),
                () -> assertTrue(text.contains("Zum Beitrag: " + link), text),
                () -> assertTrue(text.contains("Sie erhalten diese E-Mail, weil Sie diesem Thema folgen."), text),
                () -> assertTrue(text.contains("Diesem Thema nicht mehr folgen: " + BASE + "/unfollow.xhtml?token=tok-123"), text),
                () -> assertTrue(text.contains("E-Mail-Einstellungen ändern: " + BASE + "/account/notifications.xhtml"), text),
                () -> assertTrue(html.contains("<html lang=\"de\">"), html),
                () -> assertTrue(html.contains("<title>Neue Antwort in „Solardächer für Schulen“</title>"), html),
                () -> assertTrue(html.contains("<p>Hallo Anna Schulze,</p>"), html),
                () -> assertTrue(html.contains("<a href=\"" + link.replace("&", "&amp;") + "\">Zum Beitrag</a>"), html),
                () -> assertTrue(html.contains("<a href=\"" + BASE + "/unfollow.xhtml?token=tok-123\">Diesem Thema nicht mehr folgen</a>"), html),
                () -> assertEquals(BASE + "/api/v1/unfollow/tok-123", mail.getUnsubscribeUrl()));
    }

    @Test
    void instantMailInEnglishForAnEnglishReader() {
        OutgoingMail mail = NotificationMails.instant(account("Ada Lovelace", Language.EN), NotificationKind.MENTION,
                subject("Solar roofs"), "Ben Becker", null, false);
        assertAll(
                () -> assertEquals("Ben Becker mentioned you in \"Solar roofs\"", mail.getSubject()),
                () -> assertTrue(mail.getBody().startsWith("Hello Ada Lovelace,\n\n"), mail.getBody()),
                () -> assertTrue(mail.getBody().contains("Ben Becker mentioned you in the thread \"Solar roofs\" of the group "
                        + "\"Energiewende Halle\":"), mail.getBody()),
                () -> assertTrue(mail.getBody().contains("Open the post: " + BASE + "/groups/thread.xhtml?"), mail.getBody()),
                () -> assertTrue(mail.getBody().contains("You receive this e-mail because you were mentioned."), mail.getBody()),
                () -> assertTrue(mail.getHtmlBody().contains("<html lang=\"en\">"), mail.getHtmlBody()),
                () -> assertTrue(mail.getHtmlBody().contains("&quot;Solar roofs&quot;"), mail.getHtmlBody()));
    }

    @Test
    void newThreadMailNamesTheGroupAndOffersToUnfollowTheGroup() {
        OutgoingMail mail = NotificationMails.instant(account("Anna Schulze", Language.DE), NotificationKind.NEW_THREAD,
                subject("Solardächer"), "Ben Becker", "tok-g", true);
        assertAll(
                () -> assertEquals("Neues Thema in Energiewende Halle: „Solardächer“", mail.getSubject()),
                () -> assertTrue(mail.getBody().contains("Ben Becker hat in der Gruppe „Energiewende Halle“ das Thema "
                        + "„Solardächer“ begonnen:"), mail.getBody()),
                () -> assertTrue(mail.getBody().contains("weil Sie der Gruppe „Energiewende Halle“ folgen."), mail.getBody()),
                () -> assertTrue(mail.getBody().contains("Der Gruppe nicht mehr folgen: " + BASE + "/unfollow.xhtml?token=tok-g"),
                        mail.getBody()),
                () -> assertFalse(mail.getBody().contains("Diesem Thema nicht mehr folgen"), mail.getBody()));
    }

    @Test
    void withoutASubscriptionThereIsNoUnfollowLink() {
        OutgoingMail mail = NotificationMails.instant(account("Anna Schulze", Language.DE), NotificationKind.MENTION,
                subject("Solardächer"), "Ben Becker", null, false);
        assertAll(
                () -> assertFalse(mail.getBody().contains("unfollow"), mail.getBody()),
                () -> assertFalse(mail.getBody().contains("nicht mehr folgen"), mail.getBody()),
                () -> assertFalse(mail.getHtmlBody().contains("unfollow"), mail.getHtmlBody()),
                () -> assertFalse(mail.getHtmlBody().contains("nicht mehr folgen"), mail.getHtmlBody()),
                () -> assertNull(mail.getUnsubscribeUrl()),
                // the settings link is in every mail
                () -> assertTrue(mail.getHtmlBody().contains(BASE + "/account/notifications.xhtml"), mail.getHtmlBody()));
    }

    @Test
    void whatUsersWroteIsEscapedInTheHtmlPart() {
        Account reader = account("Anna <i>Schulze</i>", Language.DE);
        Subject subject = new Subject(new WorkingGroup("energie-halle", "Energie & \"Klima\" <b>Halle</b>", null), 11L,
                "<script>alert('Titel')</script>", 22L, 3, 5L, "<img src=x onerror=alert(1)>", "<p>&lt;img src=x&gt;</p>");
        OutgoingMail mail = NotificationMails.instant(reader, NotificationKind.REPLY, subject, "<b onclick=\"x()\">Ben</b>",
                "tok-\"><script>", false);
        String html = mail.getHtmlBody();
        assertAll(
                () -> assertTrue(html.contains("&lt;script&gt;alert(&#39;Titel&#39;)&lt;/script&gt;"), html),
                () -> assertTrue(html.contains("Anna &lt;i&gt;Schulze&lt;/i&gt;"), html),
                () -> assertTrue(html.contains("&lt;b onclick=&quot;x()&quot;&gt;Ben&lt;/b&gt;"), html),
                () -> assertTrue(html.contains("Energie &amp; &quot;Klima&quot; &lt;b&gt;Halle&lt;/b&gt;"), html),
                () -> assertFalse(html.contains("<script"), html),
                () -> assertFalse(html.contains("<i>"), html),
                () -> assertFalse(html.contains("<b>") || html.contains("<b "), html),
                () -> assertFalse(html.contains("onclick=\""), html),
                () -> assertFalse(html.contains("onerror"), html),
                // the unfollow token goes into the link URL-encoded, and the link is escaped once more
                () -> assertTrue(html.contains("token=tok-%22%3E%3Cscript%3E"), html),
                // the subject is plain text (a mail header), not HTML
                () -> assertEquals("Neue Antwort in „<script>alert('Titel')</script>“", mail.getSubject()));
    }

    @Test
    void siteRelativeLinksOfThePostBecomeAbsolute() {
        OutgoingMail mail = NotificationMails.instant(account("Anna Schulze", Language.DE), NotificationKind.REPLY,
                subject("Solardächer"), "Ben Becker", "tok", false);
        String html = mail.getHtmlBody();
        assertAll(
                () -> assertTrue(html.contains("<a href=\"" + BASE + "/groups/group.xhtml?slug=energie-halle\">Montag</a>"), html),
                () -> assertTrue(html.contains("<img src=\"" + BASE + "/files/12\" alt=\"Lageplan\" />"), html),
                () -> assertTrue(html.contains("<a href=\"https://example.com/ort\" rel=\"nofollow noopener\">Bürgerhaus</a>"), html),
                () -> assertFalse(html.contains("href=\"/"), html),
                () -> assertFalse(html.contains("src=\"/"), html));
        assertEquals("", NotificationMails.absoluteLinks(null));
    }

    @Test
    void theTextPartQuotesALongPostShortened() {
        String words = "Wort ".repeat(1000);
        Subject subject = new Subject(group(), 11L, "Lang", 22L, 3, 5L, words, "<p>" + words + "</p>");
        OutgoingMail mail = NotificationMails.instant(account("Anna Schulze", Language.DE), NotificationKind.REPLY,
                subject, "Ben Becker", null, false);
        String quoted = mail.getBody().lines().filter(l -> l.startsWith("> ")).findFirst().orElseThrow();
        assertEquals(2 + NotificationMails.TEXT_EXCERPT, quoted.length(), quoted);
        assertTrue(quoted.endsWith("…"), quoted);
        assertEquals("kurz", NotificationMails.excerpt("  kurz \n", 10));
        assertEquals("", NotificationMails.excerpt(null, 10));
    }

    // --- digest -----------------------------------------------------------------------------------------------------

    private static final Instant MORNING = Instant.parse("2026-03-29T05:00:00Z");

    private static List<NotificationMails.DigestGroup> threeGroupsOfNews() {
        String t1 = BASE + "/groups/thread.xhtml?slug=energie-halle&id=1";
        String t2 = BASE + "/groups/thread.xhtml?slug=energie-halle&id=2";
        String t3 = BASE + "/groups/thread.xhtml?slug=mobil-leipzig&id=3";
        return List.of(
                new NotificationMails.DigestGroup("Energiewende Halle", List.of(
                        new NotificationMails.DigestThread("Solardächer für Schulen", t1, BASE + "/unfollow.xhtml?token=t1", List.of(
                                new NotificationMails.DigestItem(NotificationKind.REPLY, "Ben Becker",
                                        "Ich bringe <b>den Plan</b> mit & mehr", t1 + "&post=10#post-10"),
                                new NotificationMails.DigestItem(NotificationKind.MENTION, "Carla Conrad", null, t1 + "&post=11#post-11"))),
                        new NotificationMails.DigestThread("<script>Zweites Thema</script>", t2, null, List.of(
                                new NotificationMails.DigestItem(NotificationKind.NEW_THREAD, "Dora Dietrich", "Neu hier", t2))))),
                new NotificationMails.DigestGroup("Mobilität Leipzig", List.of(
                        new NotificationMails.DigestThread("Bürgerbus", t3, null, List.of(
                                new NotificationMails.DigestItem(NotificationKind.REPLY, "Emil Engel", "   ", t3 + "&post=30#post-30"))))));
    }

    @Test
    void digestGroupsByGroupAndThreadInOrder() {
        OutgoingMail mail = NotificationMails.digest(account("Anna Schulze", Language.DE), threeGroupsOfNews(), MORNING);
        String text = mail.getBody();
        String html = mail.getHtmlBody();
        assertAll(
                () -> assertEquals("Ihre Übersicht vom 29.03.2026: 4 Neuigkeiten", mail.getSubject()),
                () -> assertTrue(text.startsWith("Hallo Anna Schulze,\n\nhier ist, was seit der letzten Übersicht"), text),
                () -> assertInOrder(text, "== Gruppe „Energiewende Halle“ ==", "„Solardächer für Schulen“",
                        "• Ben Becker hat geantwortet: Ich bringe <b>den Plan</b> mit & mehr",
                        "• Carla Conrad hat Sie erwähnt\n", "Diesem Thema nicht mehr folgen: " + BASE + "/unfollow.xhtml?token=t1",
                        "„<script>Zweites Thema</script>“", "• Dora Dietrich hat das Thema begonnen: Neu hier",
                        "== Gruppe „Mobilität Leipzig“ ==", "„Bürgerbus“", "• Emil Engel hat geantwortet\n",
                        "Sie erhalten diese tägliche Übersicht"),
                () -> assertInOrder(html, "<h2 style=\"font-size:1.15em;margin-top:1.5em\">Gruppe „Energiewende Halle“</h2>",
                        ">Solardächer für Schulen</a></h3>", ">Ben Becker hat geantwortet</a>: Ich bringe &lt;b&gt;den Plan&lt;/b&gt; mit &amp; mehr</li>",
                        ">Carla Conrad hat Sie erwähnt</a></li>", ">Diesem Thema nicht mehr folgen</a>",
                        ">&lt;script&gt;Zweites Thema&lt;/script&gt;</a></h3>", ">Dora Dietrich hat das Thema begonnen</a>: Neu hier</li>",
                        ">Gruppe „Mobilität Leipzig“</h2>", ">Bürgerbus</a></h3>", ">Emil Engel hat geantwortet</a></li>"),
                () -> assertEquals(1, occurrences(text, "Diesem Thema nicht mehr folgen"), text),
                () -> assertEquals(1, occurrences(html, "Diesem Thema nicht mehr folgen"), html),
                () -> assertFalse(html.contains("<script"), html),
                () -> assertFalse(html.contains("<b>"), html),
                () -> assertTrue(html.contains("<a href=\"" + BASE + "/groups/thread.xhtml?slug=energie-halle&amp;id=1&amp;post=10#post-10\">"),
                        html),
                () -> assertNull(mail.getGroupId(), "a digest spans groups; it is not cancelled for one of them"),
                () -> assertNull(mail.getUnsubscribeUrl()));
    }

    @Test
    void digestSubjectCountsItemsInBothLanguages() {
        List<NotificationMails.DigestGroup> one = List.of(new NotificationMails.DigestGroup("Energiewende Halle", List.of(
                new NotificationMails.DigestThread("Solardächer", BASE + "/t", null, List.of(
                        new NotificationMails.DigestItem(NotificationKind.REPLY, "Ben", "x", BASE + "/p"))))));
        assertEquals("Ihre Übersicht vom 29.03.2026: eine Neuigkeit",
                NotificationMails.digest(account("Anna", Language.DE), one, MORNING).getSubject());
        OutgoingMail english = NotificationMails.digest(account("Ada", Language.EN), one, MORNING);
        assertTrue(english.getSubject().startsWith("Your summary of Mar 29, 2026: one update"), english.getSubject());
        assertTrue(english.getBody().contains("== Group \"Energiewende Halle\" =="), english.getBody());
        assertTrue(english.getBody().contains("• Ben replied: x"), english.getBody());
        assertTrue(english.getHtmlBody().contains("<html lang=\"en\">"), english.getHtmlBody());
        assertTrue(NotificationMails.digest(account("Ada", Language.EN), threeGroupsOfNews(), MORNING).getSubject()
                .endsWith(": 4 updates"));
    }

    @Test
    void theDigestDateIsTheBerlinDay() {
        // 23:30 UTC on 28 March is already 29 March in Berlin.
        OutgoingMail mail = NotificationMails.digest(account("Anna", Language.DE), threeGroupsOfNews(),
                Instant.parse("2026-03-28T23:30:00Z"));
        assertTrue(mail.getSubject().startsWith("Ihre Übersicht vom 29.03.2026:"), mail.getSubject());
    }

    private static void assertInOrder(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            assertTrue(found >= 0, "«" + part + "» missing or out of order after position " + at + " in:\n" + text);
            at = found + part.length();
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
