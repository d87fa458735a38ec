package de.zusammenwachsen.workspace.discussion.boundary;

import de.zusammenwachsen.workspace.search.control.SearchIndex;
import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.DiscussionAction;
import de.zusammenwachsen.workspace.access.control.GroupAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.Flush;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView.Filter;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView.Permission;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView.PostPermission;
import de.zusammenwachsen.workspace.discussion.control.MarkdownRenderer;
import de.zusammenwachsen.workspace.discussion.control.ReadMarkers;
import de.zusammenwachsen.workspace.discussion.control.Threads;
import de.zusammenwachsen.workspace.discussion.entity.DiscussionThread;
import de.zusammenwachsen.workspace.discussion.entity.Post;
import de.zusammenwachsen.workspace.discussion.entity.PostMention;
import de.zusammenwachsen.workspace.discussion.entity.PostReaction;
import de.zusammenwachsen.workspace.discussion.entity.PostRevision;
import de.zusammenwachsen.workspace.discussion.entity.ReactionKind;
import de.zusammenwachsen.workspace.discussion.entity.RenderedText;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.notification.control.Notifier;
import de.zusammenwachsen.workspace.notification.control.Subject;
import de.zusammenwachsen.workspace.notification.control.Subscriptions;
import de.zusammenwachsen.workspace.notification.entity.Subscription;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A group's discussions as members use them: the board, a thread with its posts, starting a thread, replying
 * (with quotes and mentions), editing and deleting one's own posts, reactions, following. Every method asks the
 * {@link AccessPolicy}; whoever may not read the group's content gets 404 for all of it.
 */
@Stateless
public class Discussions {

    private static final Logger LOG = Logger.getLogger(Discussions.class.getName());
    static final int MAX_POSTS_PAGE = 200;
    private static final int MENTION_SUGGESTIONS = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndex searchIndex;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    Threads threads;

    @Inject
    ReadMarkers readMarkers;

    @Inject
    Notifier notifier;

    @Inject
    Subscriptions subscriptions;

    private final AccessPolicy policy = new AccessPolicy();

