package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus;
import de.zusammenwachsen.workspace.meeting.entity.MinutesState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the open action items due within {@code zw.task.reminder.days} (default 2) days whose owner has not been
 * reminded yet, and reminds each in its own transaction ({@link TaskReminder}), so one failure stops nobody else's
 * reminder. Which node mails is decided per item by the database, so several nodes may run this at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskReminders {

    private static final Logger LOG = Logger.getLogger(TaskReminders.class.getName());
    private static final int DEFAULT_DAYS = 2;

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskReminder reminder;

    public static int days() {
        try {
            int days = Integer.parseInt(Settings.get("zw.task.reminder.days", String.valueOf(DEFAULT_DAYS)).strip());
            return days >= 0 && days <= 60 ? days : DEFAULT_DAYS;
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "zw.task.reminder.days is not a number; using " + DEFAULT_DAYS, e);
            return DEFAULT_DAYS;
        }
    }

    public MinutesView.ReminderRun run(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, MinutesText.BERLIN);
        LocalDate until = today.plusDays(days());
        List<Long> due = em.createQuery("select a.id from ActionItem a join a.minutes m where a.status = :open "
                        + "and a.remindedAt is null and a.ownerId is not null and a.dueOn between :today and :until "
                        + "and m.state in :out order by a.dueOn, a.id", Long.class)
                .setParameter("open", ActionItemStatus.OPEN).setParameter("today", today).setParameter("until", until)
                .setParameter("out", List.of(MinutesState.CIRCULATED, MinutesState.APPROVED)).getResultList();
        int mailed = 0;
        for (Long id : due) {
            try {
                if (reminder.remind(id, today, until, now)) {
                    mailed++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reminder for action item " + id + " failed; the next run tries again", e);
            }
        }
        return new MinutesView.ReminderRun(due.size(), mailed);
    }
}
