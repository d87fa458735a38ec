package de.zusammenwachsen.workspace.network.control;

import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.network.entity.ActionField;
import de.zusammenwachsen.workspace.network.entity.Region;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.List;

/**
 * The ten action fields and eight regions appear in the header of every page but change perhaps once a year, so
 * they are read from the database at most once a minute, and at once after an administrator changed them.
 */
@ApplicationScoped
public class NetworkCache {

    private static final long MAX_AGE_NANOS = Duration.ofSeconds(60).toNanos();

    /** Both lists, loaded together; immutable, so readers on any thread can share it. */
    private record Snapshot(List<Network.ActionFieldInfo> fields, List<Network.RegionInfo> regions, long loadedAt) {

        boolean expired() {
            return System.nanoTime() - loadedAt > MAX_AGE_NANOS;
        }
    }

    @PersistenceContext
    EntityManager em;

    private volatile Snapshot snapshot;

    public List<Network.ActionFieldInfo> actionFields() {
        return current().fields();
    }

    public List<Network.RegionInfo> regions() {
        return current().regions();
    }

    /** Called by the boundary that changed them; the next reader loads them anew. */
    public void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.expired()) {
            s = new Snapshot(
                    em.createQuery("select f from ActionField f order by f.position", ActionField.class).getResultList()
                            .stream().map(Network.ActionFieldInfo::of).toList(),
                    em.createQuery("select r from Region r order by r.position", Region.class).getResultList()
                            .stream().map(Network.RegionInfo::of).toList(),
                    System.nanoTime());
            snapshot = s;
        }
        return s;
    }
}
