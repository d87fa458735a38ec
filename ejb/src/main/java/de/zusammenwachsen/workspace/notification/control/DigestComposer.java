package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.account.control.AccountNames;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.discussion.entity.DiscussionThread;
import de.zusammenwachsen.workspace.discussion.entity.Post;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.notification.boundary.Mails;
import de.zusammenwachsen.workspace.notification.entity.MailState;
import de.zusammenwachsen.workspace.notification.entity.Notification;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes one recipient's digest in its own transaction: the notifications it covers are locked, marked DIGESTED
 * (or SKIPPED when their group is no longer readable) and the mail enters the outbox in the same commit. A crash
 * leaves either all of it or none; a second node running at the same time finds nothing left to take.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DigestComposer {

    private static final int EXCERPT = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountNames accountNames;

    @Inject
    Readers readers;

    @Inject
    Mails mails;

    @Inject
    Subscriptions subscriptions;

    /** Returns whether a mail was queued. */
    public boolean compose(Long recipientId, Instant cutoff) {
        List<Notification> due = em.createQuery("select n from Notification n where n.recipientId = :a "
                        + "and n.mailState = :digest and n.createdAt < :cutoff order by n.createdAt", Notification.class)
                .setParameter("a", recipientId).setParameter("digest", MailState.DIGEST).setParameter("cutoff", cutoff)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Account recipient = em.find(Account.class, recipientId);
        Map<Long, DiscussionThread> threads = byId(DiscussionThread.class, due.stream().map(Notification::getThreadId).toList(),
                DiscussionThread::getId);
        Map<Long, Post> posts = byId(Post.class, due.stream().map(Notification::getPostId).toList(), Post::getId);
        Map<Long, String> names = names(due.stream().map(Notification::getActorId).toList());
        Map<Long, Boolean> readable = new HashMap<>();
        Map<Long, Map<Long, List<Notification>>> byGroup = new LinkedHashMap<>();
        List<Long> included = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (Notification n : due) {
            DiscussionThread thread = threads.get(n.getThreadId());
            boolean ok = thread != null && !thread.isTrashed() && recipient != null && recipient.isActive()
                    && readable.computeIfAbsent(thread.getGroup().getId(), g -> readers.mayRead(recipientId, g));
            (ok ? included : skipped).add(n.getId());
            if (ok) {
                byGroup.computeIfAbsent(thread.getGroup().getId(), g -> new LinkedHashMap<>())
                        .computeIfAbsent(thread.getId(), t -> new ArrayList<>()).add(n);
            }
        }
        mark(included, MailState.DIGESTED);
        mark(skipped, MailState.SKIPPED);
        if (included.isEmpty()) {
            return false;
        }
        Map<Long, String> threadTokens = new HashMap<>();
        subscriptions.activeOf(recipientId).stream().filter(s -> s.getThreadId() != null)
                .forEach(s -> threadTokens.put(s.getThreadId(), s.getToken()));
        List<NotificationMails.DigestGroup> groups = new ArrayList<>();
        byGroup.forEach((groupId, inGroup) -> {
            List<NotificationMails.DigestThread> entries = new ArrayList<>();
            WorkingGroup group = null;
            for (Map.Entry<Long, List<Notification>> e : inGroup.entrySet()) {
                DiscussionThread thread = threads.get(e.getKey());
                group = thread.getGroup();
                List<NotificationMails.DigestItem> items = e.getValue().stream().map(n -> {
                    Post post = posts.get(n.getPostId());
                    String excerpt = post == null || !post.isVisibleToAll() ? null
                            : NotificationMails.excerpt(plain(post.getBodyHtml()), EXCERPT);
                    return new NotificationMails.DigestItem(n.getKind(), names.getOrDefault(n.getActorId(), "?"), excerpt,
                            Links.absolute(Links.thread(thread.getGroup().getSlug(), thread.getId(), n.getPostId())));
                }).toList();
                String token = threadTokens.get(thread.getId());
                entries.add(new NotificationMails.DigestThread(thread.getTitle(),
                        Links.absolute(Links.thread(thread.getGroup().getSlug(), thread.getId(), null)),
                        token == null ? null : Links.unfollowPage(token), items));
            }
            groups.add(new NotificationMails.DigestGroup(Objects.requireNonNull(group).getName(), entries));
        });
        mails.queue(NotificationMails.digest(recipient, groups, cutoff));
        return true;
    }

    private void mark(List<Long> ids, MailState state) {
        if (!ids.isEmpty()) {
            em.createQuery("update Notification n set n.mailState = :s where n.id in :ids")
                    .setParameter("s", state).setParameter("ids", ids).executeUpdate();
        }
    }

    private <T> Map<Long, T> byId(Class<T> type, List<Long> ids, Function<T, Long> id) {
        List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select x from " + type.getSimpleName() + " x where x.id in :ids", type)
                .setParameter("ids", wanted).getResultStream().collect(Collectors.toMap(id, Function.identity()));
    }

    private Map<Long, String> names(List<Long> ids) {
        return accountNames.of(ids);
    }

    /** The words of sanitized HTML, for an excerpt in a mail (which escapes it again). */
    static String plain(String html) {
        return html == null ? "" : html.replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&#64;", "@").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }
}
