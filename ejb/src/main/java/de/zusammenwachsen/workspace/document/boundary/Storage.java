package de.zusammenwachsen.workspace.document.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.document.control.BlobStore;
import de.zusammenwachsen.workspace.document.control.BlobSweeper;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The blob store for administrators: its size against the raw size of all versions (identical content is stored
 * once), the integrity check that every referenced blob exists, and the sweeper on demand.
 */
@Stateless
public class Storage {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    BlobSweeper sweeper;

    private final AccessPolicy policy = new AccessPolicy();

    public DocumentView.StorageStatus status() {
        policy.requireAdministrator(caller.viewer());
        BlobStore blobs = BlobStore.configured();
        try {
            Set<String> onDisk = blobs.hashesOnDisk();
            Set<String> referenced = sweeper.referenced();
            long missing = referenced.stream().filter(h -> !onDisk.contains(h)).count();
            long unreferenced = onDisk.stream().filter(h -> !referenced.contains(h)).count();
            long[] usage = blobs.usage();
            Long raw = em.createQuery("select sum(v.size) from DocumentVersion v", Long.class).getSingleResult();
            long versions = em.createQuery("select count(v) from DocumentVersion v", Long.class).getSingleResult();
            long incomplete = blobs.incompleteUploads();
            return new DocumentView.StorageStatus(usage[0], usage[1], raw == null ? 0 : raw, versions, missing, unreferenced,
                    incomplete, Imports.extractionStatus(em, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BlobStore.SweepResult sweep() {
        policy.requireAdministrator(caller.viewer());
        return sweeper.sweep();
    }
}
