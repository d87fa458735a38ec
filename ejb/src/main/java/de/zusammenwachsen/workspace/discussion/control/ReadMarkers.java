package de.zusammenwachsen.workspace.discussion.control;

import de.zusammenwachsen.workspace.discussion.entity.ThreadRead;
import de.zusammenwachsen.workspace.notification.control.Notifier;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Read markers in their own small transaction: reading a thread must never fail because the same reader opened
 * it in two tabs at once (both would insert the marker; the second simply loses, which changes nothing, and the
 * caller goes on).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReadMarkers {

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifier notifier;

    /**
     * Moves the reader's marker of the thread to {@code at}, and marks the reader's notifications of the posts shown
     * (numbered {@code firstNumber} to {@code lastNumber}) read. Fails (and rolls back only itself) when another request
     * inserted the same marker at the same moment.
     */
    public void readUntil(Long accountId, Long threadId, Instant at, int firstNumber, int lastNumber) {
        notifier.seen(accountId, threadId, firstNumber, lastNumber, Instant.now());
        ThreadRead marker = em.find(ThreadRead.class, new ThreadRead.Key(accountId, threadId));
        if (marker == null) {
            em.persist(new ThreadRead(accountId, threadId, at));
        } else {
            marker.readUntil(at);
        }
    }

    /** The caller's previous marker, or null when it never read the thread. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Instant readAt(Long accountId, Long threadId) {
        ThreadRead marker = em.find(ThreadRead.class, new ThreadRead.Key(accountId, threadId));
        return marker == null ? null : marker.getReadAt();
    }
}
