package de.zusammenwachsen.workspace.notification.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.notification.control.DigestComposer;
import de.zusammenwachsen.workspace.notification.entity.MailState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The daily digest: one mail per recipient with everything that waited for it before the cutoff, each written in
 * its own transaction. Run by the schedule, and by administrators on demand ("send the digests now").
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Digests {

    @PersistenceContext
    EntityManager em;

    @Inject
    DigestComposer composer;

    @Inject
    Caller caller;

    public record Run(int recipients, int mails, long millis) {
    }

    /** For administrators: sends every waiting digest now. */
    public Run runNow() {
        new AccessPolicy().requireAdministrator(caller.viewer());
        return run(Instant.now());
    }

    public Run run(Instant cutoff) {
        long start = System.nanoTime();
        List<Long> recipients = em.createQuery("select distinct n.recipientId from Notification n where n.mailState = :d "
                        + "and n.createdAt < :cutoff", Long.class)
                .setParameter("d", MailState.DIGEST).setParameter("cutoff", cutoff).getResultList();
        int mails = 0;
        for (Long recipient : recipients) {
            if (composer.compose(recipient, cutoff)) {
                mails++;
            }
        }
        return new Run(recipients.size(), mails, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
}
