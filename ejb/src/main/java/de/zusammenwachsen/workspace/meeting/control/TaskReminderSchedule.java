package de.zusammenwachsen.workspace.meeting.control;

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
 * Runs the task reminders every hour. A server that was down catches up at its next run, because an item stays
 * due (and unreminded) until its day has passed.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskReminderSchedule {

    private static final Logger LOG = Logger.getLogger(TaskReminderSchedule.class.getName());

    @Inject
    TaskReminders reminders;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(minute = "17", hour = "*", persistent = false)
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            var run = reminders.run(Instant.now());
            if (run.mailed() > 0) {
                LOG.info(() -> "Task reminders: " + run.mailed() + " of " + run.due() + " due items mailed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Task reminders failed; the next run picks up what is left", e);
        } finally {
            running.set(false);
        }
    }
}
