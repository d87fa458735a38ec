package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.core.ConflictException;
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
import java.util.Objects;

/**
 * An item of a meeting's agenda (TOP). Accepted items are numbered by their position; proposals wait at the end
 * until the organiser or a moderator accepts them. An item taken over from an open action item remembers it.
 */
@Entity
@Table(name = "agenda_item")
public class AgendaItem {

    public static final int MAX_TITLE = 200;
    public static final int MAX_PRESENTER = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_MINUTES = 600;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    private Meeting meeting;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    private String description;

    @Column(length = MAX_PRESENTER)
    private String presenter;

    @Column(name = "planned_minutes")
    private Integer plannedMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AgendaItemState state;

    @Column(name = "proposed_by")
    private Long proposedBy;

    @Column(name = "action_item_id")
    private Long actionItemId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected AgendaItem() {
    }

    public AgendaItem(Meeting meeting, int position, String title, String description, String presenter,
                      Integer plannedMinutes, AgendaItemState state, Long proposedBy, Long actionItemId, Instant at) {
        this.meeting = Objects.requireNonNull(meeting);
        this.position = position;
        this.state = Objects.requireNonNull(state);
        this.proposedBy = proposedBy;
        this.actionItemId = actionItemId;
        this.createdAt = at;
        edit(title, description, presenter, plannedMinutes);
    }

    public final void edit(String newTitle, String newDescription, String newPresenter, Integer newPlannedMinutes) {
        String cleanTitle = Meeting.oneLine(newTitle);
        if (cleanTitle == null) {
            throw new InvalidInputException("agenda.title.required");
        }
        if (cleanTitle.length() > MAX_TITLE) {
            throw new InvalidInputException("agenda.title.tooLong", MAX_TITLE);
        }
        String cleanPresenter = Meeting.oneLine(newPresenter);
        if (cleanPresenter != null && cleanPresenter.length() > MAX_PRESENTER) {
            throw new InvalidInputException("agenda.presenter.tooLong", MAX_PRESENTER);
        }
        if (newPlannedMinutes != null && (newPlannedMinutes < 1 || newPlannedMinutes > MAX_MINUTES)) {
            throw new InvalidInputException("agenda.minutes.range", MAX_MINUTES);
        }
        String cleanDescription = newDescription == null || newDescription.isBlank()
                ? null : newDescription.replace("\u0000", "").strip();
        if (cleanDescription != null && cleanDescription.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("agenda.description.tooLong", MAX_DESCRIPTION);
        }
        this.title = cleanTitle;
        this.description = cleanDescription;
        this.presenter = cleanPresenter;
        this.plannedMinutes = newPlannedMinutes;
    }

    public void accept() {
        if (state == AgendaItemState.ACCEPTED) {
            throw new ConflictException("agenda.alreadyAccepted");
        }
        this.state = AgendaItemState.ACCEPTED;
    }

    /** Sets the position in the agenda; the boundary renumbers all items of the meeting together. */
    public void moveTo(int newPosition) {
        if (newPosition < 1) {
            throw new InvalidInputException("agenda.order.invalid");
        }
        this.position = newPosition;
    }

    public boolean isAccepted() {
        return state == AgendaItemState.ACCEPTED;
    }

    public boolean isProposedBy(Long accountId) {
        return accountId != null && accountId.equals(proposedBy);
    }

    public Long getId() {
        return id;
    }

    public Meeting getMeeting() {
        return meeting;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getPresenter() {
        return presenter;
    }

    public Integer getPlannedMinutes() {
        return plannedMinutes;
    }

    public AgendaItemState getState() {
        return state;
    }

    public Long getProposedBy() {
        return proposedBy;
    }

    public Long getActionItemId() {
        return actionItemId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
