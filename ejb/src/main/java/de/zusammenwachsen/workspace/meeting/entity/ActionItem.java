package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.search.control.SearchableBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action item (Aufgabe) from minutes: what, who, until when. Once the minutes are out, its owner (or a
 * moderator) keeps its status and due date on "my tasks"; it has its own version for that. {@code remindedAt}
 * makes the reminder mail a one-off per due date.
 */
@Entity
@Indexed(index = "action-item")
@TypeBinding(binder = @TypeBinderRef(type = SearchableBinder.class,
        params = @Param(name = SearchableBinder.DEPENDS_ON, value = "title,ownerId,dueOn,status")))
@Table(name = "action_item")
public class ActionItem {

    public static final int MAX_TITLE = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "minutes_id")
    private Minutes minutes;

    @Column(name = "minutes_id", insertable = false, updatable = false)
    private Long minutesId;

    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ActionItemStatus status;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected ActionItem() {
    }

    ActionItem(Minutes minutes, int position, ActionItemTerms terms, Instant at) {
        this.minutes = minutes;
        this.groupId = minutes.getGroupId();
        this.createdAt = at;
        this.status = ActionItemStatus.OPEN;
        revise(position, terms, at);
    }

    public static String requireTitle(String title) {
        String clean = title == null ? "" : title.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("minutes.actionItem.titleRequired");
        }
        if (clean.length() > MAX_TITLE) {
            throw new InvalidInputException("minutes.actionItem.titleTooLong", MAX_TITLE);
        }
        return clean;
    }

    final void revise(int newPosition, ActionItemTerms terms, Instant at) {
        this.position = newPosition;
        this.agendaItemId = terms.agendaItemId();
        this.title = terms.title();
        if (terms.ownerId() == null || !terms.ownerId().equals(ownerId)) {
            // A new owner has not been reminded yet.
            this.remindedAt = null;
        }
        this.ownerId = terms.ownerId();
        reschedule(terms.dueOn());
        changeStatus(terms.status(), at);
    }

    /** Done, cancelled or open again; the time it was done is kept for "my tasks" and the export. */
    public void changeStatus(ActionItemStatus newStatus, Instant at) {
        if (newStatus == null || newStatus == status) {
            return;
        }
        this.status = newStatus;
        this.doneAt = newStatus == ActionItemStatus.DONE ? at : null;
    }

    /** A new due date deserves a new reminder. */
    public void reschedule(LocalDate newDueOn) {
        if (newDueOn == null ? dueOn != null : !newDueOn.equals(dueOn)) {
            this.remindedAt = null;
        }
        this.dueOn = newDueOn;
    }

    public boolean isOverdue(LocalDate today) {
        return status == ActionItemStatus.OPEN && dueOn != null && dueOn.isBefore(today);
    }

    public boolean isOwner(Long accountId) {
        return accountId != null && accountId.equals(ownerId);
    }

    public Long getId() {
        return id;
    }

    public Minutes getMinutes() {
        return minutes;
    }

    public Long getMinutesId() {
        return minutesId != null ? minutesId : minutes.getId();
    }

    public Long getAgendaItemId() {
        return agendaItemId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public ActionItemStatus getStatus() {
        return status;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
