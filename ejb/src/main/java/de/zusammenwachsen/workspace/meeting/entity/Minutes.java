package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.search.control.SearchableBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.discussion.entity.RenderedText;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The minutes (Protokoll) of one meeting and the aggregate of its attendance, notes, decisions and action items.
 * They go DRAFT → CIRCULATED → APPROVED; until approval the minute-taker may still correct them (comments come in
 * while circulated), after approval they are locked and every correction is a visible {@link MinutesAmendment}.
 * Every save raises the version, so two people editing the same draft find out instead of overwriting each other.
 */
@Entity
@Indexed(index = "minutes")
@TypeBinding(binder = @TypeBinderRef(type = SearchableBinder.class,
        params = @Param(name = SearchableBinder.DEPENDS_ON, value = "state,guests,minuteTakerId,updatedAt")))
@Table(name = "minutes")
public class Minutes {

    public static final int MAX_GUESTS = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    private Meeting meeting;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private MinutesState state;

    @Column(name = "minute_taker_id")
    private Long minuteTakerId;

    @Column(length = MAX_GUESTS)
    private String guests;

    @Column(name = "circulated_at")
    private Instant circulatedAt;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approved_by")
    private Long approvedBy;

    @Column(name = "approved_by_meeting_id")
    private Long approvedByMeetingId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Version
    private int version;

    @ElementCollection
    @CollectionTable(name = "attendance", joinColumns = @JoinColumn(name = "minutes_id"))
    @MapKeyColumn(name = "account_id")
    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private Map<Long, AttendanceStatus> attendance = new HashMap<>();

