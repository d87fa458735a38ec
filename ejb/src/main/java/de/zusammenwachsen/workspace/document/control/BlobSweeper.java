package de.zusammenwachsen.workspace.document.control;

import de.zusammenwachsen.workspace.document.entity.ImportState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Removes blobs that no committed row references: contents of purged documents, uploads refused after their bytes
 * were stored (quota), uploads cut off by a crash, and finished import archives. Blobs written within the grace
 * period are kept, since their rows may be about to commit.
 */
@Stateless
public class BlobSweeper {

    private static final Logger LOG = Logger.getLogger(BlobSweeper.class.getName());

    @PersistenceContext
    EntityManager em;

    public BlobStore.SweepResult sweep() {
        Set<String> referenced = referenced();
        try {
            BlobStore.SweepResult result = BlobStore.configured().sweep(referenced::contains, DocumentSettings.sweepGrace());
            if (result.removed() + result.incompleteRemoved() > 0) {
                LOG.info(() -> "Blob sweeper removed " + result.removed() + " unreferenced blob(s), " + result.bytesRemoved()
                        + " bytes, and " + result.incompleteRemoved() + " incomplete upload(s)");
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> referenced() {
        Set<String> referenced = new HashSet<>(em.createQuery("select distinct v.blobHash from DocumentVersion v", String.class)
                .getResultList());
        referenced.addAll(em.createQuery("select i.blobHash from DocumentImport i where i.state in :active", String.class)
                .setParameter("active", List.of(ImportState.PENDING, ImportState.RUNNING)).getResultList());
        return referenced;
    }
}
