package de.zusammenwachsen.workspace.web.discussion;

import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.discussion.boundary.Discussions;
import de.zusammenwachsen.workspace.discussion.boundary.Moderation;
import de.zusammenwachsen.workspace.discussion.entity.ReactionKind;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.io.IOException;
import java.io.Writer;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A thread with one page of its posts (50 at a time, {@code size} 10 to 200; {@code post} opens the page that holds that post), and all
 * that can be done there: reply (with a quote of a post, or of the passage selected in it), edit and delete one's
 * own posts, react, follow, and for moderators pin, lock, move, trash, hide and show posts and read their history.
 * Modes that need a form inside one post (edit, hide, history) are GET parameters naming the post, so that the
 * page has one form around all posts and works without JavaScript.
 */
@Named
@RequestScoped
public class ThreadPage {

    static final String REPLY_FORM = "replyForm";
    private static final int MAX_PASSAGE = 5000;
    /** The posts are written a post at a time into a buffer that is handed to the response from 8 KB on. */
    private static final int FLUSH_AT = 8192;

    @Inject
    Discussions discussions;

    @Inject
    Moderation moderation;

    private Long id;
    private String slug;
    private Integer page;
    private Long post;
    private Long quote;
    private String passage;
    private Long edit;
    private Long hide;
    private Long history;
    private Long reacting;
    private int size;

    private DiscussionView.Thread thread;
    private List<DiscussionView.Revision> revisions;
    private Draft reply;
    private ReactionTexts reactionTexts;
    private PostMarkup markup;
    private String here;
    private String postBase;
    private Long quotedPostId;

    private String editBody;
    private String editTitle;
    private Integer editVersion;
    private String editCurrent;
    private String hideReason;
    private String moveTarget;

    @PostConstruct
    void identify() {
        id = Pages.longParam(Requests.param("id"));
        slug = Requests.param("slug");
        page = Requests.intParam("page");
        post = Pages.longParam(Requests.param("post"));
        quote = Pages.longParam(Requests.param("quote"));
        passage = Requests.param("passage");
        edit = Pages.longParam(Requests.param("edit"));
        hide = Pages.longParam(Requests.param("hide"));
        history = Pages.longParam(Requests.param("history"));
        reacting = Pages.longParam(Requests.param("reacting"));
        size = Pages.postsPerPage(Requests.intParam("size"));
        editVersion = Requests.intParam("editVersion");
        quotedPostId = Pages.longParam(Requests.param("quoted"));
        reply = new Draft(discussions, () -> getThread().groupSlug(), REPLY_FORM + ":body");
    }

    /**
     * Loads the thread before rendering (404 at once for what the viewer may not read) and, on the first request,
     * fills the reply with the quoted post and the editor with the post's current text.
     */
    public void load() {
        DiscussionView.Thread shown = getThread();
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        if (quote != null && shown.may("REPLY")) {
            prefillQuote(shown);
        }
        if (edit != null) {
            DiscussionView.PostSource source = discussions.source(edit);
            editBody = source.body();
            editVersion = source.version();
            editTitle = source.opening() ? source.threadTitle() : null;
        }
    }

    private void prefillQuote(DiscussionView.Thread shown) {
        try {
            DiscussionView.Quote quoted = discussions.quote(quote);
            if (!quoted.threadId().equals(shown.id())) {
                return;
            }
            String text = passage != null && passage.length() <= MAX_PASSAGE ? passage.strip() : quoted.body();
            reply.setBody(quoteMarkdown(Pages.text("thread.quote.attribution", escapeMarkdown(quoted.authorName())), text));
            quotedPostId = quoted.postId();
        } catch (NotFoundException e) {
            // The post to quote is gone (deleted, hidden) or was never there: the thread shows anyway, with a note.
            Pages.error("thread.quote.unavailable");
        }
    }

    /** "> Name schrieb:" and every line of the text behind "> ", then an empty line for the answer. */
    static String quoteMarkdown(String attribution, String text) {
        StringBuilder quoted = new StringBuilder("> ").append(attribution).append('\n').append(">\n");
        text.strip().lines().forEach(line -> quoted.append(line.isBlank() ? ">" : "> " + line).append('\n'));
        return quoted.append('\n').toString();
    }

    /** A name as plain text inside Markdown: its emphasis, link and mention characters lose their meaning. */
    static String escapeMarkdown(String text) {
        return text == null ? "" : text.replaceAll("([\\\\`*_\\[\\]()#+!<>@~|{}])", "\\\\$1");
    }

