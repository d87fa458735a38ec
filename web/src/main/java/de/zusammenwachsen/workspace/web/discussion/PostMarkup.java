package de.zusammenwachsen.workspace.web.discussion;

import de.zusammenwachsen.workspace.core.Html;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read-only parts of a post on the thread page (header, placeholders, body, reactions, links), written here
 * instead of in the Facelet. A page shows up to 200 posts; as some 80 EL expressions per post it took about 35 ms of
 * CPU, most of it resolving names, and missed its target under load by far. The forms inside a post (editing, hiding)
 * stay in thread.xhtml. Everything not already sanitized HTML is escaped here.
 */
final class PostMarkup {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Map<Locale, Words> WORDS = new ConcurrentHashMap<>();
    /** The classes PrimeFaces gives its buttons, so that a plain button looks like the others. */
    static final String BUTTON = "ui-button ui-widget ui-state-default ui-corner-all ui-button-text-only";

    /** The page's addresses of a post (quote, edit, hide, history, link to a post). */
    interface Links {
        String quote(DiscussionView.PostEntry entry);

        String edit(DiscussionView.PostEntry entry);

        String hide(DiscussionView.PostEntry entry);

        String history(DiscussionView.PostEntry entry);

        String post(Long postId);
    }

    /** The texts a post needs, looked up once per language. */
    private record Words(String edited, String fresh, String quotedPost, String deleted, String hidden, String hiddenReason,
                         String moderatorOnly, String quote, String edit, String hide, String history, String react,
                         String delete, String deleteConfirm, String unhide) {

        static Words of(Locale locale) {
            return new Words(text(locale, "post.marker.edited"), text(locale, "post.marker.fresh"),
                    text(locale, "post.quotedPost"), text(locale, "post.placeholder.deleted"),
                    text(locale, "post.placeholder.hidden"), text(locale, "post.hiddenReason"),
                    text(locale, "post.moderatorOnly"), text(locale, "post.quote"), text(locale, "post.edit"),
                    text(locale, "post.hide"), text(locale, "post.history"), text(locale, "post.reaction.add"),
                    text(locale, "post.delete"), text(locale, "post.deleteConfirm"), text(locale, "post.unhide"));
        }

        private static String text(Locale locale, String key) {
            return de.zusammenwachsen.workspace.core.Texts.get(locale, key);
        }
    }

    private final Words texts;
    private final DateTimeFormatter dateTime;
    private final Links links;

