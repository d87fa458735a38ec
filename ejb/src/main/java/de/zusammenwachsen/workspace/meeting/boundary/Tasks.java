package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.MeetingAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.account.control.AccountNames;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.meeting.control.TaskReminders;
import de.zusammenwachsen.workspace.meeting.entity.ActionItem;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.meeting.entity.MinutesState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * "My tasks": the action items the caller owns in minutes that are out (circulated or approved), of groups the
 * caller may still read; changing an item's status and due date (owner or moderator); and the reminder run for
 * administrators.
 */
@Stateless
public class Tasks {

    /** Readable right now, by the same rule as the access policy's READ_CONTENT. */
    private static final String MINE = " from ActionItem a join a.minutes m join m.meeting mt join WorkingGroup g on g.id = a.groupId "
            + "where a.ownerId = :me and m.state in :out and (:admin = true or g.visibility = :public "
            + "or g.id in (select ms.group.id from Membership ms where ms.account.id = :me))";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AccountNames accountNames;

    @Inject
    TaskReminders reminders;

    private final AccessPolicy policy = new AccessPolicy();

    /** The caller's tasks by due date (those without one last); overdue ones are marked. */
    public Page<MinutesView.Task> mine(MinutesView.TaskFilter filter, int first, int size) {
        Viewer viewer = caller.viewer();
        policy.requireAccount(viewer);
        MinutesView.TaskFilter shown = filter == null ? MinutesView.TaskFilter.OPEN : filter;
        String where = MINE + switch (shown) {
            case OPEN -> " and a.status = de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus.OPEN";
            case DONE -> " and a.status <> de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus.OPEN";
            case ALL -> "";
        };
        long total = bind(em.createQuery("select count(a)" + where, Long.class), viewer).getSingleResult();
        List<Object[]> rows = bind(em.createQuery("select a, g, mt" + where
                        + " order by case when a.dueOn is null then 1 else 0 end, a.dueOn, a.id", Object[].class), viewer)
                .setFirstResult(Math.max(0, first)).setMaxResults(Page.clampSize(size)).getResultList();
        LocalDate today = LocalDate.now(Minutes.BERLIN);
        Map<Long, String> names = accountNames.of(List.of(viewer.accountId()));
        List<MinutesView.Task> tasks = rows.stream().map(row -> task((ActionItem) row[0], (WorkingGroup) row[1],
                (Meeting) row[2], names, today, viewer)).toList();
        return new Page<>(tasks, total, Math.max(0, first), Page.clampSize(size));
    }

    /**
     * Sets an action item's status and due date (owner or moderator); {@code version} is the one the caller saw.
     * Items of draft minutes are changed in the minutes themselves.
     */
    public MinutesView.Task update(Long actionItemId, int version, ActionItemStatus status, LocalDate dueOn) {
        ActionItem item = actionItemId == null ? null : em.find(ActionItem.class, actionItemId);
        if (item == null) {
            throw new NotFoundException();
        }
        Meeting meeting = item.getMinutes().getMeeting();
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(meeting.getGroup());
        policy.require(viewer, MeetingAction.READ, facts, null);
        if (item.getMinutes().getState() == MinutesState.DRAFT) {
            // A draft's items are not out yet: only the minutes' writers know them.
            policy.require(viewer, MeetingAction.READ_DRAFT, facts, null);
            throw new ConflictException("tasks.draft");
        }
        policy.require(viewer, MeetingAction.UPDATE_TASK, facts, item.getOwnerId());
        if (status == null) {
            throw new InvalidInputException("tasks.status.required");
        }
        if (item.getVersion() != version) {
            throw new ConflictException("tasks.conflict");
        }
        item.changeStatus(status, Instant.now());
        item.reschedule(dueOn);
        if (item.getMinutes().getState() == MinutesState.CIRCULATED) {
            // Circulated minutes are still edited as one document that carries every item's status; a writer who
            // loaded them before this change must get a conflict instead of saving the old status over it.
            em.lock(item.getMinutes(), LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            // Changed by someone else between our read and this write.
            throw new ConflictException("tasks.conflict");
        }
        return task(item, meeting.getGroup(), meeting, accountNames.of(List.of(item.getOwnerId() == null ? -1L : item.getOwnerId())),
                LocalDate.now(Minutes.BERLIN), viewer);
    }

    /** For administrators: mails the reminders that are due now instead of at the next hourly run. */
    public MinutesView.ReminderRun remindNow() {
        policy.requireAdministrator(caller.viewer());
        return reminders.run(Instant.now());
    }

    private MinutesView.Task task(ActionItem a, WorkingGroup g, Meeting meeting, Map<Long, String> names, LocalDate today,
                                  Viewer viewer) {
        boolean mayUpdate = policy.permits(viewer, MeetingAction.UPDATE_TASK, AccessPolicy.GroupFacts.of(g), a.getOwnerId());
        return new MinutesView.Task(a.getId(), a.getTitle(), a.getStatus(), a.getDueOn(), a.isOverdue(today), g.getId(),
                g.getSlug(), g.getName(), meeting.getId(), meeting.getTitle(), meeting.getStartsAt(), a.getOwnerId(),
                names.get(a.getOwnerId()), a.getVersion(), mayUpdate);
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query, Viewer viewer) {
        return query.setParameter("me", viewer.accountId()).setParameter("admin", viewer.administrator())
                .setParameter("public", Visibility.PUBLIC)
                .setParameter("out", List.of(MinutesState.CIRCULATED, MinutesState.APPROVED));
    }
}
