package de.zusammenwachsen.workspace.discussion.entity;

import de.zusammenwachsen.workspace.search.control.SearchableBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
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
 * A discussion in a group's board. It keeps the figures the board shows (replies, last activity, an excerpt of the
 * opening post), updated by the posts' own operations while the thread row is locked, so the board is one query.
 */
@Entity
@Indexed(index = "thread")
@TypeBinding(binder = @TypeBinderRef(type = SearchableBinder.class,
        params = @Param(name = SearchableBinder.DEPENDS_ON, value = "title,excerpt,authorId,lastActivityAt,trashedAt")))
@Table(name = "discussion_thread")
public class DiscussionThread {

    public static final int MAX_TITLE = 200;
    static final int EXCERPT = 280;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private WorkingGroup group;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "last_poster_id")
    private Long lastPosterId;

    @Column(name = "reply_count", nullable = false)
    private int replyCount;

    @Column(length = 300)
    private String excerpt;

    private boolean pinned;

    private boolean locked;

    @Column(name = "trashed_at")
    private Instant trashedAt;

    @Column(name = "trashed_by")
    private Long trashedBy;

    @Version
    private int version;

    protected DiscussionThread() {
    }

    public DiscussionThread(WorkingGroup group, String title, Long authorId, Instant at) {
        this.group = group;
        this.title = requireTitle(title);
        this.authorId = authorId;
        this.createdAt = at;
        this.lastActivityAt = at;
        this.lastPosterId = authorId;
    }

    public static String requireTitle(String title) {
        // Control characters (a NUL would even be refused by PostgreSQL) become spaces; a title is one line.
        String clean = title == null ? "" : title.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new InvalidInputException("discussion.title.required");
        }
        if (clean.length() > MAX_TITLE) {
            throw new InvalidInputException("discussion.title.tooLong", MAX_TITLE);
        }
        return clean;
    }

    /** The opening post, number 1. */
    public Post open(RenderedText text, String clientKey, Instant at) {
        Post post = new Post(this, 1, authorId, text, null, clientKey, at);
        this.excerpt = text.excerpt(EXCERPT);
        return post;
    }

    /** A reply; {@code nextNumber} comes from the database while this thread is locked. */
    public Post reply(int nextNumber, Long author, RenderedText text, Post quoted, String clientKey, boolean moderator,
                      Instant at) {
        if (trashedAt != null) {
            throw new ConflictException("discussion.thread.trashed");
        }
        if (locked && !moderator) {
            throw new ConflictException("discussion.thread.locked");
        }
        Post post = new Post(this, nextNumber, author, text, quoted, clientKey, at);
        replyCount++;
        lastActivityAt = at;
        lastPosterId = author;
        return post;
    }

    /** Called when the opening post's text changes or disappears (edited, deleted, hidden: null). */
    public void openingChanged(RenderedText text) {
        this.excerpt = text == null ? null : text.excerpt(EXCERPT);
    }

    public void rename(String newTitle) {
        this.title = requireTitle(newTitle);
    }

    public void pin(boolean pin) {
        this.pinned = pin;
    }

    public void lock(boolean lock) {
        this.locked = lock;
    }

    public void moveTo(WorkingGroup target) {
        this.group = target;
    }

    public void trash(Long by, Instant at) {
        this.trashedAt = at;
        this.trashedBy = by;
    }

    public void restore() {
        this.trashedAt = null;
        this.trashedBy = null;
    }

    public boolean isAuthor(Long accountId) {
        return accountId != null && accountId.equals(authorId);
    }

    public Long getId() {
        return id;
    }

    public WorkingGroup getGroup() {
        return group;
    }

    public String getTitle() {
        return title;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Long getLastPosterId() {
        return lastPosterId;
    }

    public int getReplyCount() {
        return replyCount;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public boolean isPinned() {
        return pinned;
    }

    public boolean isLocked() {
        return locked;
    }

    public boolean isTrashed() {
        return trashedAt != null;
    }

    public Instant getTrashedAt() {
        return trashedAt;
    }

    public int getVersion() {
        return version;
    }
}
