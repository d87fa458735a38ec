package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItem;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItemState;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may edit an agenda item: the rule the meeting page's "Bearbeiten" links and {@link Agenda#edit} share. */
class AgendaTest {

    private static final Instant NOW = Instant.parse("2026-11-20T17:00:00Z");
    private static final long GROUP = 5L;
    private static final long ORGANISER = 1L;
    private static final long MEMBER = 2L;
    private static final long OTHER_MEMBER = 3L;
    private static final long MODERATOR = 4L;

    private final AccessPolicy policy = new AccessPolicy();
    private final AccessPolicy.GroupFacts facts = new AccessPolicy.GroupFacts(GROUP, Visibility.PRIVATE, JoinPolicy.OPEN, false);
    private final Meeting meeting = new Meeting(new WorkingGroup("ag-umwelt", "AG Umwelt", null), "Herbsttreffen",
            NOW.plusSeconds(86_400), NOW.plusSeconds(93_600), "Zeitz", null, null, ORGANISER, NOW);

    private static Viewer member(long id) {
        return new Viewer(id, false, Map.of(GROUP, Role.MEMBER));
    }

    private AgendaItem item(AgendaItemState state, long proposedBy) {
        return new AgendaItem(meeting, 1, "Streuobstwiese", null, null, 15, state, proposedBy, null, NOW);
    }

    @Test
    void moderatorsAndTheOrganiserEditEveryItem() {
        Viewer moderator = new Viewer(MODERATOR, false, Map.of(GROUP, Role.MODERATOR));
        for (AgendaItemState state : AgendaItemState.values()) {
            assertTrue(Agenda.mayEdit(policy, moderator, facts, meeting, item(state, MEMBER)), state.name());
            assertTrue(Agenda.mayEdit(policy, member(ORGANISER), facts, meeting, item(state, MEMBER)), state.name());
        }
    }

    @Test
    void aMemberEditsTheirOwnProposalWhileItWaitsOnly() {
        assertTrue(Agenda.mayEdit(policy, member(MEMBER), facts, meeting, item(AgendaItemState.PROPOSED, MEMBER)));
        assertFalse(Agenda.mayEdit(policy, member(MEMBER), facts, meeting, item(AgendaItemState.ACCEPTED, MEMBER)),
                "accepted, the item is the organiser's and the moderators'");
        assertFalse(Agenda.mayEdit(policy, member(OTHER_MEMBER), facts, meeting, item(AgendaItemState.PROPOSED, MEMBER)));
        assertFalse(Agenda.mayEdit(policy, Viewer.GUEST, facts, meeting, item(AgendaItemState.PROPOSED, MEMBER)));
        assertFalse(Agenda.mayEdit(policy, member(MEMBER), new AccessPolicy.GroupFacts(GROUP, Visibility.PRIVATE,
                JoinPolicy.OPEN, true), meeting, item(AgendaItemState.PROPOSED, MEMBER)), "an archived group is read-only");
    }

    @Test
    void nobodyEditsTheAgendaOfACancelledMeeting() {
        meeting.cancel(NOW);
        Viewer moderator = new Viewer(MODERATOR, false, Map.of(GROUP, Role.MODERATOR));
        assertFalse(Agenda.mayEdit(policy, moderator, facts, meeting, item(AgendaItemState.ACCEPTED, MEMBER)));
        assertFalse(Agenda.mayEdit(policy, member(MEMBER), facts, meeting, item(AgendaItemState.PROPOSED, MEMBER)));
    }
}