    @OneToMany(mappedBy = "minutes", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<MinutesNote> notes = new ArrayList<>();

    @OneToMany(mappedBy = "minutes", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Decision> decisions = new ArrayList<>();

    @OneToMany(mappedBy = "minutes", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ActionItem> actionItems = new ArrayList<>();

    protected Minutes() {
    }

    public Minutes(Meeting meeting, Long minuteTakerId, Map<Long, AttendanceStatus> attendance, Long by, Instant at) {
        this.meeting = meeting;
        this.groupId = meeting.getGroup().getId();
        this.state = MinutesState.DRAFT;
        this.minuteTakerId = minuteTakerId;
        this.attendance.putAll(attendance);
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /** Control characters other than line breaks and tabs come from broken clients and PostgreSQL refuses NUL. */
    static String cleanText(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
    }

    /**
     * Replaces the content with the writer's document. Decisions and action items keep their ids (the register and
     * "my tasks" link to them); entries missing from the document are removed, entries without id are added.
     */
    public void revise(MinutesRevision revision, LocalDate decidedOn, Long by, Instant at) {
        requireEditable();
        String cleanGuests = cleanText(revision.guests());
        if (cleanGuests.length() > MAX_GUESTS) {
            throw new InvalidInputException("minutes.guests.tooLong", MAX_GUESTS);
        }
        this.guests = cleanGuests.isEmpty() ? null : cleanGuests;
        if (revision.minuteTakerId() != null) {
            // Minutes always have someone responsible; a document without one keeps the current minute-taker.
            this.minuteTakerId = revision.minuteTakerId();
        }
        this.attendance.keySet().retainAll(revision.attendance().keySet());
        this.attendance.putAll(revision.attendance());
        reviseNotes(revision.notes());
        reviseDecisions(revision.decisions(), decidedOn, at);
        reviseActionItems(revision.actionItems(), at);
        touch(by, at);
    }

    private void reviseNotes(Map<Long, RenderedText> texts) {
        Map<Long, MinutesNote> existing = new HashMap<>();
        notes.forEach(note -> existing.put(note.getAgendaItemId(), note));
        for (Map.Entry<Long, RenderedText> entry : texts.entrySet()) {
            RenderedText text = entry.getValue();
            MinutesNote note = existing.remove(entry.getKey());
            if (text == null || text.markdown() == null || text.markdown().isBlank()) {
                if (note != null) {
                    existing.put(entry.getKey(), note);
                }
                continue;
            }
            MinutesNote.requireBody(text.markdown());
            if (note == null) {
                notes.add(new MinutesNote(this, entry.getKey(), text));
            } else {
                note.rewrite(text);
            }
        }
        // Left over: notes the document no longer has, or blanked out.
        notes.removeAll(existing.values());
    }

    private void reviseDecisions(List<DecisionTerms> terms, LocalDate decidedOn, Instant at) {
        Map<Long, Decision> existing = new HashMap<>();
        decisions.stream().filter(d -> d.getId() != null).forEach(d -> existing.put(d.getId(), d));
        List<Decision> added = new ArrayList<>();
        int position = 1;
        for (DecisionTerms term : terms) {
            if (term.id() == null) {
                added.add(new Decision(this, position, term, decidedOn, at));
            } else {
                Decision decision = existing.remove(term.id());
                if (decision == null) {
                    throw new InvalidInputException("minutes.entry.unknown");
                }
                decision.revise(position, term);
            }
            position++;
        }
        // Whatever the document no longer names goes, also entries that were never saved (no id yet).
        decisions.removeIf(d -> d.getId() == null ? !added.contains(d) : existing.containsKey(d.getId()));
        decisions.addAll(added);
        decisions.sort((a, b) -> Integer.compare(a.getPosition(), b.getPosition()));
    }

    private void reviseActionItems(List<ActionItemTerms> terms, Instant at) {
        Map<Long, ActionItem> existing = new HashMap<>();
        actionItems.stream().filter(a -> a.getId() != null).forEach(a -> existing.put(a.getId(), a));
        List<ActionItem> added = new ArrayList<>();
        int position = 1;
        for (ActionItemTerms term : terms) {
            if (term.id() == null) {
                added.add(new ActionItem(this, position, term, at));
            } else {
                ActionItem item = existing.remove(term.id());
                if (item == null) {
                    throw new InvalidInputException("minutes.entry.unknown");
                }
                item.revise(position, term, at);
            }
            position++;
        }
        actionItems.removeIf(a -> a.getId() == null ? !added.contains(a) : existing.containsKey(a.getId()));
        actionItems.addAll(added);
        actionItems.sort((a, b) -> Integer.compare(a.getPosition(), b.getPosition()));
    }

    /** Ids of this draft's action items that a revision without them would remove. */
    public Set<Long> actionItemsRemovedBy(MinutesRevision revision) {
        Set<Long> kept = new HashSet<>();
        revision.actionItems().forEach(term -> kept.add(term.id()));
        Set<Long> removed = new HashSet<>();
        actionItems.stream().map(ActionItem::getId).filter(id -> !kept.contains(id)).forEach(removed::add);
        return removed;
    }

    public void circulate(Long by, Instant at) {
        if (state != MinutesState.DRAFT) {
            throw new ConflictException("minutes.circulate.notDraft");
        }
        this.state = MinutesState.CIRCULATED;
        this.circulatedAt = at;
        touch(by, at);
    }

    /**
     * Approves circulated minutes, by a moderator or (when {@code byMeetingId} is given) recording that the group
     * approved them at that later meeting. From now on the decisions count: they enter the register.
     */
    public void approve(Long by, Long byMeetingId, Instant at) {
        if (state != MinutesState.CIRCULATED) {
            throw new ConflictException("minutes.approve.notCirculated");
        }
        this.state = MinutesState.APPROVED;
        this.approvedAt = at;
        this.approvedBy = by;
        this.approvedByMeetingId = byMeetingId;
        decisions.forEach(decision -> decision.approve(at));
        touch(by, at);
    }

    /** A comment on one agenda item (or the whole minutes when null); only while they are circulated. */
    public MinutesComment comment(Long agendaItemId, Long authorId, String body, Instant at) {
        if (state != MinutesState.CIRCULATED) {
            throw new ConflictException("minutes.comment.notCirculated");
        }
        return new MinutesComment(this, agendaItemId, authorId, body, at);
    }

    /** A correction of approved minutes; the text stays as it was approved and the amendment is shown with it. */
    public MinutesAmendment amend(Long authorId, RenderedText text, Instant at) {
        if (state != MinutesState.APPROVED) {
            throw new ConflictException("minutes.amend.notApproved");
        }
        return new MinutesAmendment(this, authorId, text, at);
    }

    public void requireEditable() {
        if (state == MinutesState.APPROVED) {
            throw new ConflictException("minutes.locked");
        }
    }

    public void requireVersion(int expected) {
        if (expected != version) {
            throw new ConflictException("minutes.conflict");
        }
    }

    private void touch(Long by, Instant at) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public boolean isMinuteTaker(Long accountId) {
        return accountId != null && accountId.equals(minuteTakerId);
    }

    public boolean isDraft() {
        return state == MinutesState.DRAFT;
    }

    public Long getId() {
        return id;
    }

    public Meeting getMeeting() {
        return meeting;
    }

    public Long getGroupId() {
        return groupId;
    }

    public MinutesState getState() {
        return state;
    }

    public Long getMinuteTakerId() {
        return minuteTakerId;
    }

    public String getGuests() {
        return guests;
    }

    public Instant getCirculatedAt() {
        return circulatedAt;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public Long getApprovedBy() {
        return approvedBy;
    }

    public Long getApprovedByMeetingId() {
        return approvedByMeetingId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getUpdatedBy() {
        return updatedBy;
    }

    public int getVersion() {
        return version;
    }

    public Map<Long, AttendanceStatus> getAttendance() {
        return Collections.unmodifiableMap(attendance);
    }

    public List<MinutesNote> getNotes() {
        return Collections.unmodifiableList(notes);
    }

    public List<Decision> getDecisions() {
        return Collections.unmodifiableList(decisions);
    }

    public List<ActionItem> getActionItems() {
        return Collections.unmodifiableList(actionItems);
    }
}
