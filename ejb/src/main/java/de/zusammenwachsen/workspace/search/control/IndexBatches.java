package de.zusammenwachsen.workspace.search.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

import java.util.List;

/**
 * One batch of a rebuild: loads the items and writes their entries anew, replacing the old ones, in a transaction
 * of its own. Small transactions keep memory flat and let searches see the progress.
 */
@Stateless
public class IndexBatches {

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

    private static String groupCondition(String entity) {
        return switch (entity) {
            case "WorkingGroup" -> "e.id = :group";
            case "Post" -> "e.thread.group.id = :group";
            case "Minutes", "Decision", "ActionItem" -> "e.groupId = :group";
            default -> "e.group.id = :group";
        };
    }
}
