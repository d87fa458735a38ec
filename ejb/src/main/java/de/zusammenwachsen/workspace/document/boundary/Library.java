package de.zusammenwachsen.workspace.document.boundary;

import de.zusammenwachsen.workspace.search.control.SearchIndex;
import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.DocumentAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.Flush;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.document.control.DocumentKind;
import de.zusammenwachsen.workspace.document.control.Libraries;
import de.zusammenwachsen.workspace.document.entity.Document;
import de.zusammenwachsen.workspace.document.entity.ExtractionState;
import de.zusammenwachsen.workspace.document.entity.FileNames;
import de.zusammenwachsen.workspace.document.entity.Folder;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A group's library: folder listings (sorted, filtered, paged) and the folders themselves. */
@Stateless
public class Library {

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndex searchIndex;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    Libraries libraries;

    @Inject
    AuditLog audit;

    private final AccessPolicy policy = new AccessPolicy();

    public DocumentView.Library folder(String slug, Long folderId, DocumentView.Query query, int first, int size) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, DocumentAction.READ, AccessPolicy.GroupFacts.of(group), null);
        Folder folder = libraries.folder(group, folderId);
        DocumentView.Query q = query == null ? DocumentView.Query.DEFAULT : query;

        List<DocumentView.FolderEntry> folders = subfolders(group, folder);

        StringBuilder where = new StringBuilder(" from Document d where d.group = :g and d.trashedAt is null and ")
                .append(folder == null ? "d.folder is null" : "d.folder = :f");
        Map<String, Object> params = new HashMap<>();
        params.put("g", group);
        if (folder != null) {
            params.put("f", folder);
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            where.append(" and :tag member of d.tags");
            params.put("tag", q.tag().strip().toLowerCase(java.util.Locale.GERMAN));
        }
        if (q.kind() != null) {
            where.append(" and (").append(kindPredicate(q.kind(), params)).append(")");
        }
        String direction = q.descending() ? " desc" : " asc";
        String order = switch (q.sort() == null ? DocumentView.Sort.NAME : q.sort()) {
            case NAME -> "lower(coalesce(d.title, d.name))" + direction;
            case UPDATED -> "d.updatedAt" + direction;
            case SIZE -> "d.size" + direction;
            case TYPE -> "d.mediaType" + direction + ", lower(d.name)";
        };
        TypedQuery<Document> list = em.createQuery("select d" + where + " order by " + order + ", d.id", Document.class);
        TypedQuery<Long> count = em.createQuery("select count(d)" + where, Long.class);
        params.forEach((k, v) -> {
            list.setParameter(k, v);
            count.setParameter(k, v);
        });
        int pageSize = Page.clampSize(size);
        int from = Math.max(0, first);
        List<Document> docs = list.setFirstResult(from).setMaxResults(pageSize).getResultList();
        List<DocumentView.DocumentEntry> entries = entries(docs);
        List<String> tags = em.createQuery("select distinct t from Document d join d.tags t where d.group = :g "
                + "and d.trashedAt is null order by t", String.class).setParameter("g", group).setMaxResults(200).getResultList();
        return new DocumentView.Library(group.getId(), group.getSlug(), group.getName(),
                folder == null ? null : new DocumentView.FolderRef(folder.getId(), folder.getName()),
                libraries.path(folder), folders, new Page<>(entries, count.getSingleResult(), from, pageSize), tags,
                libraries.limits(group), Permissions.of(viewer, group, null), folder == null ? 0 : folder.getVersion(),
                folder == null ? Set.of() : folderPermissions(viewer, group, folder));
    }

    private Set<DocumentView.Permission> folderPermissions(Viewer viewer, WorkingGroup group, Folder folder) {
        Set<DocumentView.Permission> allowed = java.util.EnumSet.noneOf(DocumentView.Permission.class);
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(group);
        if (policy.permits(viewer, DocumentAction.EDIT, facts, folder.getCreatedBy())) {
            allowed.add(DocumentView.Permission.EDIT);
        }
        if (policy.permits(viewer, DocumentAction.TRASH, facts, folder.getCreatedBy())) {
            allowed.add(DocumentView.Permission.TRASH);
        }
        return allowed;
    }

    /** The group's most recently changed documents, for its home page; empty for those who may not read them. */
    public List<DocumentView.DocumentEntry> latest(String slug, int count) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        if (!policy.permits(viewer, DocumentAction.READ, AccessPolicy.GroupFacts.of(group), null)) {
            return List.of();
        }
        List<Document> docs = em.createQuery("select d from Document d where d.group = :g and d.trashedAt is null "
                + "order by d.updatedAt desc, d.id desc", Document.class).setParameter("g", group)
                .setMaxResults(Math.max(1, Math.min(count, 20))).getResultList();
        return entries(docs);
    }

    private List<DocumentView.DocumentEntry> entries(List<Document> docs) {
        Map<Long, Object[]> current = currentVersions(docs);
        Map<Long, String> names = libraries.names(docs.stream().map(Document::getUpdatedBy).toList());
        return docs.stream().map(d -> {
            Object[] v = current.get(d.getId());
            return new DocumentView.DocumentEntry(d.getId(), d.getName(), d.getTitle(), d.getMediaType(),
                    DocumentKind.of(d.getMediaType()), d.getSize(), d.getCurrentNumber(), v == null ? null : (Long) v[1],
                    d.getUpdatedAt(), names.get(d.getUpdatedBy()), Set.copyOf(d.getTags()),
                    v == null ? null : (ExtractionState) v[2]);
        }).toList();
    }

    public DocumentView.FolderRef createFolder(String slug, Long parentId, String name) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, DocumentAction.UPLOAD, AccessPolicy.GroupFacts.of(group), null);
        Folder parent = libraries.folder(group, parentId);
        String clean = FileNames.require(name);
        libraries.lock(group);
        if (libraries.folderNamed(group, parent, clean) != null) {
            throw new ConflictException("folder.name.taken", clean);
        }
        Folder folder = new Folder(group, parent, clean, viewer.accountId(), Instant.now());
        Flush.orConflict(em, "folder.name.taken", () -> em.persist(folder));
        return new DocumentView.FolderRef(folder.getId(), folder.getName());
    }

    /**
     * Renames and/or moves a folder in one step against one version (for the API's PATCH): {@code name} null keeps
     * the name, {@code move} false keeps the place.
     */
    public void changeFolder(Long folderId, int version, String name, boolean move, Long targetFolderId) {
        Folder folder = editable(folderId, version);
        if (name != null) {
            rename(folder, name);
        }
        if (move) {
            move(folder, targetFolderId);
        }
        Flush.orConflict(em, "error.changedMeanwhile");
    }

    public void renameFolder(Long folderId, int version, String name) {
        rename(editable(folderId, version), name);
        Flush.orConflict(em, "error.changedMeanwhile");
    }

    public void moveFolder(Long folderId, int version, Long targetFolderId) {
        move(editable(folderId, version), targetFolderId);
        Flush.orConflict(em, "error.changedMeanwhile");
    }

    private void rename(Folder folder, String name) {
        String clean = FileNames.require(name);
        Folder other = libraries.folderNamed(folder.getGroup(), folder.getParent(), clean);
        if (other != null && other != folder) {
            throw new ConflictException("folder.name.taken", clean);
        }
        String before = folder.getName();
        if (!before.equals(clean)) {
            folder.rename(clean);
            audit.record("folder.renamed", folder.getGroup(), before + " → " + clean, null);
        }
    }

    private void move(Folder folder, Long targetFolderId) {
        Folder target = libraries.folder(folder.getGroup(), targetFolderId);
        Folder other = libraries.folderNamed(folder.getGroup(), target, folder.getName());
        if (other != null && other != folder) {
            throw new ConflictException("folder.name.taken", folder.getName());
        }
        folder.moveTo(target);
        // Documents below carry their folder chain in the search index (search within a folder).
        for (Folder f : subtree(folder)) {
            em.createQuery("select d from Document d where d.folder = :f", Document.class).setParameter("f", f)
                    .getResultList().forEach(searchIndex::document);
        }
        audit.record("folder.moved", folder.getGroup(), folder.getName(), target == null ? "/" : target.getName());
    }

    /** Moves a folder and everything below it to the trash, as one batch that a moderator can restore whole. */
    public void trashFolder(Long folderId) {
        Folder folder = libraries.anyFolder(folderId);
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(folder.getGroup());
        policy.require(viewer, DocumentAction.READ, facts, null);
        if (folder.isTrashed()) {
            throw new de.zusammenwachsen.workspace.core.NotFoundException();
        }
        policy.require(viewer, DocumentAction.TRASH, facts, folder.getCreatedBy());
        Instant now = Instant.now();
        for (Folder f : subtree(folder)) {
            f.trash(viewer.accountId(), now, folder.getId());
            em.createQuery("select d from Document d where d.folder = :f and d.trashedAt is null", Document.class)
                    .setParameter("f", f).getResultList()
                    .forEach(d -> d.trash(viewer.accountId(), now, folder.getId()));
        }
        audit.record("folder.trashed", folder.getGroup(), folder.getName(), null);
    }

    /** All folders of the group that are not in the trash, each named by its full path; for "move to". */
    public List<DocumentView.FolderRef> folderChoices(String slug) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), DocumentAction.READ, AccessPolicy.GroupFacts.of(group), null);
        List<Folder> all = em.createQuery("select f from Folder f where f.group = :g and f.trashedAt is null", Folder.class)
                .setParameter("g", group).getResultList();
        List<DocumentView.FolderRef> choices = new ArrayList<>();
        for (Folder f : all) {
            List<String> names = new ArrayList<>();
            for (Folder p = f; p != null; p = p.getParent()) {
                names.add(0, p.getName());
            }
            choices.add(new DocumentView.FolderRef(f.getId(), String.join(" / ", names)));
        }
        choices.sort(Comparator.comparing(c -> c.name().toLowerCase(java.util.Locale.GERMAN)));
        return choices;
    }

    /** The folder and all folders below it, parents before children. */
    List<Folder> subtree(Folder root) {
        List<Folder> result = new ArrayList<>();
        result.add(root);
        for (int i = 0; i < result.size(); i++) {
            result.addAll(em.createQuery("select f from Folder f where f.parent = :p", Folder.class)
                    .setParameter("p", result.get(i)).getResultList());
        }
        return result;
    }

    private List<DocumentView.FolderEntry> subfolders(WorkingGroup group, Folder parent) {
        var query = em.createQuery("select f, (select count(d) from Document d where d.folder = f and d.trashedAt is null), "
                        + "(select count(c) from Folder c where c.parent = f and c.trashedAt is null) from Folder f "
                        + "where f.group = :g and " + (parent == null ? "f.parent is null" : "f.parent = :p")
                        + " and f.trashedAt is null order by lower(f.name)", Object[].class)
                .setParameter("g", group);
        if (parent != null) {
            query.setParameter("p", parent);
        }
        return query.setMaxResults(500).getResultList().stream().map(row -> {
            Folder f = (Folder) row[0];
            return new DocumentView.FolderEntry(f.getId(), f.getName(), f.getCreatedAt(), (Long) row[1], (Long) row[2]);
        }).toList();
    }

    private Map<Long, Object[]> currentVersions(List<Document> docs) {
        Map<Long, Object[]> current = new HashMap<>();
        if (!docs.isEmpty()) {
            em.createQuery("select v.document.id, v.id, v.extractionState from DocumentVersion v "
                            + "where v.document in :docs and v.number = v.document.currentNumber", Object[].class)
                    .setParameter("docs", docs).getResultList()
                    .forEach(row -> current.put((Long) row[0], row));
        }
        return current;
    }

    private static String kindPredicate(DocumentKind kind, Map<String, Object> params) {
        if (kind == DocumentKind.OTHER) {
            List<String> parts = new ArrayList<>();
            for (DocumentKind k : DocumentKind.values()) {
                if (k != DocumentKind.OTHER) {
                    parts.add("not (" + kindPredicate(k, params) + ")");
                }
            }
            return String.join(" and ", parts);
        }
        List<String> parts = new ArrayList<>();
        if (!kind.types().isEmpty()) {
            String name = "types" + kind.ordinal();
            parts.add("d.mediaType in :" + name);
            params.put(name, kind.types());
        }
        for (int i = 0; i < kind.prefixes().size(); i++) {
            String name = "prefix" + kind.ordinal() + "_" + i;
            parts.add("d.mediaType like :" + name);
            params.put(name, kind.prefixes().get(i) + "%");
        }
        return parts.isEmpty() ? "1 = 0" : String.join(" or ", parts);
    }

    private Folder editable(Long folderId, int version) {
        Folder folder = libraries.anyFolder(folderId);
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(folder.getGroup());
        policy.require(viewer, DocumentAction.READ, facts, null);
        if (folder.isTrashed()) {
            throw new de.zusammenwachsen.workspace.core.NotFoundException();
        }
        policy.require(viewer, DocumentAction.EDIT, facts, folder.getCreatedBy());
        if (folder.getVersion() != version) {
            throw new ConflictException("error.changedMeanwhile");
        }
        Objects.requireNonNull(folder.getGroup());
        return folder;
    }
}
