package de.zusammenwachsen.workspace.group.control;

import de.zusammenwachsen.workspace.core.WriteGeneration;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every group's id, slug, name and visibility, read once and shared: each search needs the public groups (whose
 * content every logged-in member reads) and the names of the groups in its facets, and a network has a few
 * hundred groups that change seldom. Which groups are public decides what a search may show, so the directory
 * must never be stale after a change: every write of a group ({@link GroupChanges}) moves a {@link WriteGeneration},
 * and a directory read under an older generation is read again. After a minute it is read again anyway, for changes
 * made outside the application.
 */
@ApplicationScoped
public class GroupDirectory {

    private static final long MAX_AGE_NANOS = Duration.ofSeconds(60).toNanos();

    /** A group as facets and permission filters need it. */
    public record Entry(Long id, String slug, String name, Visibility visibility) {
    }

    private record Snapshot(Map<Long, Entry> groups, List<Long> publicIds, long generation, long loadedAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final WriteGeneration generation = new WriteGeneration();
    private volatile Snapshot snapshot;

    /** The ids of the public groups, as of the last committed change. */
    public List<Long> publicGroupIds() {
        return current().publicIds();
    }

    /** The group with this id, or null when there is none. */
    public Entry group(Long id) {
        return current().groups().get(id);
    }

    /** A group is written in the running transaction (or right now, without one). */
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
        Map<Long, Entry> groups = new HashMap<>();
        List<Long> publicIds = new ArrayList<>();
        for (Object[] row : em.createQuery("select g.id, g.slug, g.name, g.visibility from WorkingGroup g", Object[].class)
                .getResultList()) {
            Entry entry = new Entry((Long) row[0], (String) row[1], (String) row[2], (Visibility) row[3]);
            groups.put(entry.id(), entry);
            if (entry.visibility() == Visibility.PUBLIC) {
                publicIds.add(entry.id());
            }
        }
        // Tagged with the generation read before the query: a change committed meanwhile makes it outdated at once.
        Snapshot loaded = new Snapshot(Map.copyOf(groups), List.copyOf(publicIds), expected, now);
        if (generation.keeps(expected)) {
            snapshot = loaded;
        }
        return loaded;
    }
}