    public DiscussionView.Board board(String slug, Filter filter, int first, int size) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(group);
        policy.require(viewer, DiscussionAction.READ, facts, null, false);
        Filter shown = filter == null ? Filter.ALL : filter;
        if (shown == Filter.TRASH) {
            policy.require(viewer, DiscussionAction.MODERATE, facts, null, false);
        }
        Long me = viewer.accountId();
        StringBuilder where = new StringBuilder(" from DiscussionThread t where t.group = :g and t.trashedAt is ")
                .append(shown == Filter.TRASH ? "not null" : "null");
        switch (shown) {
            case MINE -> where.append(" and (t.authorId = :me or exists (select p.id from Post p where p.thread = t and p.authorId = :me))");
            case PINNED -> where.append(" and t.pinned = true");
            case UNREAD -> where.append(" and not exists (select r.readAt from ThreadRead r where r.key.accountId = :me "
                    + "and r.key.threadId = t.id and r.readAt >= t.lastActivityAt)");
            default -> { }
        }
        boolean needsMe = shown == Filter.MINE || shown == Filter.UNREAD;
        TypedQuery<Long> count = em.createQuery("select count(t)" + where, Long.class).setParameter("g", group);
        TypedQuery<DiscussionThread> list = em.createQuery("select t" + where
                        + " order by t.pinned desc, t.lastActivityAt desc, t.id desc", DiscussionThread.class)
                .setParameter("g", group).setFirstResult(Math.max(0, first)).setMaxResults(Page.clampSize(size));
        if (needsMe) {
            count.setParameter("me", me == null ? -1L : me);
            list.setParameter("me", me == null ? -1L : me);
        }
        List<DiscussionThread> found = list.getResultList();
        Map<Long, Instant> readAt = readMarkers(me, found.stream().map(DiscussionThread::getId).toList());
        List<Long> people = new ArrayList<>();
        found.forEach(t -> {
            people.add(t.getAuthorId());
            people.add(t.getLastPosterId());
        });
        Map<Long, String> names = threads.names(people);
        List<DiscussionView.ThreadEntry> entries = found.stream().map(t -> new DiscussionView.ThreadEntry(t.getId(),
                t.getTitle(), names.get(t.getAuthorId()), t.getCreatedAt(), t.getReplyCount(), t.getLastActivityAt(),
                names.get(t.getLastPosterId()), t.getExcerpt(), t.isPinned(), t.isLocked(),
                me != null && (readAt.get(t.getId()) == null || readAt.get(t.getId()).isBefore(t.getLastActivityAt())),
                t.isTrashed())).toList();
        boolean following = me != null && subscriptions.ofGroup(me, group.getId()).map(Subscription::isActive).orElse(false);
        return new DiscussionView.Board(group.getId(), group.getSlug(), group.getName(), shown,
                new Page<>(entries, count.getSingleResult(), Math.max(0, first), Page.clampSize(size)), following,
                permissions(viewer, facts, false));
    }

    /**
     * A thread with one page of its posts; {@code postId} (optional) picks the page that holds that post. Marks the
     * thread read up to the newest post shown.
     */
    public DiscussionView.Thread thread(Long threadId, Long postId, int first, int size) {
        DiscussionThread thread = readable(threadId);
        WorkingGroup group = thread.getGroup();
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(group);
        boolean moderator = policy.permits(viewer, DiscussionAction.MODERATE, facts, null, thread.isLocked());
        int pageSize = Math.max(1, Math.min(size, MAX_POSTS_PAGE));
        int start = Math.max(0, first);
        if (postId != null) {
            Post target = em.find(Post.class, postId);
            if (target != null && target.getThread() == thread) {
                start = (target.getNumber() - 1) / pageSize * pageSize;
            }
        }
        long total = em.createQuery("select count(p) from Post p where p.thread = :t", Long.class)
                .setParameter("t", thread).getSingleResult();
        // Detached posts as shown (Post.SHOWN): a page of up to 200 is only read. Posts rendered under older rules
        // are loaded, rendered again and stored by an update of their own.
        List<Post> posts = em.createQuery(Post.SHOWN + " from Post p where p.thread = :t and p.number > :from "
                        + "order by p.number", Post.class).setParameter("t", thread).setParameter("from", start)
                .setMaxResults(pageSize).getResultList().stream()
                .map(p -> p.getHtmlVersion() < MarkdownRenderer.RULES ? rerender(group, readOnly(p.getId())) : p)
                .toList();
        Long me = viewer.accountId();
        Map<Long, List<DiscussionView.ReactionCount>> reactions = posts.isEmpty() ? Map.of()
                : reactions(thread, start, posts.get(posts.size() - 1).getNumber(), me);
        Map<Long, String> names = threads.pageNames(thread, start,
                posts.isEmpty() ? start : posts.get(posts.size() - 1).getNumber());
        Instant previous = me == null ? null : readMarkers.readAt(me, thread.getId());
        List<DiscussionView.PostEntry> entries = posts.stream().map(p -> entry(p, thread, viewer, facts, moderator, names,
                reactions.getOrDefault(p.getId(), List.of()), previous)).toList();
        if (me != null && !posts.isEmpty()) {
            markRead(me, thread, previous, posts, start + posts.size() >= total);
        }
        boolean following = me != null && subscriptions.followsThread(me, thread.getId());
        return new DiscussionView.Thread(thread.getId(), group.getId(), group.getSlug(), group.getName(), thread.getTitle(),
                thread.getAuthorId(), names.get(thread.getAuthorId()), thread.getCreatedAt(), thread.getLastActivityAt(),
                thread.isPinned(), thread.isLocked(), thread.isTrashed(), thread.getReplyCount(), thread.getVersion(),
                new Page<>(entries, total, start, pageSize), following, permissions(viewer, facts, thread.isLocked()),
                moderator ? moveTargets(viewer, group) : List.of());
    }

    public DiscussionView.Created start(String slug, String title, String body, String clientKey) {
        WorkingGroup group = groups.bySlugForUpdate(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, DiscussionAction.START_THREAD, AccessPolicy.GroupFacts.of(group), null, false);
        Post earlier = threads.byClientKey(viewer.accountId(), clientKey);
        if (earlier != null) {
            return new DiscussionView.Created(earlier.getThread().getId(), earlier.getId(), earlier.getNumber(), true);
        }
        Post.requireBody(body);
        Instant now = Instant.now();
        DiscussionThread thread = new DiscussionThread(group, title, viewer.accountId(), now);
        MarkdownRenderer.Result rendered = threads.render(group, body);
        Post post = thread.open(rendered.text(), clientKey, now);
        Flush.orConflict(em, "discussion.submittedTwice", () -> {
            em.persist(thread);
            em.persist(post);
        });
        rendered.mentioned().forEach(id -> em.persist(new PostMention(post.getId(), id)));
        subscriptions.followThreadOnce(viewer.accountId(), thread.getId());
        notifier.threadStarted(subject(thread, post, rendered), rendered.mentioned());
        return new DiscussionView.Created(thread.getId(), post.getId(), 1, false);
    }

    /** Replies to a thread; {@code quotedPostId} (optional) names the post whose passage the reply quotes. */
    public DiscussionView.Created reply(Long threadId, String body, Long quotedPostId, String clientKey) {
        readable(threadId);
        DiscussionThread thread = threads.threadForUpdate(threadId);
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(thread.getGroup());
        Post earlier = threads.byClientKey(viewer.accountId(), clientKey);
        if (earlier != null && earlier.getThread() == thread) {
            return new DiscussionView.Created(thread.getId(), earlier.getId(), earlier.getNumber(), true);
        }
        // Asked as if unlocked: a member's reply to a locked thread is refused by the thread itself, as a conflict
        // with its own message (409), not as a right the member lacks (403).
        policy.require(viewer, DiscussionAction.REPLY, facts, null, false);
        Post.requireBody(body);
        Post quoted = null;
        if (quotedPostId != null) {
            quoted = em.find(Post.class, quotedPostId);
            if (quoted == null || quoted.getThread() != thread) {
                throw new InvalidInputException("discussion.quote.unknown");
            }
        }
        MarkdownRenderer.Result rendered = threads.render(thread.getGroup(), body);
        boolean moderator = policy.permits(viewer, DiscussionAction.MODERATE, facts, null, thread.isLocked());
        Post post = thread.reply(threads.nextNumber(thread), viewer.accountId(), rendered.text(), quoted, clientKey,
                moderator, Instant.now());
        Flush.orConflict(em, "discussion.submittedTwice", () -> em.persist(post));
        rendered.mentioned().forEach(id -> em.persist(new PostMention(post.getId(), id)));
        subscriptions.followThreadOnce(viewer.accountId(), thread.getId());
        notifier.replied(subject(thread, post, rendered), rendered.mentioned());
        return new DiscussionView.Created(thread.getId(), post.getId(), post.getNumber(), false);
    }

    /** The Markdown of one's own post, to edit it. */
    public DiscussionView.PostSource source(Long postId) {
        Post post = threads.post(postId);
        DiscussionThread thread = readable(post.getThread().getId());
        policy.require(caller.viewer(), DiscussionAction.EDIT_POST, AccessPolicy.GroupFacts.of(thread.getGroup()),
                post.getAuthorId(), thread.isLocked());
        return new DiscussionView.PostSource(post.getId(), thread.getId(), post.getNumber(), post.getBody(),
                post.getVersion(), thread.getTitle(), post.getNumber() == 1);
    }

    /**
     * The Markdown of a post to quote in a reply, with its author's name: any post that every reader of the thread
     * sees (not a deleted or hidden one, whose text only moderators read).
     */
    public DiscussionView.Quote quote(Long postId) {
        Post post = threads.post(postId);
        DiscussionThread thread = readable(post.getThread().getId());
        if (!post.isVisibleToAll()) {
            throw new NotFoundException();
        }
        String author = threads.names(List.of(post.getAuthorId())).get(post.getAuthorId());
        return new DiscussionView.Quote(post.getId(), thread.getId(), author, post.getBody());
    }

    /**
     * Changes one's own post; {@code version} is the one the editor started from (changed meanwhile: 409, and the
     * caller keeps what was typed). {@code title} renames the thread when the post opens it (null: unchanged).
     */
    public void edit(Long postId, int version, String body, String title) {
        Post post = threads.post(postId);
        readable(post.getThread().getId());
        DiscussionThread thread = threads.threadForUpdate(post.getThread().getId());
        em.refresh(post);
        Viewer viewer = caller.viewer();
        policy.require(viewer, DiscussionAction.EDIT_POST, AccessPolicy.GroupFacts.of(thread.getGroup()),
                post.getAuthorId(), thread.isLocked());
        if (post.getVersion() != version) {
            throw new ConflictException("discussion.post.conflict");
        }
        Set<Long> before = new HashSet<>(em.createQuery("select m.key.accountId from PostMention m where m.key.postId = :p",
                Long.class).setParameter("p", post.getId()).getResultList());
        MarkdownRenderer.Result rendered = threads.render(thread.getGroup(), body);
        PostRevision previous = post.edit(rendered.text(), viewer.accountId(), Instant.now());
        em.persist(previous);
        if (post.getNumber() == 1) {
            if (title != null) {
                thread.rename(title);
                searchIndex.thread(thread);
            }
            thread.openingChanged(post.isVisibleToAll() ? rendered.text() : null);
        }
        List<Long> newly = rendered.mentioned().stream().filter(id -> !before.contains(id)).toList();
        newly.forEach(id -> em.persist(new PostMention(post.getId(), id)));
        Flush.orConflict(em, "discussion.post.conflict");
        if (!newly.isEmpty()) {
            notifier.mentioned(subject(thread, post, rendered), newly);
        }
    }

    /** Deletes one's own post; a placeholder stays so that the thread still reads. */
    public void delete(Long postId) {
        Post post = threads.post(postId);
        readable(post.getThread().getId());
        DiscussionThread thread = threads.threadForUpdate(post.getThread().getId());
        policy.require(caller.viewer(), DiscussionAction.DELETE_POST, AccessPolicy.GroupFacts.of(thread.getGroup()),
                post.getAuthorId(), thread.isLocked());
        post.delete(Instant.now());
        if (post.getNumber() == 1) {
            thread.openingChanged(null);
        }
    }

    /** Adds the caller's reaction of that kind, or takes it back when it is there; returns the post's reactions. */
    public List<DiscussionView.ReactionCount> react(Long postId, ReactionKind kind) {
        if (kind == null) {
            throw new InvalidInputException("discussion.reaction.unknown");
        }
        Post post = threads.post(postId);
        DiscussionThread thread = readable(post.getThread().getId());
        Viewer viewer = caller.viewer();
        policy.require(viewer, DiscussionAction.REACT, AccessPolicy.GroupFacts.of(thread.getGroup()), post.getAuthorId(),
                thread.isLocked());
        if (!post.isVisibleToAll()) {
            throw new NotFoundException();
        }
        PostReaction existing = em.find(PostReaction.class, new PostReaction.Key(post.getId(), viewer.accountId(), kind));
        if (existing != null) {
            em.remove(existing);
        } else {
            em.persist(new PostReaction(post.getId(), viewer.accountId(), kind));
        }
        Flush.orConflict(em, "error.changedMeanwhile");
        return reactions(thread, post.getNumber() - 1, post.getNumber(), viewer.accountId())
                .getOrDefault(post.getId(), List.of());
    }

    /** Renders a draft as it would be posted in the group, with the mentions it would make. */
    public DiscussionView.Preview preview(String slug, String body) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), DiscussionAction.START_THREAD, AccessPolicy.GroupFacts.of(group), null, false);
        if (body != null && body.length() > Post.MAX_BODY) {
            throw new InvalidInputException("discussion.body.tooLong", Post.MAX_BODY);
        }
        MarkdownRenderer.Result rendered = threads.render(group, body == null ? "" : body);
        Map<Long, String> names = threads.names(rendered.mentioned());
        return new DiscussionView.Preview(rendered.text().html(),
                rendered.mentioned().stream().map(id -> new DiscussionView.MemberRef(id, names.get(id))).toList());
    }

    /** Members of the group to mention, by the start of their name (or of a word of it). */
    public List<DiscussionView.MemberRef> mentionCandidates(String slug, String prefix) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, GroupAction.SEE_MEMBERS, group);
        policy.require(viewer, DiscussionAction.START_THREAD, AccessPolicy.GroupFacts.of(group), null, false);
        return threads.membersNamed(group, prefix, MENTION_SUGGESTIONS).stream()
                .map(row -> new DiscussionView.MemberRef((Long) row[0], (String) row[1])).toList();
    }

    /** Earlier texts of a post, newest first; for moderators. */
    public List<DiscussionView.Revision> history(Long postId) {
        Post post = threads.post(postId);
        DiscussionThread thread = readable(post.getThread().getId());
        policy.require(caller.viewer(), DiscussionAction.MODERATE, AccessPolicy.GroupFacts.of(thread.getGroup()), null,
                thread.isLocked());
        List<PostRevision> revisions = em.createQuery("select r from PostRevision r where r.post = :p order by r.id desc",
                PostRevision.class).setParameter("p", post).getResultList();
        Map<Long, String> names = threads.names(revisions.stream().map(PostRevision::getReplacedBy).toList());
        return revisions.stream().map(r -> new DiscussionView.Revision(r.getBody(), r.getWrittenAt(), r.getReplacedAt(),
                names.get(r.getReplacedBy()))).toList();
    }

    public void followThread(Long threadId, boolean follow) {
        DiscussionThread thread = readable(threadId);
        Viewer viewer = caller.viewer();
        policy.require(viewer, DiscussionAction.FOLLOW, AccessPolicy.GroupFacts.of(thread.getGroup()), null, false);
        subscriptions.followThread(viewer.accountId(), thread.getId(), follow);
        Flush.orConflict(em, "error.changedMeanwhile");
    }

    /** Follows a group's board: every new thread is notified. */
    public void followBoard(String slug, boolean follow) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, DiscussionAction.FOLLOW, AccessPolicy.GroupFacts.of(group), null, false);
        subscriptions.followGroup(viewer.accountId(), group.getId(), follow);
        Flush.orConflict(em, "error.changedMeanwhile");
    }

    private DiscussionThread readable(Long threadId) {
        return threads.readable(threadId, caller.viewer());
    }

    /** A post loaded read-only: changing it in memory writes nothing and does not count as a new version. */
    private Post readOnly(Long postId) {
        return em.createQuery("select p from Post p where p.id = :id", Post.class).setParameter("id", postId)
                .setHint("org.hibernate.readOnly", true).getSingleResult();
    }

    private Post rerender(WorkingGroup group, Post post) {
        RenderedText text = threads.render(group, post.getBody()).text();
        post.rerender(text);
        em.createQuery("update Post p set p.bodyHtml = :html, p.htmlVersion = :rules where p.id = :id and p.htmlVersion < :rules")
                .setParameter("html", text.html()).setParameter("rules", text.rules()).setParameter("id", post.getId())
                .executeUpdate();
        return post;
    }

    /**
     * Moves the reader's marker forward and marks the reader's notifications of the shown posts read; reading a page
     * again that was read before writes nothing.
     */
    private void markRead(Long me, DiscussionThread thread, Instant previous, List<Post> shown, boolean lastPage) {
        Instant newestShown = shown.get(shown.size() - 1).getCreatedAt();
        Instant until = lastPage && thread.getLastActivityAt().isAfter(newestShown) ? thread.getLastActivityAt() : newestShown;
        if (previous != null && !previous.isBefore(until)) {
            return;
        }
        try {
            readMarkers.readUntil(me, thread.getId(), until, shown.get(0).getNumber(),
                    shown.get(shown.size() - 1).getNumber());
        } catch (EJBException e) {
            LOG.log(Level.FINE, "Read marker of thread " + thread.getId() + " written concurrently; the other write stands", e);
        }
    }

    private Map<Long, Instant> readMarkers(Long me, List<Long> threadIds) {
        Map<Long, Instant> readAt = new HashMap<>();
        if (me != null && !threadIds.isEmpty()) {
            em.createQuery("select r.key.threadId, r.readAt from ThreadRead r where r.key.accountId = :me "
                            + "and r.key.threadId in :ids", Object[].class)
                    .setParameter("me", me).setParameter("ids", threadIds).getResultList()
                    .forEach(row -> readAt.put((Long) row[0], (Instant) row[1]));
        }
        return readAt;
    }

    /**
     * The reactions to the thread's posts numbered after {@code after} up to {@code last}: a page, or one post. By
     * the range of post numbers (two parameters and a range of the thread's index on post numbers) rather than by a
     * list of up to 200 post ids to bind and look up.
     */
    private Map<Long, List<DiscussionView.ReactionCount>> reactions(DiscussionThread thread, int after, int last,
                                                                    Long me) {
        Map<Long, Map<ReactionKind, long[]>> counts = new HashMap<>();
        em.createQuery("select r.key.postId, r.key.kind, count(r), "
                        + "sum(case when r.key.accountId = :me then 1 else 0 end) from PostReaction r, Post p "
                        + "where p.id = r.key.postId and p.thread = :t and p.number > :after and p.number <= :last "
                        + "group by r.key.postId, r.key.kind", Object[].class)
                .setParameter("me", me == null ? -1L : me).setParameter("t", thread).setParameter("after", after)
                .setParameter("last", last).getResultList()
                .forEach(row -> counts.computeIfAbsent((Long) row[0], k -> new EnumMap<>(ReactionKind.class))
                        .put((ReactionKind) row[1], new long[]{(Long) row[2], ((Number) row[3]).longValue()}));
        Map<Long, List<DiscussionView.ReactionCount>> result = new HashMap<>();
        counts.forEach((post, kinds) -> result.put(post, kinds.entrySet().stream()
                .map(e -> new DiscussionView.ReactionCount(e.getKey(), e.getKey().symbol(), e.getValue()[0], e.getValue()[1] > 0))
                .toList()));
        return result;
    }

    private DiscussionView.PostEntry entry(Post p, DiscussionThread thread, Viewer viewer, AccessPolicy.GroupFacts facts,
                                           boolean moderator, Map<Long, String> names,
                                           List<DiscussionView.ReactionCount> reactions, Instant previous) {
        Set<PostPermission> may = EnumSet.noneOf(PostPermission.class);
        if (!p.isDeleted() && policy.permits(viewer, DiscussionAction.EDIT_POST, facts, p.getAuthorId(), thread.isLocked())) {
            may.add(PostPermission.EDIT);
        }
        if (!p.isDeleted() && policy.permits(viewer, DiscussionAction.DELETE_POST, facts, p.getAuthorId(), thread.isLocked())) {
            may.add(PostPermission.DELETE);
        }
        if (p.isVisibleToAll() && policy.permits(viewer, DiscussionAction.REACT, facts, p.getAuthorId(), thread.isLocked())) {
            may.add(PostPermission.REACT);
        }
        if (moderator) {
            may.add(PostPermission.HIDE);
            if (p.getEditCount() > 0) {
                may.add(PostPermission.HISTORY);
            }
        }
        boolean shown = p.isVisibleToAll() || moderator;
        boolean fresh = previous != null && p.getCreatedAt().isAfter(previous) && !p.isAuthor(viewer.accountId());
        return new DiscussionView.PostEntry(p.getId(), p.getNumber(), p.getAuthorId(), names.get(p.getAuthorId()),
                shown ? p.getBodyHtml() : null, p.getCreatedAt(), p.getEditedAt(), p.getEditCount(), p.isDeleted(),
                p.isHidden(), moderator ? p.getHiddenReason() : null, fresh, p.getQuotedPostId(), reactions,
                p.getVersion(), may);
    }

    private Set<Permission> permissions(Viewer viewer, AccessPolicy.GroupFacts facts, boolean locked) {
        Set<Permission> may = EnumSet.noneOf(Permission.class);
        if (policy.permits(viewer, DiscussionAction.START_THREAD, facts, null, locked)) {
            may.add(Permission.START_THREAD);
        }
        if (policy.permits(viewer, DiscussionAction.REPLY, facts, null, locked)) {
            may.add(Permission.REPLY);
        }
        if (policy.permits(viewer, DiscussionAction.FOLLOW, facts, null, locked)) {
            may.add(Permission.FOLLOW);
        }
        if (policy.permits(viewer, DiscussionAction.MODERATE, facts, null, locked)) {
            may.add(Permission.MODERATE);
        }
        return may;
    }

    /** Groups a moderator may move a thread to: those they moderate (administrators: all), not archived. */
    private List<DiscussionView.GroupRef> moveTargets(Viewer viewer, WorkingGroup current) {
        String query = viewer.administrator()
                ? "select g.slug, g.name from WorkingGroup g where g.archived = false and g <> :current order by g.name"
                : "select m.group.slug, m.group.name from Membership m where m.account.id = :me and m.role = "
                  + "de.zusammenwachsen.workspace.group.entity.Role.MODERATOR and m.group.archived = false "
                  + "and m.group <> :current order by m.group.name";
        TypedQuery<Object[]> q = em.createQuery(query, Object[].class).setParameter("current", current).setMaxResults(200);
        if (!viewer.administrator()) {
            q.setParameter("me", viewer.accountId());
        }
        return q.getResultList().stream().map(r -> new DiscussionView.GroupRef((String) r[0], (String) r[1])).toList();
    }

    static Subject subject(DiscussionThread thread, Post post, MarkdownRenderer.Result rendered) {
        return new Subject(thread.getGroup(), thread.getId(), thread.getTitle(), post.getId(), post.getNumber(),
                post.getAuthorId(), rendered.text().plain(), rendered.text().html());
    }
}