    PostMarkup(Locale locale, Links links) {
        this.texts = WORDS.computeIfAbsent(locale, Words::of);
        // The locale's pattern resolved once: a localized formatter looks it up again for each of 400 dates a page.
        this.dateTime = DateTimeFormatter.ofPattern(DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM,
                FormatStyle.SHORT, IsoChronology.INSTANCE, locale), locale).withZone(ZONE);
        this.links = links;
    }

    /**
     * A whole post as thread.xhtml renders it with components: article, head, reactions and links in the footer; for a
     * post shown without a mode (no form inside it).
     */
    void article(StringBuilder out, DiscussionView.PostEntry entry, List<ThreadPage.Reaction> reactions, boolean picking,
                 String pickLink, boolean mayQuote) {
        Long id = entry.id();
        out.append("<article class=\"");
        articleClass(out, entry);
        out.append("\" id=\"post-").append(id).append("\" aria-labelledby=\"post-").append(id).append("-author\">");
        head(out, entry, false);
        out.append("<footer class=\"post-footer\">");
        reactions(out, entry, reactions, picking, pickLink);
        out.append("<ul class=\"post-actions inline-list\">");
        links(out, entry, mayQuote, false, false, false);
        buttons(out, entry);
        out.append("</ul></footer></article>");
    }

    /** The classes of the post's article element. */
    static String articleClass(DiscussionView.PostEntry entry) {
        StringBuilder out = new StringBuilder(32);
        articleClass(out, entry);
        return out.toString();
    }

    private static void articleClass(StringBuilder out, DiscussionView.PostEntry entry) {
        out.append("post").append(entry.fresh() ? " fresh" : "").append(entry.deleted() ? " deleted" : "")
                .append(entry.hidden() ? " hidden-post" : "");
    }

    /** Header, placeholders of a deleted or hidden post, and the body (unless the post is being edited). */
    void head(StringBuilder out, DiscussionView.PostEntry entry, boolean editing) {
        Long id = entry.id();
        out.append("<header class=\"post-header\"><h3 class=\"post-author\" id=\"post-").append(id).append("-author\">");
        text(out, entry.authorName());
        out.append("</h3><p class=\"meta\"><a href=\"");
        attribute(out, links.post(id));
        out.append("\" class=\"post-link\"><time datetime=\"");
        iso(out, entry.createdAt());
        out.append("\">");
        text(out, dateTime(entry.createdAt()));
        out.append("</time></a>");
        if (entry.edited()) {
            out.append(" · <span class=\"marker marker-edited\" title=\"");
            attribute(out, dateTime(entry.editedAt()));
            out.append("\">");
            text(out, texts.edited());
            out.append("</span>");
        }
        if (entry.fresh()) {
            out.append(" · <span class=\"marker marker-fresh\">");
            text(out, texts.fresh());
            out.append("</span>");
        }
        if (entry.quotedPostId() != null) {
            out.append(" · <a href=\"");
            attribute(out, links.post(entry.quotedPostId()));
            out.append("\" class=\"quoted-link\">");
            text(out, texts.quotedPost());
            out.append("</a>");
        }
        out.append("</p></header>");
        if (entry.deleted()) {
            out.append("<p class=\"placeholder\" id=\"post-").append(id).append("-deleted\">");
            text(out, texts.deleted());
            out.append("</p>");
        }
        if (entry.hidden() && !entry.deleted()) {
            out.append("<p class=\"placeholder\" id=\"post-").append(id).append("-hidden\">");
            text(out, texts.hidden());
            out.append("</p>");
        }
        if (entry.hidden() && entry.hiddenReason() != null && !entry.hiddenReason().isEmpty()) {
            out.append("<p class=\"meta hidden-reason\"><strong>");
            text(out, texts.hiddenReason());
            out.append("</strong>&#160;");
            text(out, entry.hiddenReason());
            out.append("</p>");
        }
        boolean withheld = entry.deleted() || entry.hidden();
        boolean hasBody = entry.html() != null && !entry.html().isEmpty();
        if (withheld && hasBody) {
            out.append("<p class=\"meta moderator-only\">");
            text(out, texts.moderatorOnly());
            out.append("</p>");
        }
        if (hasBody && !editing) {
            // Sanitized when the post was written (MarkdownRenderer's policy); the one place raw HTML goes out.
            out.append("<div class=\"post-body").append(withheld ? " post-body-withheld" : "").append("\">")
                    .append(entry.html()).append("</div>");
        }
    }

    /**
     * The reactions. Whoever may react sees the reactions given so far as toggle buttons and a link "Reagieren" that
     * offers all kinds: with JavaScript in place (discussion.js, from {@link #kindsTemplate}), otherwise as the page
     * with {@code picking} for that post. Five buttons on each of 200 posts were a third of the page. The buttons'
     * value names post and kind, see {@link ThreadPage#buttonSubmitted()}. Others see the counts given.
     */
    void reactions(StringBuilder out, DiscussionView.PostEntry entry, List<ThreadPage.Reaction> reactions, boolean picking,
                   String pickLink) {
        out.append("<div class=\"reactions\" id=\"post-").append(entry.id()).append("-reactions\">");
        if (entry.may("REACT")) {
            for (ThreadPage.Reaction r : reactions) {
                if (picking || r.given() || r.mine()) {
                    button(out, entry.id() + ":" + r.kind(), r);
                }
            }
            if (!picking) {
                out.append("<a class=\"react-open\" data-post=\"").append(entry.id()).append("\" href=\"");
                attribute(out, pickLink);
                out.append("\">");
                text(out, texts.react());
                out.append("<span class=\"visually-hidden\"> ");
                text(out, entry.authorName());
                out.append("</span></a>");
            }
        } else if (!entry.reactions().isEmpty()) {
            out.append("<ul class=\"reaction-counts\">");
            for (ThreadPage.Reaction r : reactions) {
                if (r.given()) {
                    out.append("<li><span aria-hidden=\"true\">");
                    text(out, r.symbol());
                    out.append("</span><span class=\"visually-hidden\">");
                    text(out, r.label());
                    out.append("</span><span aria-hidden=\"true\"> ").append(r.count()).append("</span></li>");
                }
            }
            out.append("</ul>");
        }
        out.append("</div>");
    }

    /** Every kind of reaction, not yet given, as the script copies them into a post (value: the kind only). */
    String kindsTemplate(List<ThreadPage.Reaction> none) {
        StringBuilder out = new StringBuilder(1024).append("<template id=\"reactionKinds\">");
        for (ThreadPage.Reaction r : none) {
            button(out, r.kind(), r);
        }
        return out.append("</template>").toString();
    }

    private static void button(StringBuilder out, String value, ThreadPage.Reaction r) {
        out.append("<button name=\"react\" value=\"").append(value).append("\" class=\"reaction").append(r.mine() ? " mine" : "")
                .append("\" aria-pressed=\"").append(r.mine()).append("\" aria-label=\"");
        attribute(out, r.label());
        out.append("\" title=\"");
        attribute(out, r.name());
        out.append("\">");
        text(out, r.shown());
        out.append("</button>");
    }

    /** The links among a post's actions: quote, edit, hide, history (the buttons are {@link #buttons}). */
    void links(StringBuilder out, DiscussionView.PostEntry entry, boolean mayQuote, boolean editing, boolean hiding,
               boolean showingHistory) {
        if (mayQuote && !entry.deleted() && !entry.hidden()) {
            out.append("<li><a href=\"");
            attribute(out, links.quote(entry));
            out.append("\" class=\"quote-link\" data-post=\"").append(entry.id()).append("\">");
            text(out, texts.quote());
            out.append("<span class=\"visually-hidden\"> ");
            text(out, entry.authorName());
            out.append("</span></a></li>");
        }
        if (entry.may("EDIT") && !editing) {
            link(out, links.edit(entry), "edit-link", texts.edit());
        }
        if (entry.may("HIDE") && !entry.hidden() && !hiding) {
            link(out, links.hide(entry), "hide-link", texts.hide());
        }
        if (entry.may("HISTORY") && !showingHistory) {
            link(out, links.history(entry), "history-link", texts.history());
        }
    }

    /**
     * The buttons among a post's actions: delete (the author's own post, after a confirmation) and show again (a
     * hidden post, for moderators). Plain submit buttons of the posts' form, named {@code deletePost} and
     * {@code unhidePost} with the post's id as value, handled by {@link ThreadPage#buttonSubmitted()}: as PrimeFaces
     * buttons with a confirmation they were an eighth of a 200-post page's CPU time (JFR), and every post of the
     * viewer's own was a row of components of its own. The value is the post itself, so a button acts on the post it
     * was shown with however the page changed meanwhile; the boundary decides whether the viewer may. discussion.js
     * asks for the confirmation in PrimeFaces' global dialog ({@code data-confirm-…}); without JavaScript the button
     * acts at once.
     */
    void buttons(StringBuilder out, DiscussionView.PostEntry entry) {
        if (entry.may("DELETE")) {
            actionButton(out, "deletePost", entry.id(), "delete", " delete-post", texts.delete(), texts.deleteConfirm());
        }
        if (entry.may("HIDE") && entry.hidden()) {
            actionButton(out, "unhidePost", entry.id(), "unhide", "", texts.unhide(), null);
        }
    }

    /** One button among a post's actions, named {@code id="post-<id>-<suffix>"}; asks {@code confirm} first, if given. */
    private static void actionButton(StringBuilder out, String name, Long postId, String suffix, String extraClass,
                                     String label, String confirm) {
        out.append("<li><button type=\"submit\" name=\"").append(name).append("\" value=\"").append(postId)
                .append("\" id=\"post-").append(postId).append('-').append(suffix).append("\" class=\"").append(BUTTON)
                .append(" secondary").append(extraClass).append('"');
        if (confirm != null) {
            out.append(" data-pfconfirmcommand=\"submit\" data-confirm-header=\"");
            attribute(out, label);
            out.append("\" data-confirm-message=\"");
            attribute(out, confirm);
            out.append('"');
        }
        out.append("><span class=\"ui-button-text ui-c\">");
        text(out, label);
        out.append("</span></button></li>");
    }

    private static void link(StringBuilder out, String href, String styleClass, String label) {
        out.append("<li><a href=\"");
        attribute(out, href);
        out.append("\" class=\"").append(styleClass).append("\">");
        text(out, label);
        out.append("</a></li>");
    }

    private String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    /** ISO_INSTANT formats the instant itself: through an OffsetDateTime it built the offset's rules anew each time. */
    private static void iso(StringBuilder out, Instant instant) {
        if (instant != null) {
            DateTimeFormatter.ISO_INSTANT.formatTo(instant, out);
        }
    }

    /** Text content: the characters that could start markup are escaped. */
    static void text(StringBuilder out, String value) {
        escape(out, value);
    }

    /** A double-quoted attribute value. */
    static void attribute(StringBuilder out, String value) {
        escape(out, value);
    }

    private static void escape(StringBuilder out, String value) {
        if (value != null) {
            Html.escape(value, 0, value.length(), out);
        }
    }
}
