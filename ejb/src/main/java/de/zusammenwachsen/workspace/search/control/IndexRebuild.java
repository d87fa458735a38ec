package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.search.boundary.SearchView;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rebuilds the index from the database in the background, one rebuild at a time, in batches of their own
 * transactions (see {@link IndexBatches}). Each item's entry is replaced in place, without emptying the index
 * first, so searching goes on during a rebuild and finds the old entry until the new one replaces it. Progress is
 * kept for the administrators' page.
 */
@ApplicationScoped
public class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class.getName());
    /** Small batches: documents carry their whole text, and the progress bar moves often. */
    static final int BATCH = 25;

    @Resource
    ManagedExecutorService executor;

    @Inject
    IndexBatches batches;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;

    /** Starts a full rebuild. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            throw new ConflictException("search.rebuild.running");
        }
        done.set(0);
        total.set(0);
        error = null;
        startedAt = Instant.now();
        finishedAt = null;
        executor.execute(() -> run(null));
    }

    /** Re-indexes one group's items in the background (after its name, action fields or regions changed). */
    void group(Long groupId) {
        executor.execute(() -> {
            try {
                reindex(groupId, new AtomicLong(), new AtomicLong());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Re-indexing group " + groupId + " failed; a rebuild mends it", e);
            }
        });
    }

    public SearchView.Rebuild progress() {
        return new SearchView.Rebuild(running.get(), done.get(), total.get(), startedAt, finishedAt, error);
    }

    private void run(Long groupId) {
        try {
            reindex(groupId, done, total);
            LOG.info(() -> "Search index rebuilt: " + done.get() + " items in "
                    + Duration.between(startedAt, Instant.now()).toMillis() + " ms");
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.SEVERE, "Search index rebuild failed", e);
        } finally {
            finishedAt = Instant.now();
            running.set(false);
        }
    }

    private void reindex(Long groupId, AtomicLong doneCounter, AtomicLong totalCounter) {
        Map<Class<?>, List<Long>> ids = new LinkedHashMap<>();
        for (Class<?> type : SearchIndex.TYPES) {
            List<Long> of = batches.ids(type, groupId);
            ids.put(type, of);
            totalCounter.addAndGet(of.size());
        }
        ids.forEach((type, all) -> {
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Long> batch = new ArrayList<>(all.subList(from, Math.min(all.size(), from + BATCH)));
                batches.reindex(type, batch);
                doneCounter.addAndGet(batch.size());
            }
            if (groupId == null) {
                // Entries whose item is gone (its deletion's index write was lost in a crash) are not replaced by
                // the batches above; a full rebuild removes them, so that no deleted text stays findable.
                int purged = batches.purgeOrphans(type, new HashSet<>(all));
                if (purged > 0) {
                    LOG.warning(() -> "Removed " + purged + " entries of deleted " + type.getSimpleName() + " items from the index");
                }
            }
        });
    }
}
