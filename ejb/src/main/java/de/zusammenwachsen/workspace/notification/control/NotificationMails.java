package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.Html;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.notification.entity.NotificationKind;
import de.zusammenwachsen.workspace.notification.entity.OutgoingMail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Writes notification mails in the recipient's language, as plain text with an HTML alternative. Everything taken
 * from users is escaped; a post's HTML is the sanitized rendering, with its site-relative links made absolute.
 */
public final class NotificationMails {

    static final int TEXT_EXCERPT = 2000;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private NotificationMails() {
    }

    public record DigestItem(NotificationKind kind, String actorName, String excerpt, String link) {
    }

    public record DigestThread(String title, String link, String unfollowUrl, List<DigestItem> items) {
    }

    public record DigestGroup(String name, List<DigestThread> threads) {
    }

    /** One notification at once; {@code unfollowToken} is the subscription the mail came through (null for a mention). */
    public static OutgoingMail instant(Account recipient, NotificationKind kind, Subject subject, String actorName,
                                       String unfollowToken, boolean groupToken) {
        Locale locale = locale(recipient);
        Object[] args = {subject.threadTitle(), actorName, subject.group().getName()};
        String title = Texts.get(locale, "mail.notification.subject." + kind.name(), args);
        String link = Links.absolute(Links.thread(subject.group().getSlug(), subject.threadId(), subject.postId()));
        String unfollow = unfollowToken == null ? null : Links.unfollowPage(unfollowToken);
        String unfollowLabel = Texts.get(locale, groupToken
                ? "mail.notification.unfollow.group" : "mail.notification.unfollow.thread");
        String greeting = Texts.get(locale, "mail.notification.greeting", recipient.getDisplayName());
        String intro = Texts.get(locale, "mail.notification.intro." + kind.name(), args);
        String reason = Texts.get(locale, "mail.notification.reason." + kind.name(), args);
        String open = Texts.get(locale, "mail.notification.open");
        String settings = Texts.get(locale, "mail.notification.settings");
        String footer = Texts.get(locale, "mail.footer", Settings.baseUrl());

        StringBuilder text = new StringBuilder()
                .append(greeting).append("\n\n").append(intro).append("\n\n")
                .append(quoteText(excerpt(subject.plain(), TEXT_EXCERPT))).append("\n\n")
                .append(open).append(": ").append(link).append("\n\n-- \n")
                .append(reason).append('\n');
        if (unfollow != null) {
            text.append(unfollowLabel).append(": ").append(unfollow).append('\n');
        }
        text.append(settings).append(": ").append(Links.mailSettings()).append('\n').append(footer);

        StringBuilder html = open(locale, title)
                .append("<p>").append(escape(greeting)).append("</p>\n<p>").append(escape(intro)).append("</p>\n")
                .append("<blockquote style=\"border-left:4px solid #b7c9b0;margin:0 0 1em 0;padding:0 1em\">")
                .append(absoluteLinks(subject.html())).append("</blockquote>\n")
                .append("<p><a href=\"").append(escape(link)).append("\">").append(escape(open)).append("</a></p>\n")
                .append("<hr>\n<p style=\"font-size:90%;color:#444\">").append(escape(reason));
        if (unfollow != null) {
            html.append("<br>\n<a href=\"").append(escape(unfollow)).append("\">").append(escape(unfollowLabel)).append("</a>");
        }
        html.append(" · <a href=\"").append(escape(Links.mailSettings())).append("\">").append(escape(settings))
                .append("</a></p>\n");
        close(html, footer);
        return new OutgoingMail(recipient.getEmail(), title, text.toString(), html.toString(), recipient.getId(),
                subject.group().getId(), unfollowToken == null ? null : Links.unfollowOneClick(unfollowToken));
    }

