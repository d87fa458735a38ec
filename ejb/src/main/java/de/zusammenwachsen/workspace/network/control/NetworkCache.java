package de.zusammenwachsen.workspace.network.control;

import de.zusammenwachsen.workspace.network.entity.ActionField;
import de.zusammenwachsen.workspace.network.entity.Region;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The ten action fields and eight regions appear in the header of every page but change perhaps once a year, so
 * they are read from the database at most once a minute, and at once after an administrator changed them.
 */
@ApplicationScoped
public class NetworkCache {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private record Snapshot<T>(List<T> items, long loadedAt) {
    }

    @PersistenceContext
    EntityManager em;

    private volatile Snapshot<Object> fields;
    private volatile Snapshot<Object> regions;

    @SuppressWarnings("unchecked")
    public <T> List<T> actionFields(Function<ActionField, T> view) {
        Snapshot<Object> s = fields;
        if (s == null || expired(s)) {
            s = new Snapshot<>(List.copyOf(em.createQuery("select f from ActionField f order by f.position", ActionField.class)
                    .getResultList().stream().map(view).toList()), System.nanoTime());
            fields = s;
        }
        return (List<T>) s.items();
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> regions(Function<Region, T> view) {
        Snapshot<Object> s = regions;
        if (s == null || expired(s)) {
            s = new Snapshot<>(List.copyOf(em.createQuery("select r from Region r order by r.position", Region.class)
                    .getResultList().stream().map(view).toList()), System.nanoTime());
            regions = s;
        }
        return (List<T>) s.items();
    }

    /** Called by the boundary that changed them; the next reader loads them anew. */
    public void invalidate() {
        fields = null;
        regions = null;
    }

    private static boolean expired(Snapshot<?> s) {
        return System.nanoTime() - s.loadedAt() > MAX_AGE.toNanos();
    }
}
