package de.zusammenwachsen.workspace.group.control;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Loads groups and accounts for the boundaries; anything that does not exist is a 404. */
@Dependent
public class Groups {

    @PersistenceContext
    EntityManager em;

    public WorkingGroup bySlug(String slug) {
        if (slug == null) {
            throw new NotFoundException();
        }
        // One query for the group with its action fields and regions, which every group page shows.
        return em.createQuery("select g from WorkingGroup g left join fetch g.actionFields left join fetch g.regions "
                        + "where g.slug = :slug", WorkingGroup.class)
                .setParameter("slug", slug).getResultStream().findFirst().orElseThrow(NotFoundException::new);
    }

    /**
     * Loads a group for a membership change with a write lock, so that two moderators demoting each other at the
     * same moment cannot both pass the last-moderator check.
     */
    public WorkingGroup bySlugForUpdate(String slug) {
        WorkingGroup group = bySlug(slug);
        em.lock(group, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(group);
        return group;
    }

    public Account account(Long id) {
        Account account = id == null ? null : em.find(Account.class, id);
        if (account == null) {
            throw new NotFoundException();
        }
        return account;
    }

    public Account accountByEmail(String email) {
        return em.createQuery("select a from Account a where a.email = :email", Account.class)
                .setParameter("email", Account.normaliseEmail(email)).getResultStream().findFirst().orElse(null);
    }

    public long memberCount(WorkingGroup group) {
        return em.createQuery("select count(m) from Membership m where m.group = :g", Long.class)
                .setParameter("g", group).getSingleResult();
    }
}
