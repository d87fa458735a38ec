package de.zusammenwachsen.workspace.notification.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.notification.control.DigestSchedule;
import de.zusammenwachsen.workspace.notification.control.Subscriptions;
import de.zusammenwachsen.workspace.notification.entity.GroupMailMode;
import de.zusammenwachsen.workspace.notification.entity.MailMode;
import de.zusammenwachsen.workspace.notification.entity.Subscription;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the caller follows and how they want to be mailed: the list with unfollow, the unfollow link of mails (which
 * works without logging in, by the subscription's secret token), the e-mail choice by default and per group.
 */
@Stateless
public class Following {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    Subscriptions subscriptions;

    private final AccessPolicy policy = new AccessPolicy();

    public List<NotificationView.Followed> mine() {
        Viewer viewer = caller.viewer();
        policy.requireAccount(viewer);
        return em.createQuery("select s.id, s.groupId, s.threadId, g.slug, g.name, t.title, tg.slug, tg.name from Subscription s "
                        + "left join WorkingGroup g on g.id = s.groupId left join DiscussionThread t on t.id = s.threadId "
                        + "left join t.group tg where s.accountId = :me and s.active = true order by s.id desc", Object[].class)
                .setParameter("me", viewer.accountId()).setMaxResults(500).getResultList().stream()
                .map(r -> r[1] != null
                        ? new NotificationView.Followed((Long) r[0], NotificationView.FollowKind.GROUP, (String) r[3], (String) r[4], null, null)
                        : new NotificationView.Followed((Long) r[0], NotificationView.FollowKind.THREAD, (String) r[6], (String) r[7],
                        (Long) r[2], (String) r[5]))
                .toList();
    }

    public void unfollow(Long subscriptionId) {
        Viewer viewer = caller.viewer();
        policy.requireAccount(viewer);
        Subscription subscription = subscriptionId == null ? null : em.find(Subscription.class, subscriptionId);
        if (subscription == null || !subscription.getAccountId().equals(viewer.accountId())) {
            throw new NotFoundException();
        }
        subscription.unfollow();
    }

    /** What the unfollow link of a mail refers to; unknown tokens are 404. */
    public NotificationView.Unfollow byToken(String token) {
        Subscription s = subscriptions.byToken(token).orElseThrow(NotFoundException::new);
        if (s.getGroupId() != null) {
            WorkingGroup group = em.find(WorkingGroup.class, s.getGroupId());
            return new NotificationView.Unfollow(NotificationView.FollowKind.GROUP, group.getName(), null, s.isActive());
        }
        Object[] row = em.createQuery("select t.title, t.group.name from DiscussionThread t where t.id = :id", Object[].class)
                .setParameter("id", s.getThreadId()).getSingleResult();
        return new NotificationView.Unfollow(NotificationView.FollowKind.THREAD, (String) row[1], (String) row[0], s.isActive());
    }

    /** Ends a subscription through its mail link; repeating it changes nothing. */
    public NotificationView.Unfollow unfollowByToken(String token) {
        subscriptions.byToken(token).orElseThrow(NotFoundException::new).unfollow();
        return byToken(token);
    }

    public NotificationView.MailSettings mailSettings() {
        Viewer viewer = caller.viewer();
        policy.requireAccount(viewer);
        Account me = groups.account(viewer.accountId());
        Map<Long, MailMode> chosen = new HashMap<>();
        em.createQuery("select m from GroupMailMode m where m.key.accountId = :me", GroupMailMode.class)
                .setParameter("me", me.getId()).getResultList().forEach(m -> chosen.put(m.groupId(), m.getMode()));
        List<NotificationView.GroupMode> mine = em.createQuery("select m.group.id, m.group.slug, m.group.name from Membership m "
                        + "where m.account.id = :me order by m.group.name", Object[].class)
                .setParameter("me", me.getId()).getResultList().stream()
                .map(r -> new NotificationView.GroupMode((String) r[1], (String) r[2], chosen.get((Long) r[0]))).toList();
        return new NotificationView.MailSettings(me.getMailMode(), mine, DigestSchedule.hour());
    }

    public void chooseDefault(MailMode mode) {
        Viewer viewer = caller.viewer();
        policy.requireAccount(viewer);
        if (mode == null) {
            throw new InvalidInputException("notification.mailMode.invalid");
        }
        groups.account(viewer.accountId()).chooseMailMode(mode);
    }

    /** Chooses how to be mailed about one of the caller's groups; null returns to the default. */
    public void chooseForGroup(String slug, MailMode mode) {
        Viewer viewer = caller.viewer();
        policy.requireAccount(viewer);
        WorkingGroup group = groups.bySlug(slug);
        if (!viewer.isMemberOf(group.getId())) {
            throw new NotFoundException();
        }
        GroupMailMode existing = em.find(GroupMailMode.class, new GroupMailMode.Key(viewer.accountId(), group.getId()));
        if (mode == null) {
            if (existing != null) {
                em.remove(existing);
            }
        } else if (existing == null) {
            em.persist(new GroupMailMode(viewer.accountId(), group.getId(), mode));
        } else {
            existing.change(mode);
        }
    }
}
