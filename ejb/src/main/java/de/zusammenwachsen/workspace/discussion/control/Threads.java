package de.zusammenwachsen.workspace.discussion.control;

import jakarta.inject.Inject;
import de.zusammenwachsen.workspace.account.control.AccountNames;
import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.DiscussionAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.discussion.entity.DiscussionThread;
import de.zusammenwachsen.workspace.discussion.entity.Post;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Loading threads and posts, and the lookups around them (names, members to mention, rendering). */
@Dependent
public class Threads {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(Settings.baseUrl());

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountNames accountNames;

    private final AccessPolicy policy = new AccessPolicy();

    public DiscussionThread thread(Long id) {
        DiscussionThread thread = id == null ? null : em.find(DiscussionThread.class, id);
        if (thread == null) {
            throw new NotFoundException();
        }
        return thread;
    }

    /** The thread if the viewer may read it (404 otherwise); a thread in the trash only for moderators. */
    public DiscussionThread readable(Long id, Viewer viewer) {
        DiscussionThread thread = thread(id);
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(thread.getGroup());
        policy.require(viewer, DiscussionAction.READ, facts, null, thread.isLocked());
        if (thread.isTrashed() && !policy.permits(viewer, DiscussionAction.MODERATE, facts, null, thread.isLocked())) {
            throw new NotFoundException();
        }
        return thread;
    }

    /**
     * Locks the thread row for a change of its posts: replies to one thread are numbered one after the other, and a
     * second submit of the same form waits for the first and then finds its post.
     */
    public DiscussionThread threadForUpdate(Long id) {
        DiscussionThread thread = thread(id);
        // Refreshed under the lock, not locked and then refreshed: a lock checks the version read before, which a
        // reply committed meanwhile has changed, and would fail instead of waiting for that reply and going on.
        em.refresh(thread, LockModeType.PESSIMISTIC_WRITE);
        return thread;
    }

    public Post post(Long id) {
        Post post = id == null ? null : em.find(Post.class, id);
        if (post == null) {
            throw new NotFoundException();
        }
        return post;
    }

    public int nextNumber(DiscussionThread thread) {
        Integer max = em.createQuery("select max(p.number) from Post p where p.thread = :t", Integer.class)
                .setParameter("t", thread).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    public Post byClientKey(Long authorId, String clientKey) {
        if (clientKey == null || clientKey.isBlank()) {
            return null;
        }
        return em.createQuery("select p from Post p join fetch p.thread where p.authorId = :a and p.clientKey = :k", Post.class)
                .setParameter("a", authorId).setParameter("k", clientKey.strip()).getResultStream().findFirst().orElse(null);
    }

    public Map<Long, String> names(Collection<Long> accountIds) {
        return accountNames.of(accountIds);
    }

    /**
     * The names of the thread's author and of the authors of its posts numbered after {@code after} up to
     * {@code last}: one page. By the page's range rather than by a list of ids, which Hibernate translates anew on
     * every call (a list parameter), on every view of a thread.
     */
    public Map<Long, String> pageNames(DiscussionThread thread, int after, int last) {
        Map<Long, String> names = new HashMap<>();
        em.createQuery("select a.id, a.displayName from Account a where a.id = :author or a.id in (select p.authorId "
                        + "from Post p where p.thread = :t and p.number > :after and p.number <= :last)", Object[].class)
                .setParameter("author", thread.getAuthorId()).setParameter("t", thread).setParameter("after", after)
                .setParameter("last", last).getResultList()
                .forEach(row -> names.put((Long) row[0], (String) row[1]));
        return names;
    }

    /** Renders Markdown, resolving {@code @[Name]} against the group's members (by display name, ignoring case). */
    public MarkdownRenderer.Result render(WorkingGroup group, String markdown) {
        Set<String> written = MarkdownRenderer.mentionedNames(markdown);
        Map<String, Long> members = new HashMap<>();
        if (!written.isEmpty()) {
            List<String> lower = written.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().limit(50).toList();
            em.createQuery("select m.account.id, m.account.displayName from Membership m where m.group = :g "
                            + "and lower(m.account.displayName) in :names order by m.account.id", Object[].class)
                    .setParameter("g", group).setParameter("names", lower).getResultList()
                    .forEach(row -> members.putIfAbsent(((String) row[1]).toLowerCase(Locale.ROOT), (Long) row[0]));
        }
        return RENDERER.render(markdown, name -> members.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Members whose name starts with (or has a word starting with) the given text, for mention suggestions. */
    public List<Object[]> membersNamed(WorkingGroup group, String prefix, int max) {
        String p = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
        return em.createQuery("select m.account.id, m.account.displayName from Membership m where m.group = :g "
                        + "and (lower(m.account.displayName) like :start or lower(m.account.displayName) like :word) "
                        + "order by lower(m.account.displayName)", Object[].class)
                .setParameter("g", group).setParameter("start", p + "%").setParameter("word", "% " + p + "%")
                .setMaxResults(max).getResultList();
    }
}
