package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.notification.entity.MailMode;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The e-mail choice that applies to each recipient for one group: their choice for the group, else their default. */
@Dependent
public class MailModes {

    @PersistenceContext
    EntityManager em;

    public Map<Long, MailMode> of(Long groupId, Collection<Long> accountIds) {
        Map<Long, MailMode> modes = new HashMap<>();
        List<Long> ids = accountIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return modes;
        }
        em.createQuery("select a.id, a.mailMode from Account a where a.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(r -> modes.put((Long) r[0], (MailMode) r[1]));
        if (groupId != null) {
            em.createQuery("select m.key.accountId, m.mode from GroupMailMode m where m.key.groupId = :g and m.key.accountId in :ids",
                            Object[].class).setParameter("g", groupId).setParameter("ids", ids).getResultList()
                    .forEach(r -> modes.put((Long) r[0], (MailMode) r[1]));
        }
        return modes;
    }
}
