package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.discussion.entity.RenderedText;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinutesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private static Minutes minutes() {
        WorkingGroup group = new WorkingGroup("ag-umwelt", "AG Umwelt", null);
        Meeting meeting = new Meeting(group, "Herbsttreffen", NOW, NOW.plusSeconds(7200), "Zeitz", null, null, 1L, NOW);
        return new Minutes(meeting, 1L, Map.of(1L, AttendanceStatus.PRESENT, 2L, AttendanceStatus.ABSENT), 1L, NOW);
    }

    private static DecisionTerms decision(String wording) {
        return new DecisionTerms(null, 10L, wording, VoteMode.COUNTED, 5, 1, null, Outcome.ADOPTED, true);
    }

    private static MinutesRevision revision(List<DecisionTerms> decisions, List<ActionItemTerms> items) {
        return new MinutesRevision(1L, "  Gerda Gast\r\nHerr Müller ", Map.of(1L, AttendanceStatus.PRESENT,
                2L, AttendanceStatus.EXCUSED), Map.of(10L, new RenderedText("**Notiz**", "<p><strong>Notiz</strong></p>",
                "Notiz", 1)), decisions, items);
    }

    @Test
    void aDraftIsRevisedAsOneDocument() {
        Minutes minutes = minutes();
        minutes.revise(revision(List.of(decision("Wir pflegen die Wiese.")),
                List.of(new ActionItemTerms(null, 10L, "Mähplan", 2L, DAY.plusDays(7), null))), DAY, 1L, NOW);
        assertEquals("Gerda Gast\nHerr Müller", minutes.getGuests());
        assertEquals(AttendanceStatus.EXCUSED, minutes.getAttendance().get(2L));
        assertEquals("**Notiz**", minutes.getNotes().get(0).getBody());
        Decision decision = minutes.getDecisions().get(0);
        assertEquals(0, decision.getAbstentions(), "an empty count in a counted vote is nobody");
        assertEquals(DAY, decision.getDecidedOn());
        assertEquals(ActionItemStatus.OPEN, minutes.getActionItems().get(0).getStatus());

        // A blank note and an empty list remove what was there.
        minutes.revise(new MinutesRevision(1L, "", Map.of(), Map.of(10L, new RenderedText(" ", "", "", 1)), List.of(),
                List.of()), DAY, 1L, NOW);
        assertTrue(minutes.getNotes().isEmpty());
        assertTrue(minutes.getDecisions().isEmpty());
        assertTrue(minutes.getActionItems().isEmpty());
        assertNull(minutes.getGuests());
    }

    @Test
    void votesAreCountedOnlyWhenCountedAndNeverNegative() {
        assertThrows(InvalidInputException.class,
                () -> new DecisionTerms(null, null, "Text", VoteMode.COUNTED, -1, 0, 0, Outcome.ADOPTED, false));
        assertThrows(InvalidInputException.class,
                () -> new DecisionTerms(null, null, "Text", VoteMode.CONSENSUS, 3, null, null, Outcome.ADOPTED, false));
        assertThrows(InvalidInputException.class,
                () -> new DecisionTerms(null, null, "  ", VoteMode.CONSENSUS, null, null, null, Outcome.ADOPTED, false));
        assertThrows(InvalidInputException.class,
                () -> new DecisionTerms(null, null, "Text", VoteMode.COUNTED, 1, 1, 1, null, false));
        DecisionTerms consensus = new DecisionTerms(null, null, "Text", VoteMode.CONSENSUS, null, null, null,
                Outcome.POSTPONED, false);
        assertNull(consensus.votesFor());
        assertThrows(InvalidInputException.class, () -> new ActionItemTerms(null, null, " ", null, null, null));
    }

    @Test
    void theWorkflowGoesDraftCirculatedApprovedAndLocksThen() {
        Minutes minutes = minutes();
        minutes.revise(revision(List.of(decision("Beschluss")), List.of()), DAY, 1L, NOW);
        assertThrows(ConflictException.class, () -> minutes.comment(10L, 2L, "Zu früh", NOW));
        assertThrows(ConflictException.class, () -> minutes.approve(3L, null, NOW));
        minutes.circulate(1L, NOW);
        assertEquals(MinutesState.CIRCULATED, minutes.getState());
        assertThrows(ConflictException.class, () -> minutes.circulate(1L, NOW));
        assertEquals("Bitte ergänzen", minutes.comment(10L, 2L, " Bitte ergänzen ", NOW).getBody());
        assertThrows(InvalidInputException.class, () -> minutes.comment(10L, 2L, " ", NOW));
        // Still correctable while circulated.
        minutes.revise(revision(List.of(decision("Beschluss, ergänzt")), List.of()), DAY, 1L, NOW);
        assertThrows(ConflictException.class, () -> minutes.amend(3L, new RenderedText("x", "x", "x", 1), NOW));

        minutes.approve(3L, null, NOW);
        assertEquals(MinutesState.APPROVED, minutes.getState());
        assertEquals(3L, minutes.getApprovedBy());
        assertNotNull(minutes.getDecisions().get(0).getApprovedAt(), "approved decisions enter the register");
        ConflictException locked = assertThrows(ConflictException.class,
                () -> minutes.revise(revision(List.of(), List.of()), DAY, 1L, NOW));
        assertEquals("minutes.locked", locked.key());
        assertThrows(ConflictException.class, () -> minutes.comment(10L, 2L, "Zu spät", NOW));
        assertEquals("Korrektur", minutes.amend(3L, new RenderedText("Korrektur", "<p>Korrektur</p>", "Korrektur", 1), NOW)
                .getBody());
        assertThrows(InvalidInputException.class, () -> minutes.amend(3L, new RenderedText(" ", "", "", 1), NOW));
    }

    @Test
    void aStaleVersionIsAConflict() {
        Minutes minutes = minutes();
        minutes.requireVersion(0);
        assertEquals("minutes.conflict", assertThrows(ConflictException.class, () -> minutes.requireVersion(1)).key());
    }

    @Test
    void actionItemsKnowWhenTheyAreOverdueAndANewDateDeservesANewReminder() {
        Minutes minutes = minutes();
        minutes.revise(revision(List.of(), List.of(new ActionItemTerms(null, null, "Plakate", 2L, DAY, null))), DAY, 1L, NOW);
        ActionItem item = minutes.getActionItems().get(0);
        assertTrue(item.isOverdue(DAY.plusDays(1)));
        assertFalse(item.isOverdue(DAY));
        item.changeStatus(ActionItemStatus.DONE, NOW);
        assertEquals(NOW, item.getDoneAt());
        assertFalse(item.isOverdue(DAY.plusDays(1)));
        item.changeStatus(ActionItemStatus.OPEN, NOW);
        assertNull(item.getDoneAt());
        item.reschedule(DAY.plusDays(3));
        assertEquals(DAY.plusDays(3), item.getDueOn());
        assertNull(item.getRemindedAt());
    }
}
