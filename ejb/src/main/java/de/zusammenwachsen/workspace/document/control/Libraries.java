package de.zusammenwachsen.workspace.document.control;

import jakarta.inject.Inject;
import de.zusammenwachsen.workspace.account.control.AccountNames;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.TooLargeException;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.entity.Document;
import de.zusammenwachsen.workspace.document.entity.DocumentVersion;
import de.zusammenwachsen.workspace.document.entity.Folder;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Loads folders, documents and versions for the document boundaries, and knows a group's space; unknown is 404. */
@Dependent
public class Libraries {

    private static final long MB = 1024L * 1024L;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountNames accountNames;

    public Document document(Long id) {
        Document document = id == null ? null : em.find(Document.class, id);
        if (document == null) {
            throw new NotFoundException();
        }
        return document;
    }

    public DocumentVersion version(Long id) {
        DocumentVersion version = id == null ? null : em.find(DocumentVersion.class, id);
        if (version == null) {
            throw new NotFoundException();
        }
        return version;
    }

    public DocumentVersion version(Document document, int number) {
        return em.createQuery("select v from DocumentVersion v where v.document = :d and v.number = :n", DocumentVersion.class)
                .setParameter("d", document).setParameter("n", number)
                .getResultStream().findFirst().orElseThrow(NotFoundException::new);
    }

    public List<DocumentVersion> versions(Document document) {
        return em.createQuery("select v from DocumentVersion v where v.document = :d order by v.number desc", DocumentVersion.class)
                .setParameter("d", document).getResultList();
    }

    public Folder anyFolder(Long id) {
        Folder folder = id == null ? null : em.find(Folder.class, id);
        if (folder == null) {
            throw new NotFoundException();
        }
        return folder;
    }

    /** The folder of {@code group} with this id (null: the top, also null), not in the trash; else 404. */
    public Folder folder(WorkingGroup group, Long folderId) {
        if (folderId == null) {
            return null;
        }
        Folder folder = em.find(Folder.class, folderId);
        if (folder == null || !Objects.equals(folder.getGroup().getId(), group.getId()) || folder.isTrashed()) {
            throw new NotFoundException();
        }
        return folder;
    }

    /** The path from the top to {@code folder}, inclusive. */
    public List<DocumentView.FolderRef> path(Folder folder) {
        List<DocumentView.FolderRef> path = new ArrayList<>();
        for (Folder f = folder; f != null; f = f.getParent()) {
            path.add(new DocumentView.FolderRef(f.getId(), f.getName()));
        }
        Collections.reverse(path);
        return path;
    }

    /** A document of that name in that folder that is not in the trash; names compare without case. */
    public Document documentNamed(WorkingGroup group, Folder folder, String name) {
        var query = em.createQuery("select d from Document d where d.group = :g and "
                        + (folder == null ? "d.folder is null" : "d.folder = :f")
                        + " and lower(d.name) = :name and d.trashedAt is null", Document.class)
                .setParameter("g", group).setParameter("name", name.toLowerCase(Locale.ROOT)).setMaxResults(1);
        if (folder != null) {
            query.setParameter("f", folder);
        }
        return query.getResultStream().findFirst().orElse(null);
    }

    public Folder folderNamed(WorkingGroup group, Folder parent, String name) {
        var query = em.createQuery("select f from Folder f where f.group = :g and "
                        + (parent == null ? "f.parent is null" : "f.parent = :p")
                        + " and lower(f.name) = :name and f.trashedAt is null", Folder.class)
                .setParameter("g", group).setParameter("name", name.toLowerCase(Locale.ROOT)).setMaxResults(1);
        if (parent != null) {
            query.setParameter("p", parent);
        }
        return query.getResultStream().findFirst().orElse(null);
    }

    /** Bytes the group's documents take: every version counts, the trash included, until purged. */
    public long usedBytes(WorkingGroup group) {
        Long used = em.createQuery("select sum(v.size) from DocumentVersion v where v.document.group = :g", Long.class)
                .setParameter("g", group).getSingleResult();
        return used == null ? 0 : used;
    }

    public long quotaBytes(WorkingGroup group) {
        return group.getDocumentQuotaMb() == null ? DocumentSettings.defaultQuotaBytes() : group.getDocumentQuotaMb() * MB;
    }

    public DocumentView.Limits limits(WorkingGroup group) {
        return new DocumentView.Limits(DocumentSettings.maxFileBytes(), quotaBytes(group), usedBytes(group),
                DocumentSettings.maxImportBytes());
    }

    /** Refuses with 413 if {@code adding} more bytes would overrun the group's quota. */
    public void requireRoom(WorkingGroup group, long adding) {
        long quota = quotaBytes(group);
        long used = usedBytes(group);
        if (used + adding > quota) {
            throw new TooLargeException("document.quota.exceeded", quota / MB, Math.max(0, quota - used) / MB);
        }
    }

    /**
     * Serialises writes of documents within one group: two uploads of the same new name then make one document with
     * two versions, and the quota is checked against what is committed.
     */
    public void lock(WorkingGroup group) {
        em.lock(group, LockModeType.PESSIMISTIC_WRITE);
    }

    public Map<Long, String> names(Collection<Long> accountIds) {
        return accountNames.of(accountIds);
    }

    public String name(Long accountId) {
        Account account = accountId == null ? null : em.find(Account.class, accountId);
        return account == null ? null : account.getDisplayName();
    }
}
