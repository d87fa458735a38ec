package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItemState;
import de.zusammenwachsen.workspace.meeting.entity.Answer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What pages and the REST API show of meetings; records, so nothing lazy leaks out of the transaction. */
public final class MeetingView {

    private MeetingView() {
    }

    /** What a page may offer; the boundary asks the policy again on every action. */
    public record Permission(boolean answer, boolean plan, boolean edit, boolean propose, boolean manageAgenda) {
    }

    public record Summary(Long id, String title, Instant startsAt, Instant endsAt, String place, String onlineUrl,
                          boolean cancelled) {
    }

    public record Board(Long groupId, String groupSlug, String groupName, boolean past, Page<Summary> meetings,
                        Permission permission) {
    }

    public record Month(Long groupId, String groupSlug, String groupName, int year, int month, List<Summary> meetings) {
    }

    /** An agenda item or waiting proposal; {@code editable}: whether the viewer may change it ({@link Agenda#edit}). */
    public record Item(Long id, int number, String title, String description, String presenter, Integer plannedMinutes,
                       AgendaItemState state, Long proposedById, String proposedByName, Long actionItemId,
                       int version, boolean editable) {
    }

    public record Counts(long yes, long no, long maybe) {
    }

    public record Detail(Long id, Long groupId, String groupSlug, String groupName, String title, Instant startsAt,
                         Instant endsAt, String place, String onlineUrl, String description, Long organiserId,
                         String organiserName, boolean cancelled, boolean started, int sequence, int version,
                         Counts counts, Answer myAnswer, List<Item> agenda, List<Item> proposals, int plannedMinutes,
                         Permission permission) {
    }

    /** The fields of the plan and edit forms. */
    public record Form(String title, Instant startsAt, Instant endsAt, String place, String onlineUrl,
                       String description) {
    }

    public record ItemForm(String title, String description, String presenter, Integer plannedMinutes) {
    }

    /** An open action item of the group, offered for the agenda. */
    public record Offered(Long id, String title, String ownerName, LocalDate dueOn) {
    }

    public record Feed(String url, Instant createdAt) {
    }
}
