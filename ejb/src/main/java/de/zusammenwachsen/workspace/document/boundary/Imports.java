package de.zusammenwachsen.workspace.document.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.DocumentAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.TooLargeException;
import de.zusammenwachsen.workspace.document.control.BlobStore;
import de.zusammenwachsen.workspace.document.control.DocumentSettings;
import de.zusammenwachsen.workspace.document.control.ImportArchives;
import de.zusammenwachsen.workspace.document.control.Libraries;
import de.zusammenwachsen.workspace.document.entity.DocumentImport;
import de.zusammenwachsen.workspace.document.entity.ExtractionState;
import de.zusammenwachsen.workspace.document.entity.FileNames;
import de.zusammenwachsen.workspace.document.entity.Folder;
import de.zusammenwachsen.workspace.document.entity.StoredFile;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Bulk imports: a group moving in brings its files as one ZIP archive; the archive is stored like any upload and
 * unpacked into documents and folders by a durable background job (see ImportJobs), whose progress pages poll.
 * Before it is stored, its contents are checked against the limits of entries and unpacked bytes and against the
 * group's free room ({@link ImportArchives}): an archive over them is refused whole, before anything is stored.
 */
@Stateless
public class Imports {

    private static final long MB = 1024L * 1024L;

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

    public DocumentView.Import start(String slug, Long folderId, String fileName, InputStream zip, long declaredSize) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, DocumentAction.IMPORT, AccessPolicy.GroupFacts.of(group), null);
        Folder folder = libraries.folder(group, folderId);
        String name = FileNames.require(fileName);
        long max = DocumentSettings.maxImportBytes();
        if (declaredSize > max) {
            throw new TooLargeException("import.file.tooLarge", max / (1024 * 1024));
        }
        // What the archive unpacks to must fit the import's limit and the group's free room; checked before the
        // archive is stored, so a refused import leaves nothing: no blob, no job, no document.
        long room = Math.max(0, libraries.quotaBytes(group) - libraries.usedBytes(group));
        long limit = DocumentSettings.maxImportExpandedBytes();
        Supplier<TooLargeException> tooLarge = room < limit
                ? () -> new TooLargeException("import.expanded.quota", room / MB)
                : () -> new TooLargeException("import.expanded.tooLarge", limit / MB);
        StoredFile archive = BlobStore.configured().store(zip, max, name, "import.file.tooLarge", (file, type) -> {
            if (!type.equals("application/zip") && !type.startsWith("application/x-zip")) {
                throw new InvalidInputException("import.notZip");
            }
            ImportArchives.check(file, DocumentSettings.maxImportEntries(), Math.min(room, limit), tooLarge);
        });
        DocumentImport job = new DocumentImport(group, folder, name, archive, viewer.accountId(), Instant.now());
        em.persist(job);
        em.flush();
        audit.record("import.started", group, name, null);
        return view(job, libraries.names(List.of(viewer.accountId())));
    }

    /** The largest archive an import takes, shown before upload and checked in the browser. */
    public long maxBytes() {
        return DocumentSettings.maxImportBytes();
    }

    public DocumentView.Import status(Long importId) {
        DocumentImport job = importId == null ? null : em.find(DocumentImport.class, importId);
        if (job == null) {
            throw new NotFoundException();
        }
        policy.require(caller.viewer(), DocumentAction.READ, AccessPolicy.GroupFacts.of(job.getGroup()), null);
        policy.require(caller.viewer(), DocumentAction.IMPORT, AccessPolicy.GroupFacts.of(job.getGroup()), null);
        return view(job, libraries.names(List.of(job.getCreatedBy() == null ? -1L : job.getCreatedBy())));
    }

    public List<DocumentView.Import> ofGroup(String slug) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), DocumentAction.IMPORT, AccessPolicy.GroupFacts.of(group), null);
        List<DocumentImport> jobs = em.createQuery("select i from DocumentImport i where i.group = :g "
                + "order by i.createdAt desc, i.id desc", DocumentImport.class).setParameter("g", group)
                .setMaxResults(50).getResultList();
        Map<Long, String> names = libraries.names(jobs.stream().map(DocumentImport::getCreatedBy).toList());
        return jobs.stream().map(j -> view(j, names)).toList();
    }

    /** How far text extraction of the group's documents is, with timings per type; readers of the group may ask. */
    public DocumentView.ExtractionStatus extraction(String slug) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), DocumentAction.READ, AccessPolicy.GroupFacts.of(group), null);
        return extractionStatus(em, group);
    }

    static DocumentView.ExtractionStatus extractionStatus(EntityManager em, WorkingGroup group) {
        Map<ExtractionState, Long> counts = new EnumMap<>(ExtractionState.class);
        var countQuery = em.createQuery("select v.extractionState, count(v) from DocumentVersion v"
                + (group == null ? "" : " where v.document.group = :g") + " group by v.extractionState", Object[].class);
        if (group != null) {
            countQuery.setParameter("g", group);
        }
        countQuery.getResultList().forEach(row -> counts.put((ExtractionState) row[0], (Long) row[1]));
        var timingQuery = em.createQuery("select v.mediaType, v.extractionMillis from DocumentVersion v where "
                + "v.extractionState = :done and v.extractionMillis is not null"
                + (group == null ? "" : " and v.document.group = :g"), Object[].class).setParameter("done", ExtractionState.DONE);
        if (group != null) {
            timingQuery.setParameter("g", group);
        }
        Map<String, List<Long>> byType = new HashMap<>();
        timingQuery.getResultList().forEach(row -> byType.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((Long) row[1]));
        List<DocumentView.TypeTiming> timings = byType.entrySet().stream().map(e -> {
            List<Long> ms = e.getValue().stream().sorted().toList();
            return new DocumentView.TypeTiming(e.getKey(), ms.size(), percentile(ms, 50), percentile(ms, 95), ms.get(ms.size() - 1));
        }).sorted(java.util.Comparator.comparing(DocumentView.TypeTiming::mediaType)).toList();
        return new DocumentView.ExtractionStatus(counts.getOrDefault(ExtractionState.PENDING, 0L),
                counts.getOrDefault(ExtractionState.RUNNING, 0L), counts.getOrDefault(ExtractionState.DONE, 0L),
                counts.getOrDefault(ExtractionState.FAILED, 0L), timings);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static DocumentView.Import view(DocumentImport job, Map<Long, String> names) {
        Folder folder = job.getFolder();
        return new DocumentView.Import(job.getId(), job.getGroup().getSlug(), job.getFileName(),
                folder == null ? null : new DocumentView.FolderRef(folder.getId(), folder.getName()), job.getSize(),
                job.getState(), job.getEntriesTotal(), job.getEntriesDone(), job.getImported(), job.getSkipped(),
                job.getError(), job.getCreatedAt(), names.get(job.getCreatedBy()), job.getFinishedAt());
    }
}
