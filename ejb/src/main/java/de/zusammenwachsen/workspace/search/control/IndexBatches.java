package de.zusammenwachsen.workspace.search.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One batch of a rebuild: loads the items and writes their entries anew, replacing the old ones, in a transaction
 * of its own. Small transactions keep memory flat and let searches see the progress.
 */
@Stateless
public class IndexBatches {

    /** Ids per look-up: far below the parameter limits of the databases. */
    private static final int LOOKUP = 1000;

    @PersistenceContext
    EntityManager em;

    /** The ids of one kind, all or only one group's ({@code group} null for all). */
    public List<Long> ids(Class<?> type, Long group) {
        String entity = type.getSimpleName();
        String where = group == null ? "" : " where " + groupCondition(entity);
        TypedQuery<Long> query = em.createQuery("select e.id from " + entity + " e" + where + " order by e.id", Long.class);
        if (group != null) {
            query.setParameter("group", group);
        }
        return query.getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int reindex(Class<?> type, List<Long> ids) {
        SearchIndexingPlan plan = Search.session(em).indexingPlan();
        List<?> items = em.createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids", type)
                .setParameter("ids", ids).getResultList();
        items.forEach(plan::addOrUpdate);
        return items.size();
    }

    /**
     * Removes the entries of {@code type} whose items the database no longer has. {@code listed}: the ids the
     * database had when the rebuild began; an entry outside them is looked up again before it goes, as its item may
     * have been created since.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeOrphans(Class<?> type, Set<Long> listed) {
        SearchSession session = Search.session(em);
        List<Long> unlisted = session.search(type).select(f -> f.id(Long.class)).where(f -> f.matchAll())
                .fetchAllHits().stream().filter(id -> !listed.contains(id)).toList();
        if (unlisted.isEmpty()) {
            return 0;
        }
        Set<Long> existing = new HashSet<>();
        for (int from = 0; from < unlisted.size(); from += LOOKUP) {
            existing.addAll(em.createQuery("select e.id from " + type.getSimpleName() + " e where e.id in :ids",
                    Long.class).setParameter("ids", unlisted.subList(from, Math.min(unlisted.size(), from + LOOKUP)))
                    .getResultList());
        }
        SearchIndexingPlan plan = session.indexingPlan();
        int purged = 0;
        for (Long id : unlisted) {
            if (!existing.contains(id)) {
                plan.purge(type, id, null);
                purged++;
            }
        }
        return purged;
    }

    private static String groupCondition(String entity) {
        return switch (entity) {
            case "WorkingGroup" -> "e.id = :group";
            case "Post" -> "e.thread.group.id = :group";
            case "Minutes", "Decision", "ActionItem" -> "e.groupId = :group";
            default -> "e.group.id = :group";
        };
    }
}