    private List<PostRow> rows;

    public DiscussionView.Thread getThread() {
        if (thread == null) {
            int first = post != null ? 0 : Paging.first(page, size);
            thread = discussions.thread(id, post, first, size);
        }
        return thread;
    }

    public Paging getPaging() {
        return Paging.of(getThread().posts());
    }

    public int getCurrentPage() {
        return getPaging().page();
    }

    public Draft getReply() {
        return reply;
    }

    // --- modes of one post ---

    public boolean isEditing(DiscussionView.PostEntry entry) {
        return edit != null && edit.equals(entry.id()) && entry.may("EDIT");
    }

    public boolean isHiding(DiscussionView.PostEntry entry) {
        return hide != null && hide.equals(entry.id()) && entry.may("HIDE") && !entry.hidden();
    }

    public boolean isShowingHistory(DiscussionView.PostEntry entry) {
        return history != null && history.equals(entry.id()) && entry.may("HISTORY");
    }

    public List<DiscussionView.Revision> getRevisions() {
        if (revisions == null) {
            revisions = history == null ? List.of() : discussions.history(history);
        }
        return revisions;
    }

    /**
     * The reactions of a post, every kind with its count, and whether the viewer gave it. A thread page shows up to
     * 200 posts with five reactions each, so the texts are looked up once per request, not once per button.
     */
    public List<Reaction> reactions(DiscussionView.PostEntry entry) {
        return reactionsOf(entry.reactions());
    }

    private List<Reaction> reactionsOf(List<DiscussionView.ReactionCount> given) {
        if (reactionTexts == null) {
            reactionTexts = new ReactionTexts(Pages.locale());
        }
        List<Reaction> shown = new ArrayList<>(ReactionKind.values().length);
        for (ReactionKind kind : ReactionKind.values()) {
            long count = 0;
            boolean mine = false;
            for (DiscussionView.ReactionCount reaction : given) {
                if (reaction.kind() == kind) {
                    count = reaction.count();
                    mine = reaction.mine();
                }
            }
            shown.add(count == 0 && !mine ? reactionTexts.none(kind)
                    : new Reaction(kind.name(), kind.symbol(), count, mine, reactionTexts.name(kind), reactionTexts.label(kind, count)));
        }
        return shown;
    }

    /** The names of the reaction kinds and the pattern of a reaction's label, in the page's language. */
    private static final class ReactionTexts {

        private final Map<ReactionKind, String> names = new EnumMap<>(ReactionKind.class);
        /** Each kind nobody gave, the same for every post: most of a page's 1,000 reactions, labelled once. */
        private final Map<ReactionKind, Reaction> none = new EnumMap<>(ReactionKind.class);
        private final MessageFormat label;

        ReactionTexts(Locale locale) {
            for (ReactionKind kind : ReactionKind.values()) {
                names.put(kind, Texts.get(locale, kind.key()));
            }
            label = new MessageFormat(Texts.get(locale, "post.reaction.label"), locale);
            for (ReactionKind kind : ReactionKind.values()) {
                none.put(kind, new Reaction(kind.name(), kind.symbol(), 0, false, name(kind), label(kind, 0)));
            }
        }

        String name(ReactionKind kind) {
            return names.get(kind);
        }

        Reaction none(ReactionKind kind) {
            return none.get(kind);
        }

        String label(ReactionKind kind, long count) {
            // The count as text: MessageFormat would build a new NumberFormat for every one of 1,000 buttons.
            return label.format(new Object[] {names.get(kind), Long.toString(count)});
        }
    }

    // --- the read-only parts of a post, written by PostMarkup ---

    /**
     * The posts of this page in rows: a run of consecutive posts that need no Faces component (no form of a mode)
     * is one row, written by {@link PostArticles}; a post with a form (edit, hide, history) is a row of its own,
     * rendered with components in thread.xhtml. A repeat that visited a handful of components per post
     * and called this bean's methods through EL reflection for each of them was half of a 200-post page's CPU time
     * (JFR); the repeat's visit of each row (index, variable, two rendered tests) was still a tenth of it.
     */
    public List<PostRow> getRows() {
        if (rows == null) {
            List<PostRow> joined = new ArrayList<>();
            List<DiscussionView.PostEntry> run = null;
            for (DiscussionView.PostEntry entry : getThread().posts().items()) {
                if (plain(entry)) {
                    if (run == null) {
                        run = new ArrayList<>();
                        joined.add(new PostRow(entry, run));
                    }
                    run.add(entry);
                } else {
                    run = null;
                    joined.add(new PostRow(entry, null));
                }
            }
            rows = joined;
        }
        return rows;
    }

