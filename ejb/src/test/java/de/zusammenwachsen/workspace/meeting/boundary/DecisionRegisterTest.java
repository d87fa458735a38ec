package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.network.control.NetworkCache;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees which decisions is decided in the register's query: the conditions for each kind of viewer and filter. */
class DecisionRegisterTest {

    /**
     * Queries for group ids answer as a database would: public groups 1 and 2, group 11 in field 7, 12 in region 3,
     * slug ag-bus for the private group 13, ag-geheim for the hidden group 14.
     */
    private final DecisionRegister register = new DecisionRegister() {
        @Override
        List<Long> publicGroupIds() {
            return List.of(1L, 2L);
        }

        @Override
        List<Long> groupIds(String query, Object value) {
            if (query.contains("actionFields")) {
                return value.equals(7L) ? List.of(11L) : List.of();
            }
            if (query.contains("regions")) {
                return value.equals(3L) ? List.of(12L) : List.of();
            }
            throw new AssertionError("groups by slug are asked with their visibility: " + query);
        }

        @Override
        Map<Long, Visibility> groupsBySlug(String slug) {
            return switch (slug) {
                case "ag-bus" -> Map.of(13L, Visibility.PRIVATE);
                case "ag-geheim" -> Map.of(14L, Visibility.HIDDEN);
                default -> Map.of();
            };
        }
    };

    DecisionRegisterTest() {
        register.network = new NetworkCache() {
            @Override
            public List<Network.ActionFieldInfo> actionFields() {
                return List.of(new Network.ActionFieldInfo(7L, "mobilitaet", "Gute Mobilität für alle", null, null, 0));
            }

            @Override
            public List<Network.RegionInfo> regions() {
                return List.of(new Network.RegionInfo(3L, "halle", "Stadt Halle (Saale)", 0));
            }
        };
    }

    private DecisionRegister.Where where(Viewer viewer, RegisterView.Filter filter) {
        return register.where(viewer, filter, false);
    }

    @Test
    void guestsSeePublishedDecisionsOnly() {
        DecisionRegister.Where w = where(Viewer.GUEST, RegisterView.Filter.NONE);
        assertEquals(" and d.published = true", w.toString());
        assertTrue(w.params.isEmpty());
        assertEquals(Set.of(), w.readable, "no group read whole");
        assertTrue(w.byGroupAndOutcome);
    }

    @Test
    void accountsSeePublicGroupsAndTheirOwnBesidesPublishedDecisions() {
        Viewer outsider = new Viewer(5L, false, Map.of());
        DecisionRegister.Where w = where(outsider, RegisterView.Filter.NONE);
        assertEquals(" and (d.published = true or d.groupId in :readable)", w.toString());
        assertEquals(Set.of(1L, 2L), w.params.get("readable"));

        Viewer member = new Viewer(6L, false, Map.of(11L, Role.MEMBER, 12L, Role.MODERATOR));
        w = where(member, RegisterView.Filter.NONE);
        assertEquals(Set.of(1L, 2L, 11L, 12L), w.params.get("readable"));
        assertEquals(Set.of(1L, 2L, 11L, 12L), w.readable, "the shared counts total the same groups");
    }

    @Test
    void administratorsSeeEverythingButTheFeedNeverMoreThanPublished() {
        Viewer admin = new Viewer(1L, true, Map.of());
        assertEquals("", where(admin, RegisterView.Filter.NONE).toString());
        assertEquals(null, where(admin, RegisterView.Filter.NONE).readable, "every group read whole");
        assertEquals(" and d.published = true", register.where(admin, RegisterView.Filter.NONE, true).toString());
    }

    @Test
    void filtersBecomeConditionsAndUnknownNamesMatchNothing() {
        RegisterView.Filter filter = new RegisterView.Filter("mobilitaet", "ag-bus", "3", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), Outcome.REJECTED, " 100%_Sicher ", null);
        DecisionRegister.Where w = where(Viewer.GUEST, filter);
        assertEquals(Set.of(11L), w.params.get("field"));
        assertEquals(Set.of(12L), w.params.get("region"));
        assertEquals(Set.of(13L), w.params.get("group"));
        assertEquals(Outcome.REJECTED, w.params.get("outcome"));
        assertEquals("%100\\%\\_sicher%", w.params.get("text"));
        assertTrue(w.toString().contains("d.decidedOn >= :from") && w.toString().contains("d.decidedOn <= :to"));
        assertEquals(Set.of(), w.groups, "field, region and group filters narrow each other");
        assertFalse(w.byGroupAndOutcome, "dates and words are counted by the database");

        DecisionRegister.Where byField = where(Viewer.GUEST,
                new RegisterView.Filter("mobilitaet", null, null, null, null, Outcome.ADOPTED, null, null));
        assertEquals(Set.of(11L), byField.groups);
        assertEquals(Outcome.ADOPTED, byField.outcome);
        assertTrue(byField.byGroupAndOutcome, "totalled from the shared counts");

        DecisionRegister.Where unknown = where(Viewer.GUEST,
                new RegisterView.Filter("gibt-es-nicht", null, "halle", null, null, null, null, null));
        assertTrue(unknown.toString().contains("1 = 0"), unknown.toString());
        assertFalse(unknown.params.containsKey("field"));
        assertEquals(Set.of(12L), unknown.params.get("region"), "regions by slug as well as by id");
        assertFalse(unknown.params.containsKey("text"));
    }

    /**
     * A hidden group's slug, given by someone who may not see the group, narrows like an unknown slug (to nothing,
     * with the same conditions), so the filter cannot tell that the group exists; its members filter by it.
     */
    @Test
    void aHiddenGroupsSlugIsUnknownToWhoeverMayNotSeeIt() {
        RegisterView.Filter hidden = new RegisterView.Filter(null, "ag-geheim", null, null, null, null, null, null);
        RegisterView.Filter unknown = new RegisterView.Filter(null, "gibt-es-nicht", null, null, null, null, null, null);
        for (Viewer viewer : List.of(Viewer.GUEST, new Viewer(5L, false, Map.of()),
                new Viewer(6L, false, Map.of(13L, Role.MODERATOR)))) {
            DecisionRegister.Where byHidden = where(viewer, hidden);
            DecisionRegister.Where byUnknown = where(viewer, unknown);
            assertEquals(byUnknown.toString(), byHidden.toString(), viewer.toString());
            assertEquals(byUnknown.params, byHidden.params, viewer.toString());
            assertEquals(Set.of(), byHidden.groups, viewer.toString());
            assertTrue(byHidden.toString().contains("1 = 0"), byHidden.toString());
        }
        DecisionRegister.Where member = where(new Viewer(7L, false, Map.of(14L, Role.MEMBER)), hidden);
        assertEquals(Set.of(14L), member.params.get("group"));
        assertEquals(Set.of(14L), where(new Viewer(1L, true, Map.of()), hidden).params.get("group"), "administrators");
        assertEquals(Set.of(13L), where(Viewer.GUEST, new RegisterView.Filter(null, "ag-bus", null, null, null, null,
                null, null)).params.get("group"), "a private group is listed, so everyone may filter by it");
    }

    @Test
    void overlongSearchTextIsRefused() {
        RegisterView.Filter filter = new RegisterView.Filter(null, null, null, null, null, null, "x".repeat(201), null);
        assertThrows(InvalidInputException.class, () -> where(Viewer.GUEST, filter));
    }
}
