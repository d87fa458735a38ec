package de.zusammenwachsen.workspace.core;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;

/**
 * Writes pending changes and turns a violated unique constraint into a {@link ConflictException}. The boundaries
 * check uniqueness before writing, but two simultaneous submits can both pass that check; the database's
 * constraint then decides, and the loser gets the same clear message instead of a server error.
 */
public final class Flush {

    private Flush() {
    }

    public static void orConflict(EntityManager em, String conflictKey) {
        orConflict(em, conflictKey, () -> { });
    }

    /** Runs {@code writes} (e.g. persisting an entity with a database-generated id, which inserts at once) and flushes. */
    public static void orConflict(EntityManager em, String conflictKey, Runnable writes) {
        try {
            writes.run();
            em.flush();
        } catch (PersistenceException e) {
            if (violatesConstraint(e)) {
                throw new ConflictException(conflictKey);
            }
            throw e;
        }
    }

    static boolean violatesConstraint(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            // SQLState class 23: integrity constraint violation, the same on H2 and PostgreSQL.
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
