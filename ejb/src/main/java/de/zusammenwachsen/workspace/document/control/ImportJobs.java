package de.zusammenwachsen.workspace.document.control;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.TooLargeException;
import de.zusammenwachsen.workspace.document.entity.DocumentImport;
import de.zusammenwachsen.workspace.document.entity.FileNames;
import de.zusammenwachsen.workspace.document.entity.Folder;
import de.zusammenwachsen.workspace.document.entity.ImportState;
import de.zusammenwachsen.workspace.document.entity.StoredFile;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a bulk import, a batch of entries per transaction: the documents of a batch and the import's progress
 * commit together, so after a crash the job resumes right after the last committed entry and never imports one twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());
    private static final Set<String> JUNK = Set.of(".ds_store", "thumbs.db", "desktop.ini");
    private static final int MAX_DEPTH = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Libraries libraries;

    @Inject
    Filing filing;

    public Long claim(String node) {
        Instant now = Instant.now();
        List<Long> candidates = em.createQuery("select i.id from DocumentImport i where i.state = :pending "
                        + "or (i.state = :running and i.claimedUntil < :now) order by i.id", Long.class)
                .setParameter("pending", ImportState.PENDING).setParameter("running", ImportState.RUNNING)
                .setParameter("now", now).setMaxResults(5).getResultList();
        for (Long id : candidates) {
            if (extend(id, node, true) == 1) {
                return id;
            }
        }
        return null;
    }

    private int extend(Long id, String node, boolean claiming) {
        Instant now = Instant.now();
        Instant until = now.plus(Duration.ofMinutes(5));
        if (claiming) {
            return em.createQuery("update DocumentImport i set i.state = :running, i.claimedBy = :node, i.claimedUntil = :until "
                            + "where i.id = :id and (i.state = :pending or (i.state = :running and i.claimedUntil < :now))")
                    .setParameter("running", ImportState.RUNNING).setParameter("node", node).setParameter("until", until)
                    .setParameter("id", id).setParameter("pending", ImportState.PENDING).setParameter("now", now).executeUpdate();
        }
        return em.createQuery("update DocumentImport i set i.claimedUntil = :until "
                        + "where i.id = :id and i.state = :running and i.claimedBy = :node")
                .setParameter("running", ImportState.RUNNING).setParameter("node", node).setParameter("until", until)
                .setParameter("id", id).executeUpdate();
    }

    public int releaseNode(String node) {
        return em.createQuery("update DocumentImport i set i.state = :pending, i.claimedBy = null, i.claimedUntil = null "
                        + "where i.state = :running and i.claimedBy = :node")
                .setParameter("pending", ImportState.PENDING).setParameter("running", ImportState.RUNNING)
                .setParameter("node", node).executeUpdate();
    }

    /** Imports up to {@code batch} entries; true when the import is finished (or failed). */
    public boolean step(Long importId, String node, int batch) {
        // Extends the lease first, so that the row read next already carries it (a later flush writes the whole row).
        if (extend(importId, node, false) != 1) {
            return true;
        }
        DocumentImport job = em.find(DocumentImport.class, importId);
        if (job == null) {
            return true;
        }
        BlobStore blobs = BlobStore.configured();
        WorkingGroup group = job.getGroup();
        try (ZipFile zip = ImportArchives.open(blobs.path(job.getBlobHash()))) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            if (job.getEntriesTotal() == 0) {
                // Imports start only with archives within the limit (see Imports#start); one queued before that
                // check, or before the limit was lowered, is stopped here rather than queueing thousands of jobs.
                if (entries.size() > DocumentSettings.maxImportEntries()) {
                    job.fail("tooManyEntries", Instant.now());
                    return true;
                }
                job.started(entries.size());
            }
            libraries.lock(group);
            long[] room = {libraries.quotaBytes(group) - libraries.usedBytes(group)};
            int done = job.getEntriesDone();
            int imported = 0;
            int skipped = 0;
            int end = Math.min(entries.size(), done + batch);
            for (int i = done; i < end; i++) {
                ZipEntry entry = entries.get(i);
                switch (importEntry(zip, entry, job, blobs, room)) {
                    case IMPORTED -> imported++;
                    case SKIPPED -> skipped++;
                    case NONE -> { }
                    case QUOTA -> {
                        job.advanced(i, imported, skipped);
                        job.fail("quota", Instant.now());
                        return true;
                    }
                }
            }
            job.advanced(end, imported, skipped);
            if (end >= entries.size()) {
                job.finish(Instant.now());
                return true;
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.INFO, "import " + importId + ": archive unreadable", e);
            job.fail("archiveUnreadable", Instant.now());
            return true;
        }
    }

    public void fail(Long importId, String reason) {
        DocumentImport job = em.find(DocumentImport.class, importId);
        if (job != null && job.getState() != ImportState.DONE) {
            job.fail(reason, Instant.now());
        }
    }

    private enum Outcome { IMPORTED, SKIPPED, NONE, QUOTA }

    private Outcome importEntry(ZipFile zip, ZipEntry entry, DocumentImport job, BlobStore blobs, long[] room) {
        if (entry.isDirectory()) {
            return Outcome.NONE;
        }
        List<String> parts = new ArrayList<>();
        for (String raw : entry.getName().replace('\\', '/').split("/")) {
            String part = FileNames.clean(raw);
            if (part != null) {
                parts.add(part);
            }
        }
        if (parts.isEmpty() || parts.get(0).equalsIgnoreCase("__MACOSX") || JUNK.contains(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT))
                || entry.getName().replace('\\', '/').matches("(.*/)?\\..*")) {
            return Outcome.SKIPPED;
        }
        String name = parts.remove(parts.size() - 1);
        WorkingGroup group = job.getGroup();
        Folder folder = job.getFolder();
        for (String part : parts.subList(0, Math.min(parts.size(), MAX_DEPTH))) {
            folder = filing.ensureFolder(group, folder, part, job.getCreatedBy());
        }
        StoredFile file;
        try (InputStream in = zip.getInputStream(entry)) {
            file = blobs.store(in, DocumentSettings.maxFileBytes(), name, "document.file.tooLarge");
        } catch (TooLargeException e) {
            return Outcome.SKIPPED;
        } catch (IOException | RuntimeException e) {
            // An encrypted or damaged entry: the others still come in.
            LOG.log(Level.FINE, "import entry unreadable: " + entry.getName(), e);
            return Outcome.SKIPPED;
        }
        if (file.size() > room[0]) {
            return Outcome.QUOTA;
        }
        room[0] -= file.size();
        try {
            filing.put(group, folder, name, file, null, job.getCreatedBy());
        } catch (DomainException e) {
            return Outcome.SKIPPED;
        }
        return Outcome.IMPORTED;
    }
}
