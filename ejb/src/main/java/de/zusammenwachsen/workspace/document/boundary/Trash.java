package de.zusammenwachsen.workspace.document.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.DocumentAction;
import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.document.boundary.DocumentView.TrashKind;
import de.zusammenwachsen.workspace.document.control.Libraries;
import de.zusammenwachsen.workspace.document.entity.Document;
import de.zusammenwachsen.workspace.document.entity.FileNames;
import de.zusammenwachsen.workspace.document.entity.Folder;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A group's trash, for its moderators: what was deleted (a folder with all it held counts as one entry), restore
 * to where it was, and purge for good. Purged rows go; their blobs are left to the sweeper, since another version
 * or group may hold the same content.
 */
@Stateless
public class Trash {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    Libraries libraries;

    @Inject
    AuditLog audit;

    private final AccessPolicy policy = new AccessPolicy();

    public Page<DocumentView.TrashEntry> contents(String slug, int first, int size) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), DocumentAction.MANAGE_TRASH, AccessPolicy.GroupFacts.of(group), null);
        List<Folder> folders = em.createQuery("select f from Folder f where f.group = :g and f.trashRoot = f.id", Folder.class)
                .setParameter("g", group).getResultList();
        List<Document> docs = em.createQuery("select d from Document d where d.group = :g and d.trashedAt is not null "
                + "and d.trashRoot is null", Document.class).setParameter("g", group).getResultList();
        List<Long> people = new ArrayList<>();
        folders.forEach(f -> people.add(f.getTrashedBy()));
        docs.forEach(d -> people.add(d.getTrashedBy()));
        Map<Long, String> names = libraries.names(people);
        List<DocumentView.TrashEntry> all = new ArrayList<>();
        // What each trashed folder took with it, for all folders in one query.
        Map<Long, Object[]> contents = new java.util.HashMap<>();
        if (!folders.isEmpty()) {
            em.createQuery("select d.trashRoot, count(d), coalesce(sum(d.size), 0) from Document d "
                            + "where d.trashRoot in :roots group by d.trashRoot", Object[].class)
                    .setParameter("roots", folders.stream().map(Folder::getId).toList()).getResultList()
                    .forEach(row -> contents.put((Long) row[0], row));
        }
        for (Folder f : folders) {
            Object[] row = contents.get(f.getId());
            all.add(new DocumentView.TrashEntry(TrashKind.FOLDER, f.getId(), f.getName(), location(f.getParent()),
                    row == null ? 0 : ((Number) row[2]).longValue(), f.getTrashedAt(), names.get(f.getTrashedBy()),
                    row == null ? 0 : (Long) row[1]));
        }
        for (Document d : docs) {
            all.add(new DocumentView.TrashEntry(TrashKind.DOCUMENT, d.getId(), d.getName(), location(d.getFolder()),
                    d.getSize(), d.getTrashedAt(), names.get(d.getTrashedBy()), 0));
        }
        all.sort(Comparator.comparing(DocumentView.TrashEntry::trashedAt).reversed());
        int pageSize = Page.clampSize(size);
        int from = Math.max(0, Math.min(first, all.size()));
        return new Page<>(all.subList(from, Math.min(all.size(), from + pageSize)), all.size(), from, pageSize);
    }

    /**
     * Puts a document or folder back where it was; if that folder is itself in the trash, at the library's top. A
     * name taken meanwhile gets a numbered variant, so restoring never overwrites anything.
     */
    public void restore(TrashKind kind, Long id) {
        if (kind == TrashKind.DOCUMENT) {
            Document document = trashedDocument(id);
            WorkingGroup group = document.getGroup();
            libraries.lock(group);
            Folder target = document.getFolder() != null && document.getFolder().isTrashed() ? null : document.getFolder();
            document.restore();
            document.moveTo(target, caller.accountId(), Instant.now());
            String free = freeDocumentName(group, target, document);
            if (!free.equals(document.getName())) {
                document.rename(free, caller.accountId(), Instant.now());
            }
            audit.record("document.restored", group, document.getName(), null);
        } else {
            Folder folder = trashedFolder(id);
            WorkingGroup group = folder.getGroup();
            libraries.lock(group);
            Long root = folder.getId();
            if (folder.getParent() != null && folder.getParent().isTrashed()) {
                folder.moveTo(null);
            }
            em.createQuery("select f from Folder f where f.trashRoot = :r", Folder.class).setParameter("r", root)
                    .getResultList().forEach(Folder::restore);
            em.createQuery("select d from Document d where d.trashRoot = :r", Document.class).setParameter("r", root)
                    .getResultList().forEach(Document::restore);
            String name = folder.getName();
            for (int n = 2; ; n++) {
                Folder other = libraries.folderNamed(group, folder.getParent(), name);
                if (other == null || other == folder) {
                    break;
                }
                name = folder.getName() + " (" + n + ")";
            }
            folder.rename(name);
            audit.record("folder.restored", group, folder.getName(), null);
        }
    }

    /** Deletes for good; a folder with everything below it. Asks nothing: the pages ask before calling. */
    public void purge(TrashKind kind, Long id) {
        if (kind == TrashKind.DOCUMENT) {
            Document document = trashedDocument(id);
            libraries.lock(document.getGroup());
            String name = document.getName();
            WorkingGroup group = document.getGroup();
            purgeDocument(document);
            audit.record("document.purged", group, name, null);
        } else {
            Folder folder = trashedFolder(id);
            WorkingGroup group = folder.getGroup();
            libraries.lock(group);
            String name = folder.getName();
            List<Folder> tree = new ArrayList<>();
            tree.add(folder);
            for (int i = 0; i < tree.size(); i++) {
                tree.addAll(em.createQuery("select f from Folder f where f.parent = :p", Folder.class)
                        .setParameter("p", tree.get(i)).getResultList());
            }
            for (Folder f : tree) {
                if (!f.isTrashed()) {
                    // Only reachable if someone moved a live folder into a trashed one; never purge live content.
                    throw new de.zusammenwachsen.workspace.core.ConflictException("folder.purge.notEmpty");
                }
            }
            for (Folder f : tree) {
                em.createQuery("select d from Document d where d.folder = :f", Document.class).setParameter("f", f)
                        .getResultList().forEach(this::purgeDocument);
            }
            em.createQuery("update DocumentImport i set i.folder = null where i.folder in :tree")
                    .setParameter("tree", tree).executeUpdate();
            for (int i = tree.size() - 1; i >= 0; i--) {
                em.remove(tree.get(i));
                em.flush();
            }
            audit.record("folder.purged", group, name, null);
        }
    }

    private void purgeDocument(Document document) {
        if (!document.isTrashed()) {
            throw new de.zusammenwachsen.workspace.core.ConflictException("folder.purge.notEmpty");
        }
        em.createQuery("delete from VersionText t where t.versionId in "
                + "(select v.id from DocumentVersion v where v.document = :d)").setParameter("d", document).executeUpdate();
        em.createQuery("delete from DocumentVersion v where v.document = :d").setParameter("d", document).executeUpdate();
        em.createQuery("delete from DocumentComment c where c.document = :d").setParameter("d", document).executeUpdate();
        em.remove(document);
        em.flush();
    }

    private Document trashedDocument(Long id) {
        Document document = libraries.document(id);
        policy.require(caller.viewer(), DocumentAction.MANAGE_TRASH, AccessPolicy.GroupFacts.of(document.getGroup()), null);
        if (!document.isTrashed()) {
            throw new NotFoundException();
        }
        return document;
    }

    private Folder trashedFolder(Long id) {
        Folder folder = libraries.anyFolder(id);
        policy.require(caller.viewer(), DocumentAction.MANAGE_TRASH, AccessPolicy.GroupFacts.of(folder.getGroup()), null);
        if (!folder.isTrashed() || !folder.getId().equals(folder.getTrashRoot())) {
            throw new NotFoundException();
        }
        return folder;
    }

    private String freeDocumentName(WorkingGroup group, Folder folder, Document document) {
        String name = document.getName();
        String ext = FileNames.extension(name);
        String stem = ext.isEmpty() ? name : name.substring(0, name.length() - ext.length() - 1);
        for (int n = 2; ; n++) {
            Document other = libraries.documentNamed(group, folder, name);
            if (other == null || other == document) {
                return name;
            }
            name = stem + " (" + n + ")" + (ext.isEmpty() ? "" : "." + ext);
        }
    }

    private static String location(Folder folder) {
        if (folder == null) {
            return "/";
        }
        List<String> names = new ArrayList<>();
        for (Folder f = folder; f != null; f = f.getParent()) {
            names.add(0, f.getName());
        }
        return "/" + String.join("/", names);
    }
}
