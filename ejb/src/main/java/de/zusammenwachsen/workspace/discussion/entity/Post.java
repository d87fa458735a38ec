package de.zusammenwachsen.workspace.discussion.entity;

import de.zusammenwachsen.workspace.search.control.SearchableBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A post in a thread. Deleting keeps the row as a placeholder so that replies and quotes still make sense; hiding
 * is the moderators' way, with a reason only they see. Edits keep the previous text as a {@link PostRevision}.
 */
@Entity
@Indexed(index = "post")
@TypeBinding(binder = @TypeBinderRef(type = SearchableBinder.class,
        params = @Param(name = SearchableBinder.DEPENDS_ON, value = "number,body,authorId,createdAt,deletedAt,hiddenAt")))
@Table(name = "post")
public class Post {

    public static final int MAX_BODY = 20_000;
    public static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "thread_id")
    private DiscussionThread thread;

    @Column(nullable = false)
    private int number;

    @Column(name = "author_id")
    private Long authorId;

    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String body;

    @Column(name = "body_html", nullable = false, length = Integer.MAX_VALUE)
    private String bodyHtml;

    @Column(name = "html_version", nullable = false)
    private int htmlVersion;

    @Column(name = "quoted_post_id")
    private Long quotedPostId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "edit_count", nullable = false)
    private int editCount;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "hidden_at")
    private Instant hiddenAt;

    @Column(name = "hidden_by")
    private Long hiddenBy;

    @Column(name = "hidden_reason", length = MAX_REASON)
    private String hiddenReason;

    @Column(name = "client_key", length = 64)
    private String clientKey;

    @Version
    private int version;

    protected Post() {
    }

    Post(DiscussionThread thread, int number, Long authorId, RenderedText text, Post quoted, String clientKey, Instant at) {
        requireBody(text.markdown());
        this.thread = thread;
        this.number = number;
        this.authorId = authorId;
        this.body = text.markdown();
        this.bodyHtml = text.html();
        this.htmlVersion = text.rules();
        this.quotedPostId = quoted == null ? null : quoted.getId();
        this.clientKey = clientKey == null || clientKey.isBlank() ? null : clientKey.strip();
        this.createdAt = at;
    }

    /**
     * A post as a page of its thread shows it, made by a query's constructor expression ({@link #SHOWN}) instead of
     * loaded as a managed entity: Hibernate's bookkeeping for 200 managed posts (entity entries, snapshots, holders)
     * was a sixth of a thread page's CPU time (JFR). Such a post is detached: it has neither its thread nor its
     * Markdown source, and is only read.
     */
    public Post(Long id, int number, Long authorId, String bodyHtml, int htmlVersion, Long quotedPostId,
                Instant createdAt, Instant editedAt, int editCount, Instant deletedAt, Instant hiddenAt,
                String hiddenReason, int version) {
        this.id = id;
        this.number = number;
        this.authorId = authorId;
        this.bodyHtml = bodyHtml;
        this.htmlVersion = htmlVersion;
        this.quotedPostId = quotedPostId;
        this.createdAt = createdAt;
        this.editedAt = editedAt;
        this.editCount = editCount;
        this.deletedAt = deletedAt;
        this.hiddenAt = hiddenAt;
        this.hiddenReason = hiddenReason;
        this.version = version;
    }

    /** The select clause of a query for posts as shown ({@code p} the post), for the constructor above. */
    public static final String SHOWN = "select new " + Post.class.getName() + "(p.id, p.number, p.authorId, p.bodyHtml, "
            + "p.htmlVersion, p.quotedPostId, p.createdAt, p.editedAt, p.editCount, p.deletedAt, p.hiddenAt, "
            + "p.hiddenReason, p.version)";

    public static String requireBody(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            throw new InvalidInputException("discussion.body.required");
        }
        if (markdown.length() > MAX_BODY) {
            throw new InvalidInputException("discussion.body.tooLong", MAX_BODY);
        }
        if (markdown.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store a NUL in text; no one types one, so it is refused rather than silently changed.
            throw new InvalidInputException("discussion.body.invalidCharacter");
        }
        return markdown;
    }

    /** Replaces the text; the previous one becomes a revision (returned, to be persisted by the caller). */
    public PostRevision edit(RenderedText text, Long by, Instant at) {
        requireBody(text.markdown());
        if (deletedAt != null) {
            throw new ConflictException("discussion.post.deleted");
        }
        PostRevision previous = new PostRevision(this, body, editedAt == null ? createdAt : editedAt, by, at);
        this.body = text.markdown();
        this.bodyHtml = text.html();
        this.htmlVersion = text.rules();
        this.editedAt = at;
        this.editCount++;
        return previous;
    }

    /** Renders again under newer rules; not an edit, so no revision and no "edited" marker. */
    public void rerender(RenderedText text) {
        this.bodyHtml = text.html();
        this.htmlVersion = text.rules();
    }

    public void delete(Instant at) {
        if (deletedAt == null) {
            this.deletedAt = at;
        }
    }

    public void hide(Long by, String reason, Instant at) {
        String clean = reason == null ? "" : reason.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("discussion.hide.reasonRequired");
        }
        if (clean.length() > MAX_REASON) {
            throw new InvalidInputException("discussion.hide.reasonTooLong", MAX_REASON);
        }
        this.hiddenAt = at;
        this.hiddenBy = by;
        this.hiddenReason = clean;
    }

    public void unhide() {
        this.hiddenAt = null;
        this.hiddenBy = null;
        this.hiddenReason = null;
    }

    public boolean isVisibleToAll() {
        return deletedAt == null && hiddenAt == null;
    }

    public boolean isAuthor(Long accountId) {
        return accountId != null && accountId.equals(authorId);
    }

    public Long getId() {
        return id;
    }

    public DiscussionThread getThread() {
        return thread;
    }

    public int getNumber() {
        return number;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getBody() {
        return body;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public int getHtmlVersion() {
        return htmlVersion;
    }

    public Long getQuotedPostId() {
        return quotedPostId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    public int getEditCount() {
        return editCount;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isHidden() {
        return hiddenAt != null;
    }

    public Long getHiddenBy() {
        return hiddenBy;
    }

    public String getHiddenReason() {
        return hiddenReason;
    }

    public String getClientKey() {
        return clientKey;
    }

    public int getVersion() {
        return version;
    }
}
