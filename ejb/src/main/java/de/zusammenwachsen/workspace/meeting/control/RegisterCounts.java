package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.core.WriteGeneration;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many approved decisions each group has, by outcome and by whether they are published: read once (one grouped
 * query) and shared. Every register page shows totals over everything the viewer may see under the filter; counted
 * in the database, that was a second pass over thousands of decisions on every request, while the counts change only
 * when decisions are written. Every write of a decision ({@link DecisionChanges}) moves a {@link WriteGeneration}, so
 * that no page ever counts from stale rows; after a minute they are read again anyway, for changes made outside the
 * application.
 *
 * <p>The counts answer filters by group set and outcome only; filters by date or text are counted by the database.
 */
@ApplicationScoped
public class RegisterCounts {

    private static final long MAX_AGE_NANOS = Duration.ofSeconds(60).toNanos();
    private static final Outcome[] OUTCOMES = Outcome.values();

    /** Totals as the register shows them. */
    public record Totals(long decisions, long adopted, long rejected, long postponed, long groups) {
    }

    /** Per group: counts at {@code outcome.ordinal() * 2 + (published ? 1 : 0)}. */
    private record Snapshot(Map<Long, long[]> groups, long generation, long loadedAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final WriteGeneration generation = new WriteGeneration();
    private volatile Snapshot snapshot;

    /**
     * Totals of the approved decisions in {@code groups} (null: every group) with {@code outcome} (null: any) that
     * the viewer sees: all of those in {@code readable} (null: every group, for administrators), the published ones
     * elsewhere.
     */
    public Totals totals(Set<Long> readable, Set<Long> groups, Outcome outcome) {
        return totals(current().groups(), readable, groups, outcome);
    }

    /** {@link #totals} over counts per group as {@link Snapshot} holds them (the unit test gives its own). */
    static Totals totals(Map<Long, long[]> perGroup, Set<Long> readable, Set<Long> groups, Outcome outcome) {
        long[] byOutcome = new long[OUTCOMES.length];
        long groupCount = 0;
        for (Map.Entry<Long, long[]> entry : perGroup.entrySet()) {
            if (groups != null && !groups.contains(entry.getKey())) {
                continue;
            }
            boolean all = readable == null || readable.contains(entry.getKey());
            long[] counts = entry.getValue();
            long inGroup = 0;
            for (Outcome o : OUTCOMES) {
                if (outcome == null || outcome == o) {
                    long n = counts[o.ordinal() * 2 + 1] + (all ? counts[o.ordinal() * 2] : 0);
                    byOutcome[o.ordinal()] += n;
                    inGroup += n;
                }
            }
            if (inGroup > 0) {
                groupCount++;
            }
        }
        long decisions = 0;
        for (long n : byOutcome) {
            decisions += n;
        }
        return new Totals(decisions, byOutcome[Outcome.ADOPTED.ordinal()], byOutcome[Outcome.REJECTED.ordinal()],
                byOutcome[Outcome.POSTPONED.ordinal()], groupCount);
    }

    /** The groups with at least one approved decision the viewer sees ({@code readable} as for {@link #totals}). */
    public Set<Long> groupsWithDecisions(Set<Long> readable) {
        return groupsWithDecisions(current().groups(), readable);
    }

    static Set<Long> groupsWithDecisions(Map<Long, long[]> perGroup, Set<Long> readable) {
        Set<Long> found = new HashSet<>();
        perGroup.forEach((group, counts) -> {
            boolean all = readable == null || readable.contains(group);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 && (all || i % 2 == 1)) {
                    found.add(group);
                    return;
                }
            }
        });
        return found;
    }

    /** Decisions are written in the running transaction (or right now, without one). */
    public void changed() {
        generation.moved(transactions);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        long expected = generation.current();
        if (s != null && s.generation() == expected && now - s.loadedAt() < MAX_AGE_NANOS) {
            return s;
        }
        Map<Long, long[]> groups = new HashMap<>();
        for (Object[] row : em.createQuery("select d.groupId, d.outcome, d.published, count(d) from Decision d "
                + "where d.approvedAt is not null group by d.groupId, d.outcome, d.published", Object[].class)
                .getResultList()) {
            long[] counts = groups.computeIfAbsent((Long) row[0], k -> new long[OUTCOMES.length * 2]);
            counts[((Outcome) row[1]).ordinal() * 2 + (Boolean.TRUE.equals(row[2]) ? 1 : 0)] += ((Number) row[3]).longValue();
        }
        Snapshot loaded = new Snapshot(Map.copyOf(groups), expected, now);
        if (generation.keeps(expected)) {
            snapshot = loaded;
        }
        return loaded;
    }
}
