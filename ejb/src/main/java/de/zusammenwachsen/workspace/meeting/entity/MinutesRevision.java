package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.discussion.entity.RenderedText;

import java.util.List;
import java.util.Map;

/**
 * The whole draft as one document, saved at once against the version the writer started from: attendance by
 * account, notes by agenda item (a blank note removes it), decisions and action items in their order. Without a
 * minute-taker the current one stays.
 */
public record MinutesRevision(Long minuteTakerId, String guests, Map<Long, AttendanceStatus> attendance,
                              Map<Long, RenderedText> notes, List<DecisionTerms> decisions,
                              List<ActionItemTerms> actionItems) {

    public MinutesRevision {
        attendance = attendance == null ? Map.of() : Map.copyOf(attendance);
        notes = notes == null ? Map.of() : Map.copyOf(notes);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    }
}
