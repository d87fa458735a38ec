package de.zusammenwachsen.workspace.account.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Display names of accounts by id, in one query for a whole list (authors, actors, editors). */
@Dependent
public class AccountNames {

    @PersistenceContext
    EntityManager em;

    public Map<Long, String> of(Collection<Long> accountIds) {
        List<Long> ids = accountIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select a.id, a.displayName from Account a where a.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        return names;
    }
}