    private boolean plain(DiscussionView.PostEntry entry) {
        return !isEditing(entry) && !isHiding(entry) && !isShowingHistory(entry);
    }

    /**
     * One row of the page: {@code run} holds one or more consecutive posts from {@code entry} on that are written
     * as plain HTML; or it is null, and the page renders that one post with components (it shows a form).
     */
    public record PostRow(DiscussionView.PostEntry entry, List<DiscussionView.PostEntry> run) {
    }

    /** The buffer the posts are written through, for all runs of the page (it stays wide once a post needed it). */
    private StringBuilder articles;
    private char[] articleChars;

    /** Writes the whole articles of a run of posts (a row of {@link #getRows()}) to the page. */
    void writeRun(List<DiscussionView.PostEntry> run, Writer writer) throws IOException {
        if (articles == null) {
            articles = new StringBuilder(FLUSH_AT + 4096);
            articleChars = new char[FLUSH_AT + 4096];
        }
        boolean mayQuote = mayQuote();
        for (DiscussionView.PostEntry entry : run) {
            markup().article(articles, entry, reactions(entry), picking(entry), pickLink(entry), mayQuote);
            if (articles.length() >= FLUSH_AT) {
                flush(writer);
            }
        }
        flush(writer);
    }

    /** Hands the buffer to the writer as characters (a string of it would be one more copy) and empties it. */
    private void flush(Writer writer) throws IOException {
        int length = articles.length();
        if (articleChars.length < length) {
            articleChars = new char[length];
        }
        articles.getChars(0, length, articleChars, 0);
        writer.write(articleChars, 0, length);
        articles.setLength(0);
    }

    public String postClass(DiscussionView.PostEntry entry) {
        return PostMarkup.articleClass(entry);
    }

    public String postHead(DiscussionView.PostEntry entry) {
        StringBuilder out = new StringBuilder(1024);
        markup().head(out, entry, isEditing(entry));
        return out.toString();
    }

    public String postReactions(DiscussionView.PostEntry entry) {
        StringBuilder out = new StringBuilder(512);
        markup().reactions(out, entry, reactions(entry), picking(entry), pickLink(entry));
        return out.toString();
    }

    private boolean picking(DiscussionView.PostEntry entry) {
        return reacting != null && reacting.equals(entry.id());
    }

    private String pickLink(DiscussionView.PostEntry entry) {
        return here() + "&reacting=" + entry.id() + "#post-" + entry.id() + "-reactions";
    }

    /** The kinds of reaction for the script that offers them in a post; empty when the viewer may not react. */
    public String getReactionKinds() {
        return getThread().posts().items().stream().anyMatch(e -> e.may("REACT"))
                ? markup().kindsTemplate(reactionsOf(List.of())) : "";
    }

    /** The links and buttons among the actions of a post shown with a form. */
    public String postLinks(DiscussionView.PostEntry entry) {
        StringBuilder out = new StringBuilder(1024);
        markup().links(out, entry, mayQuote(), isEditing(entry), isHiding(entry), isShowingHistory(entry));
        markup().buttons(out, entry);
        return out.toString();
    }

    private boolean mayQuote() {
        DiscussionView.Thread shown = getThread();
        return shown.may("REPLY") && !shown.trashed();
    }

    /**
     * Whether the page shows a form inside one post (edit, hide, history). Read when the page's component tree is
     * built: without a mode, the posts carry none of those components, which the repeat would otherwise visit for
     * every post.
     */
    public boolean isAnyMode() {
        return edit != null || hide != null || history != null;
    }

    private PostMarkup markup() {
        if (markup == null) {
            markup = new PostMarkup(Pages.locale(), new PostMarkup.Links() {
                @Override
                public String quote(DiscussionView.PostEntry entry) {
                    return quoteLink(entry);
                }

                @Override
                public String edit(DiscussionView.PostEntry entry) {
                    return editLink(entry);
                }

                @Override
                public String hide(DiscussionView.PostEntry entry) {
                    return hideLink(entry);
                }

                @Override
                public String history(DiscussionView.PostEntry entry) {
                    return historyLink(entry);
                }

                @Override
                public String post(Long postId) {
                    return postLink(postId);
                }
            });
        }
        return markup;
    }

