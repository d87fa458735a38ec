package de.zusammenwachsen.workspace.notification.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.notification.control.Links;
import de.zusammenwachsen.workspace.notification.entity.Notification;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;

/**
 * The caller's own notifications: the count for the bell, the list, marking read. Only notifications about groups
 * the caller may read at this moment are counted and listed, and none about a thread in the trash.
 */
@Stateless
public class Notifications {

    private static final int EXCERPT = 160;

    /**
     * Readable now: join decisions always (the caller asked), otherwise the group must be one the caller belongs to,
     * a public one, or any for an administrator; the same rule as the access policy's READ_CONTENT. The count runs
     * on every page, for the bell, over the unread notifications: so the caller's membership is joined by its unique
     * key like the thread and the group (a subquery per notification was slow in H2, and a list of the caller's
     * groups as a parameter made Hibernate translate the query anew on every call), and the post is joined by the
     * list alone.
     */
    private static final String VISIBLE = " from Notification n left join DiscussionThread t on t.id = n.threadId "
            + "left join WorkingGroup g on g.id = n.groupId "
            + "left join Membership m on m.group.id = n.groupId and m.account.id = :me "
            + "where n.recipientId = :me and (t.id is null or t.trashedAt is null) and ("
            + "n.kind in (de.zusammenwachsen.workspace.notification.entity.NotificationKind.JOIN_APPROVED, "
            + "de.zusammenwachsen.workspace.notification.entity.NotificationKind.JOIN_DENIED) or :admin = true "
            + "or (g.archived = false and g.visibility = de.zusammenwachsen.workspace.group.entity.Visibility.PUBLIC) "
            + "or m.id is not null)";

    private static final String UNREAD = VISIBLE + " and n.readAt is null";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    private final AccessPolicy policy = new AccessPolicy();

    /** Unread notifications for the bell; 0 for guests. */
    public long unreadCount() {
        Viewer viewer = caller.viewer();
        if (viewer.isGuest()) {
            return 0;
        }
        return bind(em.createQuery("select count(n)" + UNREAD, Long.class), viewer)
                .getSingleResult();
    }

    /**
     * The unread notifications counted up to {@code atMost}: the bell on every page shows larger counts as "99+", and
     * counting all of a member's hundreds of unread notifications (each checked against its thread and group) on
     * every page was a twelfth of a thread page's CPU time (JFR).
     */
    public long unreadCount(int atMost) {
        Viewer viewer = caller.viewer();
        if (viewer.isGuest()) {
            return 0;
        }
        return bind(em.createQuery("select n.id" + UNREAD, Long.class), viewer)
                .setMaxResults(atMost).getResultList().size();
    }

    public Page<NotificationView.Item> list(boolean unreadOnly, int first, int size) {
        Viewer viewer = caller.viewer();
        policy.requireAccount(viewer);
        String filter = unreadOnly ? " and n.readAt is null" : "";
        long total = bind(em.createQuery("select count(n)" + VISIBLE + filter, Long.class), viewer).getSingleResult();
        List<Object[]> rows = bind(em.createQuery("select n, t.title, g.slug, g.name, p.body, p.deletedAt, p.hiddenAt, "
                        + "a.displayName, mt.title" + VISIBLE.replaceFirst(" where ", " left join Post p on p.id = n.postId "
                        + "left join Account a on a.id = n.actorId left join Meeting mt on mt.id = n.meetingId where ") + filter
                        + " order by n.createdAt desc, n.id desc", Object[].class), viewer)
                .setFirstResult(Math.max(0, first)).setMaxResults(Page.clampSize(size)).getResultList();
        List<NotificationView.Item> items = rows.stream().map(Notifications::item).toList();
        return new Page<>(items, total, Math.max(0, first), Page.clampSize(size));
    }

    /** Marks one of the caller's notifications read and says where it leads. */
    public String open(Long id) {
        Notification notification = own(id);
        notification.markRead(Instant.now());
        return linkOf(notification);
    }

    public void markRead(Long id) {
        own(id).markRead(Instant.now());
    }

    public int markAllRead() {
        Viewer viewer = caller.viewer();
        policy.requireAccount(viewer);
        return em.createQuery("update Notification n set n.readAt = :now where n.recipientId = :me and n.readAt is null")
                .setParameter("now", Instant.now()).setParameter("me", viewer.accountId()).executeUpdate();
    }

    private Notification own(Long id) {
        Viewer viewer = caller.viewer();
        policy.requireAccount(viewer);
        Notification notification = id == null ? null : em.find(Notification.class, id);
        if (notification == null || !notification.getRecipientId().equals(viewer.accountId())) {
            throw new NotFoundException();
        }
        Long visible = bind(em.createQuery("select count(n)" + VISIBLE + " and n.id = :id", Long.class), viewer)
                .setParameter("id", id).getSingleResult();
        if (visible == 0) {
            throw new NotFoundException();
        }
        return notification;
    }

    private String linkOf(Notification n) {
        if (n.getMeetingId() != null) {
            return Links.minutes(n.getMeetingId());
        }
        if (n.getThreadId() != null) {
            String slug = em.createQuery("select t.group.slug from DiscussionThread t where t.id = :id", String.class)
                    .setParameter("id", n.getThreadId()).getSingleResult();
            return Links.thread(slug, n.getThreadId(), n.getPostId());
        }
        String slug = em.createQuery("select g.slug from WorkingGroup g where g.id = :id", String.class)
                .setParameter("id", n.getGroupId()).getSingleResult();
        return Links.group(slug);
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query, Viewer viewer) {
        return query.setParameter("me", viewer.accountId()).setParameter("admin", viewer.administrator());
    }

    private static NotificationView.Item item(Object[] row) {
        Notification n = (Notification) row[0];
        String title = (String) row[1];
        String slug = (String) row[2];
        boolean postGone = row[5] != null || row[6] != null;
        String excerpt = row[4] == null || postGone ? null : excerpt((String) row[4]);
        String link = n.getMeetingId() != null ? Links.minutes(n.getMeetingId())
                : n.getThreadId() != null ? Links.thread(slug, n.getThreadId(), n.getPostId()) : Links.group(slug);
        return new NotificationView.Item(n.getId(), n.getKind(), slug, (String) row[3], n.getThreadId(), title,
                n.getPostId(), (String) row[7], excerpt, n.getCreatedAt(), n.getReadAt() != null, link,
                n.getMeetingId(), (String) row[8]);
    }

    /** A short plain reading of a post's Markdown for the list; shown escaped, so only readability matters here. */
    static String excerpt(String markdown) {
        String flat = markdown.replaceAll("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+\\.)\\s+", "")
                .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[*_`~]+", "")
                .replaceAll("@\\[([^\\]]+)]", "@$1").replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }
}
