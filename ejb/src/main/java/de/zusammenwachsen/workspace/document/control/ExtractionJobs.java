package de.zusammenwachsen.workspace.document.control;

import de.zusammenwachsen.workspace.search.control.SearchIndex;
import de.zusammenwachsen.workspace.document.entity.DocumentVersion;
import de.zusammenwachsen.workspace.document.entity.ExtractionState;
import de.zusammenwachsen.workspace.document.entity.VersionText;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue of text extractions, kept in the version rows themselves: a job is claimed by a conditional update (so
 * that several servers never take the same one), carries a lease, and is finished in its own transaction. A claim
 * whose server died runs out and is taken again; a file that took its worker down three times fails for good.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ExtractionJobs {

    static final int MAX_TRIES = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndex searchIndex;

    public record Job(Long versionId, String blobHash) {
    }

    public List<Job> claim(String node, int max) {
        Instant now = Instant.now();
        Instant until = now.plus(DocumentSettings.extractionTimeout().multipliedBy(2)).plus(Duration.ofMinutes(2));
        List<Object[]> candidates = em.createQuery("select v.id, v.blobHash, v.extractionTries from DocumentVersion v "
                        + "where v.extractionState = :pending or (v.extractionState = :running and v.claimedUntil < :now) "
                        + "order by v.id", Object[].class)
                .setParameter("pending", ExtractionState.PENDING).setParameter("running", ExtractionState.RUNNING)
                .setParameter("now", now).setMaxResults(max * 2).getResultList();
        List<Job> claimed = new ArrayList<>();
        for (Object[] row : candidates) {
            if (claimed.size() >= max) {
                break;
            }
            Long id = (Long) row[0];
            int tries = (Integer) row[2];
            if (tries >= MAX_TRIES) {
                em.find(DocumentVersion.class, id).extractionFailed("crashed", 0, now);
                continue;
            }
            int updated = em.createQuery("update DocumentVersion v set v.extractionState = :running, v.claimedBy = :node, "
                            + "v.claimedUntil = :until, v.extractionTries = v.extractionTries + 1 where v.id = :id and "
                            + "(v.extractionState = :pending or (v.extractionState = :running and v.claimedUntil < :now))")
                    .setParameter("running", ExtractionState.RUNNING).setParameter("node", node)
                    .setParameter("until", until).setParameter("id", id).setParameter("pending", ExtractionState.PENDING)
                    .setParameter("now", now).executeUpdate();
            if (updated == 1) {
                claimed.add(new Job(id, (String) row[1]));
            }
        }
        return claimed;
    }

    public void complete(Long versionId, String node, TextExtractor.Result result) {
        DocumentVersion version = mine(versionId, node);
        if (version == null) {
            return;
        }
        VersionText old = em.find(VersionText.class, versionId);
        if (old != null) {
            em.remove(old);
            em.flush();
        }
        if (!result.text().isEmpty()) {
            em.persist(new VersionText(versionId, result.text()));
        }
        version.extracted(result.text().length(), result.language(), result.truncated(), result.millis(), Instant.now());
        // The document's entry in the search index carries this text (see SearchEntries).
        searchIndex.document(version.getDocument());
    }

    public void fail(Long versionId, String node, String reason, long millis) {
        DocumentVersion version = mine(versionId, node);
        if (version != null) {
            version.extractionFailed(reason, millis, Instant.now());
        }
    }

    /** At start-up: what this node held when it stopped goes back to the queue at once, without waiting for the lease. */
    public int releaseNode(String node) {
        return em.createQuery("update DocumentVersion v set v.extractionState = :pending, v.claimedBy = null, "
                        + "v.claimedUntil = null where v.extractionState = :running and v.claimedBy = :node")
                .setParameter("pending", ExtractionState.PENDING).setParameter("running", ExtractionState.RUNNING)
                .setParameter("node", node).executeUpdate();
    }

    /** The version if this node still holds its claim (a slow node whose lease ran out must not overwrite another's result). */
    private DocumentVersion mine(Long versionId, String node) {
        DocumentVersion version = em.find(DocumentVersion.class, versionId);
        if (version == null || version.getExtractionState() != ExtractionState.RUNNING || !node.equals(version.getClaimedBy())) {
            return null;
        }
        return version;
    }
}
