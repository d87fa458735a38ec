package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemTerms;
import de.zusammenwachsen.workspace.meeting.entity.AttendanceStatus;
import de.zusammenwachsen.workspace.meeting.entity.DecisionTerms;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import de.zusammenwachsen.workspace.meeting.entity.VoteMode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON bodies of the minutes and tasks API, and how they become what the boundaries take. */
public final class MinutesRequests {

    private MinutesRequests() {
    }

    public record StartBody(Long minuteTakerId) {
    }

    public record AttendanceBody(Long accountId, AttendanceStatus status) {
    }

    public record NoteBody(Long agendaItemId, String body) {
    }

    /** {@code id} of an existing decision; without it the decision is new. Counts only with {@code COUNTED}. */
    public record DecisionBody(Long id, Long agendaItemId, String wording, VoteMode voteMode, Integer votesFor,
                               Integer votesAgainst, Integer abstentions, Outcome outcome, Boolean published) {
    }

    public record ActionItemBody(Long id, Long agendaItemId, String title, Long ownerId, LocalDate dueOn,
                                 ActionItemStatus status) {
    }

    /** The whole draft and the version it was based on. */
    public record SaveBody(Integer version, Long minuteTakerId, String guests, List<AttendanceBody> attendance,
                           List<NoteBody> notes, List<DecisionBody> decisions, List<ActionItemBody> actionItems) {
    }

    public record CommentBody(Long agendaItemId, String body) {
    }

    public record AmendmentBody(String body) {
    }

    /** Status and due date (null: none) of an action item, and the version the client saw. */
    public record TaskBody(Integer version, ActionItemStatus status, LocalDate dueOn) {
    }

    static MinutesView.Draft draft(SaveBody body) {
        Map<Long, AttendanceStatus> attendance = new LinkedHashMap<>();
        if (body.attendance() != null) {
            for (AttendanceBody a : body.attendance()) {
                if (a == null || a.accountId() == null || a.status() == null) {
                    throw new InvalidInputException("minutes.attendance.invalid");
                }
                attendance.put(a.accountId(), a.status());
            }
        }
        Map<Long, String> notes = new LinkedHashMap<>();
        if (body.notes() != null) {
            for (NoteBody n : body.notes()) {
                if (n == null || n.agendaItemId() == null) {
                    throw new InvalidInputException("minutes.agendaItem.unknown");
                }
                notes.put(n.agendaItemId(), n.body());
            }
        }
        List<DecisionTerms> decisions = body.decisions() == null ? List.of() : body.decisions().stream()
                .map(d -> {
                    if (d == null) {
                        throw new InvalidInputException("minutes.decision.wordingRequired");
                    }
                    return new DecisionTerms(d.id(), d.agendaItemId(), d.wording(), d.voteMode(), d.votesFor(),
                            d.votesAgainst(), d.abstentions(), d.outcome(), Boolean.TRUE.equals(d.published()));
                }).toList();
        List<ActionItemTerms> items = body.actionItems() == null ? List.of() : body.actionItems().stream()
                .map(a -> {
                    if (a == null) {
                        throw new InvalidInputException("minutes.actionItem.titleRequired");
                    }
                    return new ActionItemTerms(a.id(), a.agendaItemId(), a.title(), a.ownerId(), a.dueOn(), a.status());
                }).toList();
        return new MinutesView.Draft(body.minuteTakerId(), body.guests(), attendance, notes, decisions, items);
    }

    static MinutesView.TaskFilter taskFilter(String value) {
        if (value == null || value.isBlank()) {
            return MinutesView.TaskFilter.OPEN;
        }
        try {
            return MinutesView.TaskFilter.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rest.parameter.invalid", "status", value);
        }
    }
}
