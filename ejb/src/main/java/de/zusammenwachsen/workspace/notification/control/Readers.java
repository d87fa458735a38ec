package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.GroupAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the access policy, for accounts other than the caller, whether they may read a group's content right now:
 * before a notification is made, before a mail is sent, when a digest is put together. Reads the accounts' state and
 * roles fresh from the database, so a removal or a disabled account counts at once.
 */
@Dependent
public class Readers {

    @PersistenceContext
    EntityManager em;

    private final AccessPolicy policy = new AccessPolicy();

    /** Those of {@code accountIds} that may read the group's content. */
    public Set<Long> of(WorkingGroup group, Collection<Long> accountIds) {
        Set<Long> readers = new LinkedHashSet<>();
        List<Long> ids = accountIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return readers;
        }
        Map<Long, Role> roles = new HashMap<>();
        em.createQuery("select m.account.id, m.role from Membership m where m.group = :g and m.account.id in :ids", Object[].class)
                .setParameter("g", group).setParameter("ids", ids).getResultList()
                .forEach(row -> roles.put((Long) row[0], (Role) row[1]));
        List<Object[]> accounts = em.createQuery("select a.id, a.administrator from Account a "
                        + "where a.id in :ids and a.status = de.zusammenwachsen.workspace.account.entity.AccountStatus.ACTIVE",
                Object[].class).setParameter("ids", ids).getResultList();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(group);
        for (Object[] row : accounts) {
            Long id = (Long) row[0];
            Role role = roles.get(id);
            Viewer viewer = new Viewer(id, (Boolean) row[1], role == null ? Map.of() : Map.of(group.getId(), role));
            if (policy.permits(viewer, GroupAction.READ_CONTENT, facts)) {
                readers.add(id);
            }
        }
        return readers;
    }

    public boolean mayRead(Long accountId, Long groupId) {
        WorkingGroup group = groupId == null ? null : em.find(WorkingGroup.class, groupId);
        return accountId != null && group != null && of(group, List.of(accountId)).contains(accountId);
    }
}
