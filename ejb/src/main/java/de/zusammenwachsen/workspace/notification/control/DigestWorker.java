package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.notification.boundary.Digests;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks every five minutes whether digests are due. Whatever is older than the latest digest hour and still waits
 * goes out, so a server that was down at that hour catches up when it is back, and nothing goes twice.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DigestWorker {

    private static final Logger LOG = Logger.getLogger(DigestWorker.class.getName());

    @Inject
    Digests digests;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Digests.Run run = digests.run(DigestSchedule.cutoff(Instant.now(), DigestSchedule.hour()));
            if (run.mails() > 0) {
                LOG.info(() -> "Daily digest: " + run.mails() + " mails in " + run.millis() + " ms");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Daily digest failed; the next run picks up what is left", e);
        } finally {
            running.set(false);
        }
    }
}
