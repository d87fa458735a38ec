package de.zusammenwachsen.workspace.access.control;

import de.zusammenwachsen.workspace.group.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The account behind the current request, set by the web layer (session for pages, bearer token for REST) and
 * read by the boundaries. The {@link Viewer} is loaded once per request with one query, so that a membership
 * change takes effect with the next request.
 *
 * <p>A session also names the credentials epoch it was logged in with ({@link #identifySession}); the same query
 * checks it against the account's, so that a new password ends the other sessions at their next request without an
 * extra query per page and without a registry of sessions (which a cluster would have to share).
 */
@RequestScoped
public class Caller {

    @PersistenceContext
    EntityManager em;

    private Long accountId;
    private Viewer viewer;

    public void identify(Long accountId) {
        this.accountId = accountId;
        this.viewer = null;
    }

    /**
     * Identifies the account a session was logged in to, with the credentials epoch of that login. Returns false,
     * and the caller is a guest, when the account's password has changed since (or the account is disabled or gone):
     * the session should then end. Loads the viewer at once, which nearly every request needs anyway.
     */
    public boolean identifySession(Long accountId, int credentialsEpoch) {
        this.accountId = accountId;
        this.viewer = accountId == null ? Viewer.GUEST : load(accountId, credentialsEpoch);
        if (viewer.isGuest()) {
            this.accountId = null;
            return false;
        }
        return true;
    }

    public Long accountId() {
        return accountId;
    }

    public boolean isGuest() {
        return accountId == null;
    }

    public Viewer viewer() {
        if (viewer == null) {
            viewer = accountId == null ? Viewer.GUEST : load(accountId, null);
        }
        return viewer;
    }

    /** Forget the cached viewer after the caller's own memberships changed within this request. */
    public void refresh() {
        viewer = null;
    }

    /** The viewer; a guest when the account is not active or, if {@code credentialsEpoch} is given, it differs. */
    private Viewer load(Long id, Integer credentialsEpoch) {
        List<Object[]> rows = em.createQuery(
                "select a.administrator, a.status, a.credentialsEpoch, m.group.id, m.role from Account a "
                        + "left join Membership m on m.account = a where a.id = :id", Object[].class)
                .setParameter("id", id).getResultList();
        if (rows.isEmpty() || !"ACTIVE".equals(String.valueOf(rows.get(0)[1]))) {
            // A disabled or deleted account is treated as a guest at once, whatever its session says.
            return Viewer.GUEST;
        }
        if (credentialsEpoch != null && !credentialsEpoch.equals(rows.get(0)[2])) {
            // Logged in with a password that has been changed since: that session is over.
            return Viewer.GUEST;
        }
        Map<Long, Role> roles = new HashMap<>();
        for (Object[] row : rows) {
            if (row[3] != null) {
                roles.put((Long) row[3], (Role) row[4]);
            }
        }
        return new Viewer(id, (Boolean) rows.get(0)[0], Map.copyOf(roles));
    }
}
