package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The register's totals from the shared counts: unpublished decisions count only in readable groups, published ones
 * everywhere; filters by groups and outcome narrow them; a group counts when it adds at least one decision.
 */
class RegisterCountsTest {

    /**
     * Group 1 (public): 3 adopted unpublished, 1 adopted published. Group 2 (private): 2 rejected unpublished,
     * 1 postponed published. Group 3 (hidden): 4 adopted unpublished only.
     */
    private static final Map<Long, long[]> COUNTS = Map.of(
            1L, counts(Outcome.ADOPTED, 3, 1),
            2L, add(counts(Outcome.REJECTED, 2, 0), Outcome.POSTPONED, 0, 1),
            3L, counts(Outcome.ADOPTED, 4, 0));

    @Test
    void administratorsCountEverything() {
        assertEquals(new RegisterCounts.Totals(11, 8, 2, 1, 3), RegisterCounts.totals(COUNTS, null, null, null));
    }

    @Test
    void guestsCountPublishedDecisionsOnly() {
        assertEquals(new RegisterCounts.Totals(2, 1, 0, 1, 2), RegisterCounts.totals(COUNTS, Set.of(), null, null));
        assertEquals(Set.of(1L, 2L), RegisterCounts.groupsWithDecisions(COUNTS, Set.of()));
    }

    @Test
    void membersCountTheirGroupsWholeAndPublishedElsewhere() {
        assertEquals(new RegisterCounts.Totals(7, 4, 2, 1, 2), RegisterCounts.totals(COUNTS, Set.of(1L, 2L), null, null));
        assertEquals(new RegisterCounts.Totals(5, 5, 0, 0, 2), RegisterCounts.totals(COUNTS, Set.of(3L), null, Outcome.ADOPTED));
        assertEquals(Set.of(1L, 2L, 3L), RegisterCounts.groupsWithDecisions(COUNTS, Set.of(3L)));
    }

    @Test
    void filtersNarrowToGroupsAndOutcome() {
        assertEquals(new RegisterCounts.Totals(2, 0, 2, 0, 1),
                RegisterCounts.totals(COUNTS, Set.of(1L, 2L), Set.of(2L), Outcome.REJECTED));
        assertEquals(new RegisterCounts.Totals(0, 0, 0, 0, 0), RegisterCounts.totals(COUNTS, Set.of(), Set.of(3L), null));
        assertEquals(new RegisterCounts.Totals(0, 0, 0, 0, 0), RegisterCounts.totals(COUNTS, null, Set.of(), null));
    }

    private static long[] counts(Outcome outcome, long unpublished, long published) {
        return add(new long[Outcome.values().length * 2], outcome, unpublished, published);
    }

    private static long[] add(long[] counts, Outcome outcome, long unpublished, long published) {
        counts[outcome.ordinal() * 2] += unpublished;
        counts[outcome.ordinal() * 2 + 1] += published;
        return counts;
    }
}