    /** One reaction of a post as its toggle button shows it; {@code label} names it with its count. */
    public record Reaction(String kind, String symbol, long count, boolean mine, String name, String label) {

        public boolean given() {
            return count > 0;
        }

        /** What the button shows: the symbol, and the count once someone reacted. */
        public String shown() {
            return count > 0 ? symbol + " " + count : symbol;
        }
    }

    // --- addresses ---

    private String here() {
        if (here == null) {
            here = Pages.contextPath() + Pages.threadPath(getThread().groupSlug(), id) + sizeParam() + "&page=" + getCurrentPage();
        }
        return here;
    }

    /** The page size in addresses, when it is not the default. */
    private String sizeParam() {
        return size == Pages.POSTS_PER_PAGE ? "" : "&size=" + size;
    }

    public String quoteLink(DiscussionView.PostEntry entry) {
        return here() + "&quote=" + entry.id() + "#reply";
    }

    public String editLink(DiscussionView.PostEntry entry) {
        return here() + "&edit=" + entry.id() + "#post-" + entry.id();
    }

    public String hideLink(DiscussionView.PostEntry entry) {
        return here() + "&hide=" + entry.id() + "#post-" + entry.id();
    }

    public String historyLink(DiscussionView.PostEntry entry) {
        return here() + "&history=" + entry.id() + "#post-" + entry.id();
    }

    /** Back to the post without a mode. */
    public String cancelLink(DiscussionView.PostEntry entry) {
        return here() + "#post-" + entry.id();
    }

    public String postLink(Long postId) {
        if (postBase == null) {
            postBase = Pages.contextPath() + Pages.threadPath(getThread().groupSlug(), id) + sizeParam() + "&post=";
        }
        return postBase + postId + "#post-" + postId;
    }

    public String getBoardLink() {
        return Pages.contextPath() + Pages.boardPath(getThread().groupSlug());
    }

    /** A point in time for the {@code datetime} attribute of {@code <time>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private String postPath(Long postId) {
        return Pages.threadPath(getThread().groupSlug(), id) + sizeParam() + "&post=" + postId + "#post-" + postId;
    }

    // --- actions ---

    public String publishReply() {
        String body = reply.getBody();
        Long quoted = quotedPostId;
        try {
            DiscussionView.Created created = Pages.once(() -> discussions.reply(id, body, quoted, reply.getClientKey()));
            Messages.info("thread.replied");
            return Pages.redirect(postPath(created.postId()));
        } catch (DomainException e) {
            Pages.refused(e, e.key().startsWith("discussion.body") ? reply.fieldId() : null);
            return null;
        }
    }

    /**
     * Saves an edited post. When someone changed it meanwhile, the typed text stays in the editor, the current text
     * is shown next to it, and the editor now starts from the current version: saving again replaces it knowingly.
     */
    public String saveEdit() {
        Long postId = edit;
        String body = editBody;
        String title = editTitle;
        int version = editVersion == null ? -1 : editVersion;
        try {
            discussions.edit(postId, version, body, title);
            Messages.info("post.saved");
            return Pages.redirect(postPath(postId));
        } catch (ConflictException e) {
            DiscussionView.PostSource current = discussions.source(postId);
            editCurrent = current.body();
            editVersion = current.version();
            Pages.refused(e, null);
            return null;
        } catch (DomainException e) {
            Pages.refused(e, null);
            return null;
        }
    }

    /**
     * The plain submit buttons of the posts' form, handled by a view action on postback: PrimeFaces buttons, five
     * reactions per post and a delete button on each of one's own, made a page of 200 posts several times slower to
     * render. Each names what it does and carries its post: {@code react} ({@code <post id>:<kind>}),
     * {@code deletePost} and {@code unhidePost} (the post's id, see {@link PostMarkup#buttons}), and {@code follow}
     * ({@code on} or {@code off}; that button stands above the posts and belongs to their form by its {@code form}
     * attribute: a Faces form of its own there made Mojarra buffer the rest of the page for its view state).
     */
    public String buttonSubmitted() {
        if (!Requests.isFormPost()) {
            // A link (GET) naming these parameters changes nothing: see Requests.isFormPost.
            return null;
        }
        String react = Requests.param("react");
        if (react != null) {
            return react(react);
        }
        Long deleting = Pages.longParam(Requests.param("deletePost"));
        if (deleting != null) {
            return Messages.attempt(() -> discussions.delete(deleting), "post.deletedDone") ? Pages.redirect(postPath(deleting)) : null;
        }
        Long showing = Pages.longParam(Requests.param("unhidePost"));
        if (showing != null) {
            return Messages.attempt(() -> moderation.unhide(showing), "post.shownDone") ? Pages.redirect(postPath(showing)) : null;
        }
        String follow = Requests.param("follow");
        if ("on".equals(follow) || "off".equals(follow)) {
            boolean on = "on".equals(follow);
            return Messages.attempt(() -> discussions.followThread(id, on), on ? "thread.followed" : "thread.unfollowed") ? self() : null;
        }
        return null;
    }

