package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.core.InvalidInputException;

import java.time.LocalDate;

/** An action item as the minute-taker wrote it; {@code id} is null for a new one. */
public record ActionItemTerms(Long id, Long agendaItemId, String title, Long ownerId, LocalDate dueOn,
                              ActionItemStatus status) {

    public ActionItemTerms {
        title = ActionItem.requireTitle(title);
        status = status == null ? ActionItemStatus.OPEN : status;
    }
}