    /** One mail with everything that waited for the day's digest, by group and thread. */
    public static OutgoingMail digest(Account recipient, List<DigestGroup> groups, Instant day) {
        Locale locale = locale(recipient);
        int count = groups.stream().flatMap(g -> g.threads().stream()).mapToInt(t -> t.items().size()).sum();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day.atZone(BERLIN));
        String title = Texts.get(locale, "mail.digest.subject", count, date);
        String greeting = Texts.get(locale, "mail.notification.greeting", recipient.getDisplayName());
        String intro = Texts.get(locale, "mail.digest.intro");
        String unfollowLabel = Texts.get(locale, "mail.notification.unfollow.thread");
        String settings = Texts.get(locale, "mail.notification.settings");
        String reason = Texts.get(locale, "mail.digest.reason");
        String footer = Texts.get(locale, "mail.footer", Settings.baseUrl());

        StringBuilder text = new StringBuilder().append(greeting).append("\n\n").append(intro).append("\n");
        StringBuilder html = open(locale, title).append("<p>").append(escape(greeting)).append("</p>\n<p>")
                .append(escape(intro)).append("</p>\n");
        for (DigestGroup group : groups) {
            String heading = Texts.get(locale, "mail.digest.group", group.name());
            text.append("\n== ").append(heading).append(" ==\n");
            html.append("<h2 style=\"font-size:1.15em;margin-top:1.5em\">").append(escape(heading)).append("</h2>\n");
            for (DigestThread thread : group.threads()) {
                text.append("\n„").append(thread.title()).append("“\n").append(thread.link()).append('\n');
                html.append("<h3 style=\"font-size:1em;margin-bottom:0.3em\"><a href=\"").append(escape(thread.link()))
                        .append("\">").append(escape(thread.title())).append("</a></h3>\n<ul>\n");
                for (DigestItem item : thread.items()) {
                    String what = Texts.get(locale, "mail.digest.item." + item.kind().name(), item.actorName());
                    text.append("  • ").append(what);
                    html.append("<li><a href=\"").append(escape(item.link())).append("\">").append(escape(what)).append("</a>");
                    if (item.excerpt() != null && !item.excerpt().isBlank()) {
                        text.append(": ").append(item.excerpt());
                        html.append(": ").append(escape(item.excerpt()));
                    }
                    text.append('\n');
                    html.append("</li>\n");
                }
                html.append("</ul>\n");
                if (thread.unfollowUrl() != null) {
                    text.append("  ").append(unfollowLabel).append(": ").append(thread.unfollowUrl()).append('\n');
                    html.append("<p style=\"font-size:90%\"><a href=\"").append(escape(thread.unfollowUrl())).append("\">")
                            .append(escape(unfollowLabel)).append("</a></p>\n");
                }
            }
        }
        text.append("\n-- \n").append(reason).append('\n').append(settings).append(": ").append(Links.mailSettings())
                .append('\n').append(footer);
        html.append("<hr>\n<p style=\"font-size:90%;color:#444\">").append(escape(reason)).append("<br>\n<a href=\"")
                .append(escape(Links.mailSettings())).append("\">").append(escape(settings)).append("</a></p>\n");
        close(html, footer);
        return new OutgoingMail(recipient.getEmail(), title, text.toString(), html.toString(), recipient.getId(), null, null);
    }

    static String excerpt(String plain, int max) {
        String text = plain == null ? "" : plain.strip();
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String quoteText(String text) {
        return "> " + text.replace("\n", "\n> ");
    }

    /** The sanitized HTML uses site-relative links; a mail client needs them absolute. */
    static String absoluteLinks(String html) {
        String base = Settings.baseUrl();
        return html == null ? "" : html.replace("href=\"/", "href=\"" + base + "/").replace("src=\"/", "src=\"" + base + "/");
    }

    private static Locale locale(Account recipient) {
        return (recipient.getLanguage() == null ? Language.DE : recipient.getLanguage()).locale();
    }

    private static StringBuilder open(Locale locale, String title) {
        return MailHtml.open(locale, title);
    }

    private static void close(StringBuilder html, String footer) {
        MailHtml.close(html, footer);
    }

    static String escape(String value) {
        return Html.escape(value);
    }
}
