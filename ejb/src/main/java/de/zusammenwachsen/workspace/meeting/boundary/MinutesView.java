package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus;
import de.zusammenwachsen.workspace.meeting.entity.AttendanceStatus;
import de.zusammenwachsen.workspace.meeting.entity.DecisionTerms;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemTerms;
import de.zusammenwachsen.workspace.meeting.entity.MinutesState;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import de.zusammenwachsen.workspace.meeting.entity.VoteMode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the minutes and tasks boundaries hand to pages, the API and the exports. */
public final class MinutesView {

    private MinutesView() {
    }

    public enum Permission { WRITE, CIRCULATE, COMMENT, APPROVE, AMEND }

    public record Person(Long id, String name) {
    }

    public record Attendee(Long accountId, String name, AttendanceStatus status) {
    }

    public record DecisionEntry(Long id, Long agendaItemId, int position, String wording, VoteMode voteMode,
                                Integer votesFor, Integer votesAgainst, Integer abstentions, Outcome outcome,
                                boolean published, LocalDate decidedOn, Instant approvedAt) {
    }

    public record ActionItemEntry(Long id, Long agendaItemId, int position, String title, Long ownerId,
                                  String ownerName, LocalDate dueOn, ActionItemStatus status, boolean overdue,
                                  int version) {
    }

    public record Comment(Long id, Long agendaItemId, Long authorId, String authorName, String body,
                          Instant createdAt) {
    }

    public record Amendment(Long id, String authorName, String body, String bodyHtml, Instant createdAt) {
    }

    /**
     * One agenda item (TOP) of the minutes with what was noted, decided and assigned under it; the section with
     * {@code agendaItemId} null (number 0) holds what belongs to no item.
     */
    public record Section(Long agendaItemId, int number, String title, String notes, String notesHtml,
                          List<DecisionEntry> decisions, List<ActionItemEntry> actionItems, List<Comment> comments) {
    }

    /**
     * Minutes as a reader sees them; {@code members} are those who can be minute-taker, attendee or owner (only
     * filled for those who may write).
     */
    public record Document(Long id, Long meetingId, String meetingTitle, Instant startsAt, Instant endsAt,
                           String place, String onlineUrl, Long groupId, String groupSlug, String groupName,
                           MinutesState state, Long minuteTakerId, String minuteTakerName, String guests,
                           List<Attendee> attendance, List<Section> sections, List<Amendment> amendments,
                           Instant circulatedAt, Instant approvedAt, String approvedByName, Long approvedByMeetingId,
                           String approvedByMeetingTitle, Instant approvedByMeetingStartsAt, Instant updatedAt,
                           String updatedByName, int version, Set<Permission> may, List<Person> members) {

        public boolean may(String permission) {
            return may.contains(Permission.valueOf(permission));
        }

        public boolean isDraft() {
            return state == MinutesState.DRAFT;
        }

        public boolean isApproved() {
            return state == MinutesState.APPROVED;
        }
    }

    /** A meeting of the group at which it can have approved minutes by its decision. */
    public record LaterMeeting(Long id, String title, Instant startsAt) {
    }

    /** Whether a meeting has minutes, in which state, and whether the viewer may start or read them. */
    public record Status(Long meetingId, MinutesState state, boolean readable, boolean mayStart) {

        public boolean exists() {
            return state != null;
        }
    }

    /**
     * The whole draft as the writer sends it: attendance by account, notes (Markdown) by agenda item, decisions and
     * action items in order (with their ids when they exist).
     */
    public record Draft(Long minuteTakerId, String guests, Map<Long, AttendanceStatus> attendance,
                        Map<Long, String> notes, List<DecisionTerms> decisions, List<ActionItemTerms> actionItems) {
    }

    /** A file made from minutes: its name, media type and bytes. */
    public record Export(String fileName, String contentType, byte[] content) {
    }

    public enum TaskFilter { OPEN, DONE, ALL }

    /** One of "my tasks", with where it comes from. */
    public record Task(Long id, String title, ActionItemStatus status, LocalDate dueOn, boolean overdue,
                       Long groupId, String groupSlug, String groupName, Long meetingId, String meetingTitle,
                       Instant meetingStartsAt, Long ownerId, String ownerName, int version, boolean mayUpdate) {
    }

    /** How a reminder run went: how many were due, how many mails went into the outbox. */
    public record ReminderRun(int due, int mailed) {
    }
}