    /**
     * Toggles a reaction ({@code value} {@code <post id>:<kind>}). Without JavaScript the page comes back at the post;
     * discussion.js sends the same form in the background with the header {@code X-Reaction} and gets the post's
     * reactions back as JSON to update the buttons in place.
     */
    private String react(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return null;
        }
        Long postId = Pages.longParam(value.substring(0, colon));
        ReactionKind kind = kindOf(value.substring(colon + 1));
        List<DiscussionView.ReactionCount> now;
        try {
            now = discussions.react(postId, kind);
        } catch (DomainException e) {
            Pages.refused(e, null);
            return null;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.getExternalContext().getRequestHeaderMap().get("X-Reaction") == null) {
            return Pages.redirect(postPath(postId));
        }
        Pages.json(ReactionsJson.of(postId, reactionsOf(now)));
        return null;
    }

    public String hidePost() {
        Long postId = hide;
        try {
            moderation.hide(postId, hideReason);
            Messages.info("post.hiddenDone");
            return Pages.redirect(postPath(postId));
        } catch (DomainException e) {
            Pages.refused(e, null);
            return null;
        }
    }

    public String pin() {
        return Messages.attempt(() -> moderation.pin(id, true), "thread.pinnedDone") ? self() : null;
    }

    public String unpin() {
        return Messages.attempt(() -> moderation.pin(id, false), "thread.unpinnedDone") ? self() : null;
    }

    public String lock() {
        return Messages.attempt(() -> moderation.lock(id, true), "thread.lockedDone") ? self() : null;
    }

    public String unlock() {
        return Messages.attempt(() -> moderation.lock(id, false), "thread.unlockedDone") ? self() : null;
    }

    public String move() {
        String target = moveTarget;
        if (!Messages.attempt(() -> moderation.move(id, target), "thread.movedDone")) {
            return null;
        }
        return Pages.redirect(Pages.threadPath(target, id));
    }

    public String trash() {
        String group = getThread().groupSlug();
        return Messages.attempt(() -> moderation.trash(id), "thread.trashedDone") ? Pages.redirect(Pages.boardPath(group)) : null;
    }

    public String restore() {
        return Messages.attempt(() -> moderation.restore(id), "thread.restoredDone") ? self() : null;
    }

    private String self() {
        return Pages.redirect(Pages.threadPath(getThread().groupSlug(), id) + sizeParam() + "&page=" + getCurrentPage());
    }

    private static ReactionKind kindOf(String value) {
        try {
            return value == null ? null : ReactionKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- view parameters and form fields ---

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    /** Posts per page (parameter {@code size}, 10 to 200, default 50). */
    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        // Read in identify(), like the page.
    }

    public Integer getPage() {
        return getCurrentPage();
    }

    public void setPage(Integer page) {
        // Read in identify(); a link to a post (parameter post) decides the page itself.
    }

    public Long getEdit() {
        return edit;
    }

    public Long getHide() {
        return hide;
    }

    public Long getQuotedPostId() {
        return quotedPostId;
    }

    public String getEditBody() {
        return editBody;
    }

    public void setEditBody(String editBody) {
        this.editBody = editBody;
    }

    public String getEditTitle() {
        return editTitle;
    }

    public void setEditTitle(String editTitle) {
        this.editTitle = editTitle;
    }

    public Integer getEditVersion() {
        return editVersion;
    }

    /** The post's current text after a conflict; null otherwise. */
    public String getEditCurrent() {
        return editCurrent;
    }

    public String getHideReason() {
        return hideReason;
    }

    public void setHideReason(String hideReason) {
        this.hideReason = hideReason;
    }

    public String getMoveTarget() {
        return moveTarget;
    }

    public void setMoveTarget(String moveTarget) {
        this.moveTarget = moveTarget;
    }
}
