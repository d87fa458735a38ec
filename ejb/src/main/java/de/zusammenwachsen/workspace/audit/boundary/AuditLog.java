package de.zusammenwachsen.workspace.audit.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.GroupAction;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.audit.entity.AuditEntry;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * The audit log of membership and role changes and administrators' actions. Written in the transaction of the
 * change itself, so the log and the data never disagree. Administrators read all of it, moderators their group's.
 */
@Stateless
public class AuditLog {

    public record Entry(Long id, Instant occurredAt, String actorName, String action, Long groupId, String groupName,
                        String subject, String detail) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    private final AccessPolicy policy = new AccessPolicy();

    public void record(String action, WorkingGroup group, String subject, String detail) {
        Account actor = caller.accountId() == null ? null : em.find(Account.class, caller.accountId());
        em.persist(new AuditEntry(actor == null ? null : actor.getId(), actor == null ? null : actor.getDisplayName(),
                action, group == null ? null : group.getId(), subject, detail));
    }

    /** All entries, newest first; administrators only. */
    public Page<Entry> all(int first, int size) {
        policy.requireAdministrator(caller.viewer());
        return page(null, first, size);
    }

    /** One group's entries, newest first; its moderators and administrators. */
    public Page<Entry> ofGroup(String slug, int first, int size) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), GroupAction.SEE_AUDIT, group);
        return page(group.getId(), first, size);
    }

    private Page<Entry> page(Long groupId, int first, int size) {
        String where = groupId == null ? "" : " where e.groupId = :group";
        var query = em.createQuery("select new " + Entry.class.getName()
                + "(e.id, e.occurredAt, e.actorName, e.action, e.groupId, g.name, e.subject, e.detail) "
                + "from AuditEntry e left join WorkingGroup g on g.id = e.groupId" + where
                + " order by e.occurredAt desc, e.id desc", Entry.class);
        var count = em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
        if (groupId != null) {
            query.setParameter("group", groupId);
            count.setParameter("group", groupId);
        }
        int pageSize = Page.clampSize(size);
        return new Page<>(query.setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList(),
                count.getSingleResult(), first, pageSize);
    }
}
