package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.account.control.SecretTokens;
import de.zusammenwachsen.workspace.notification.entity.Subscription;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and writes who follows what; the rules of who may follow are the boundary's. */
@Dependent
public class Subscriptions {

    @PersistenceContext
    EntityManager em;

    public Optional<Subscription> ofThread(Long accountId, Long threadId) {
        return em.createQuery("select s from Subscription s where s.accountId = :a and s.threadId = :t", Subscription.class)
                .setParameter("a", accountId).setParameter("t", threadId).getResultStream().findFirst();
    }

    /** Whether the account follows the thread now; read on every page of a thread, so without loading the entity. */
    public boolean followsThread(Long accountId, Long threadId) {
        return !em.createQuery("select s.id from Subscription s where s.accountId = :a and s.threadId = :t "
                        + "and s.active = true", Long.class).setParameter("a", accountId).setParameter("t", threadId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public Optional<Subscription> ofGroup(Long accountId, Long groupId) {
        return em.createQuery("select s from Subscription s where s.accountId = :a and s.groupId = :g", Subscription.class)
                .setParameter("a", accountId).setParameter("g", groupId).getResultStream().findFirst();
    }

    public Optional<Subscription> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("select s from Subscription s where s.token = :t", Subscription.class)
                .setParameter("t", token).getResultStream().findFirst();
    }

    /** Follows the thread unless the account has followed or unfollowed it before (an explicit choice stays). */
    public void followThreadOnce(Long accountId, Long threadId) {
        if (ofThread(accountId, threadId).isEmpty()) {
            em.persist(Subscription.toThread(accountId, threadId, SecretTokens.newSecret(), Instant.now()));
        }
    }

    public void followThread(Long accountId, Long threadId, boolean follow) {
        Optional<Subscription> existing = ofThread(accountId, threadId);
        if (existing.isPresent()) {
            if (follow) {
                existing.get().follow();
            } else {
                existing.get().unfollow();
            }
        } else if (follow) {
            em.persist(Subscription.toThread(accountId, threadId, SecretTokens.newSecret(), Instant.now()));
        }
    }

    public void followGroup(Long accountId, Long groupId, boolean follow) {
        Optional<Subscription> existing = ofGroup(accountId, groupId);
        if (existing.isPresent()) {
            if (follow) {
                existing.get().follow();
            } else {
                existing.get().unfollow();
            }
        } else if (follow) {
            em.persist(Subscription.toGroup(accountId, groupId, SecretTokens.newSecret(), Instant.now()));
        }
    }

    /** Active followers of a thread with their unfollow tokens. */
    public Map<Long, String> threadFollowers(Long threadId) {
        return em.createQuery("select s.accountId, s.token from Subscription s where s.threadId = :t and s.active = true",
                        Object[].class).setParameter("t", threadId).getResultStream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (String) r[1]));
    }

    public Map<Long, String> groupFollowers(Long groupId) {
        return em.createQuery("select s.accountId, s.token from Subscription s where s.groupId = :g and s.active = true",
                        Object[].class).setParameter("g", groupId).getResultStream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (String) r[1]));
    }

    /**
     * Someone left or was removed from a group: they stop following it and its threads, so that not even a public
     * group keeps mailing them what they were following as a member.
     */
    public void endAll(Long accountId, Long groupId) {
        em.createQuery("update Subscription s set s.active = false where s.accountId = :a and (s.groupId = :g or s.threadId in "
                        + "(select t.id from DiscussionThread t where t.group.id = :g))")
                .setParameter("a", accountId).setParameter("g", groupId).executeUpdate();
    }

    public List<Subscription> activeOf(Long accountId) {
        return em.createQuery("select s from Subscription s where s.accountId = :a and s.active = true order by s.id desc",
                Subscription.class).setParameter("a", accountId).setMaxResults(500).getResultList();
    }
}
