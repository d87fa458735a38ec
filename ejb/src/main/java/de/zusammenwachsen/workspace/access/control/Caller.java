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

    public Long accountId() {
        return accountId;
    }

    public boolean isGuest() {
        return accountId == null;
    }

    public Viewer viewer() {
        if (viewer == null) {
            viewer = accountId == null ? Viewer.GUEST : load(accountId);
        }
        return viewer;
    }

    /** Forget the cached viewer after the caller's own memberships changed within this request. */
    public void refresh() {
        viewer = null;
    }

    private Viewer load(Long id) {
        List<Object[]> rows = em.createQuery(
                "select a.administrator, a.status, m.group.id, m.role from Account a left join Membership m on m.account = a "
                        + "where a.id = :id", Object[].class).setParameter("id", id).getResultList();
        if (rows.isEmpty() || !"ACTIVE".equals(String.valueOf(rows.get(0)[1]))) {
            // A disabled or deleted account is treated as a guest at once, whatever its session says.
            return Viewer.GUEST;
        }
        Map<Long, Role> roles = new HashMap<>();
        for (Object[] row : rows) {
            if (row[2] != null) {
                roles.put((Long) row[2], (Role) row[3]);
            }
        }
        return new Viewer(id, (Boolean) rows.get(0)[0], Map.copyOf(roles));
    }
}
