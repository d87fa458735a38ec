package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.notification.boundary.Mails;
import de.zusammenwachsen.workspace.notification.entity.MailMode;
import de.zusammenwachsen.workspace.notification.entity.MailState;
import de.zusammenwachsen.workspace.notification.entity.Notification;
import de.zusammenwachsen.workspace.notification.entity.NotificationKind;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the notifications a change causes, inside the transaction of that change: in-app rows, and for those who
 * want mail at once a mail in the outbox; those who chose the daily digest get theirs marked for it. Only accounts
 * that may read the group right now are notified; the author never is.
 */
@Dependent
public class Notifier {

    @PersistenceContext
    EntityManager em;

    @Inject
    Readers readers;

    @Inject
    Subscriptions subscriptions;

    @Inject
    MailModes modes;

    @Inject
    Mails mails;

    /** A new thread: the group's followers hear of it, those mentioned in the opening post are mentioned. */
    public void threadStarted(Subject subject, Collection<Long> mentioned) {
        notify(subject, mentioned, NotificationKind.NEW_THREAD, subscriptions.groupFollowers(subject.group().getId()), true);
    }

    /** A reply: the thread's followers hear of it, those mentioned are mentioned. */
    public void replied(Subject subject, Collection<Long> mentioned) {
        notify(subject, mentioned, NotificationKind.REPLY, subscriptions.threadFollowers(subject.threadId()), false);
    }

    /** An edit that mentions people who were not mentioned before. */
    public void mentioned(Subject subject, Collection<Long> newlyMentioned) {
        notify(subject, newlyMentioned, null, Map.of(), false);
    }

    private void notify(Subject subject, Collection<Long> mentioned, NotificationKind followerKind,
                        Map<Long, String> followers, boolean groupTokens) {
        Set<Long> candidates = new LinkedHashSet<>(mentioned);
        if (followerKind != null) {
            candidates.addAll(followers.keySet());
        }
        candidates.remove(subject.actorId());
        WorkingGroup group = subject.group();
        Set<Long> allowed = readers.of(group, candidates);
        if (allowed.isEmpty()) {
            return;
        }
        Map<Long, MailMode> chosen = modes.of(group.getId(), allowed);
        Map<Long, Account> accounts = em.createQuery("select a from Account a where a.id in :ids", Account.class)
                .setParameter("ids", List.copyOf(allowed)).getResultStream()
                .collect(Collectors.toMap(Account::getId, Function.identity()));
        Account actor = subject.actorId() == null ? null : em.find(Account.class, subject.actorId());
        String actorName = actor == null ? "?" : actor.getDisplayName();
        Instant now = Instant.now();
        for (Long id : allowed) {
            Account recipient = accounts.get(id);
            NotificationKind kind = mentioned.contains(id) ? NotificationKind.MENTION : followerKind;
            MailMode mode = chosen.getOrDefault(id, MailMode.INSTANT);
            MailState state = switch (mode) {
                case INSTANT -> MailState.MAILED;
                case DAILY -> MailState.DIGEST;
                case OFF -> MailState.NONE;
            };
            em.persist(new Notification(id, kind, group.getId(), subject.threadId(), subject.postId(), subject.actorId(),
                    now, state));
            if (state == MailState.MAILED && recipient != null) {
                String token = followers.get(id);
                mails.queue(NotificationMails.instant(recipient, kind, subject, actorName, token, token != null && groupTokens));
            }
        }
    }

    /** The result of a join request, in the app; the mail about it is the membership feature's own. */
    public void joinDecided(Long accountId, WorkingGroup group, boolean approved, Long actorId) {
        em.persist(new Notification(accountId, approved ? NotificationKind.JOIN_APPROVED : NotificationKind.JOIN_DENIED,
                group.getId(), null, null, actorId, Instant.now(), MailState.NONE));
    }

    /**
     * Someone left a group or was removed from it: they stop following it and its threads, and mails about it that
     * still wait in the outbox are not sent (the dispatcher would refuse most of them anyway; a public group's
     * would still be readable, but they were sent to a member).
     */
    public void membershipEnded(Long accountId, WorkingGroup group) {
        subscriptions.endAll(accountId, group.getId());
        em.createQuery("update OutgoingMail m set m.cancelledAt = :now where m.accountId = :a and m.groupId = :g "
                        + "and m.sentAt is null and m.cancelledAt is null")
                .setParameter("now", Instant.now()).setParameter("a", accountId).setParameter("g", group.getId())
                .executeUpdate();
    }

    /**
     * The reader has seen the posts of a thread numbered {@code firstNumber} to {@code lastNumber} (a page of it): the
     * reader's unread notifications of those posts (replies, mentions, the new thread) are read now, as they would be
     * when opened from the notification page; a member who reads along is not told of the same posts again by the bell.
     * Runs only when the reader's marker moves forward, and looks at the reader's unread notifications only.
     */
    public void seen(Long accountId, Long threadId, int firstNumber, int lastNumber, Instant at) {
        em.createQuery("update Notification n set n.readAt = :at where n.recipientId = :me and n.readAt is null "
                        + "and n.threadId = :t and n.postId in (select p.id from Post p where p.thread.id = :t "
                        + "and p.number between :first and :last)")
                .setParameter("at", at).setParameter("me", accountId).setParameter("t", threadId)
                .setParameter("first", firstNumber).setParameter("last", lastNumber).executeUpdate();
    }
}
