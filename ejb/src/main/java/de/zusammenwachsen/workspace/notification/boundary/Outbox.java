package de.zusammenwachsen.workspace.notification.boundary;

import de.zusammenwachsen.workspace.notification.control.Readers;
import de.zusammenwachsen.workspace.notification.entity.OutgoingMail;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/** The outbox's own short transactions, one per step, so that sending never holds a database transaction open. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Readers readers;

    public List<Long> due(int max) {
        return em.createQuery("select m.id from OutgoingMail m where m.sentAt is null and m.cancelledAt is null and m.attempts < :max "
                        + "and m.nextAttemptAt <= :now order by m.id", Long.class)
                .setParameter("max", OutgoingMail.MAX_ATTEMPTS).setParameter("now", Instant.now())
                .setMaxResults(max).getResultList();
    }

    public OutgoingMail load(Long id) {
        return em.find(OutgoingMail.class, id);
    }

    /**
     * The mail if it is still to be sent. A mail about a group's content is checked against the recipient's access
     * at this moment: whoever lost access since it was queued does not get it (it is cancelled, not sent).
     */
    public OutgoingMail deliverable(Long id) {
        OutgoingMail mail = em.find(OutgoingMail.class, id);
        if (mail == null || mail.getSentAt() != null || mail.getCancelledAt() != null) {
            return null;
        }
        if (mail.getGroupId() != null && !readers.mayRead(mail.getAccountId(), mail.getGroupId())) {
            mail.cancel(Instant.now());
            return null;
        }
        return mail;
    }

    public void sent(Long id) {
        em.find(OutgoingMail.class, id).sent(Instant.now());
    }

    public void failed(Long id, String error) {
        em.find(OutgoingMail.class, id).failed(Instant.now(), error);
    }

    public long undelivered() {
        return em.createQuery("select count(m) from OutgoingMail m where m.sentAt is null and m.cancelledAt is null", Long.class).getSingleResult();
    }
}
