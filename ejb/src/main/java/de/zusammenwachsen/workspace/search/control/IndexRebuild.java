package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.search.boundary.SearchView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rebuilds the index from the database with Hibernate Search's mass indexer, in the background and one at a time.
 * Every item is written anew in place, without emptying the index first, so searching goes on during a rebuild
 * and finds the old entry until the new one replaces it. Progress is kept for the administrators' page.
 */
@ApplicationScoped
public class IndexRebuild {

    private static final Logger LOG = Logger.getLogger(IndexRebuild.class.getName());
    /** Two loading threads keep a two-core server responsive while it rebuilds. */
    static final int LOADING_THREADS = 2;

    @PersistenceUnit
    EntityManagerFactory emf;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;

    /** Starts a full rebuild; {@code fresh} drops the index first (when it is missing or unreadable). */
    public void start(boolean fresh) {
        if (!running.compareAndSet(false, true)) {
            throw new ConflictException("search.rebuild.running");
        }
        done.set(0);
        total.set(0);
        error = null;
        startedAt = Instant.now();
        finishedAt = null;
        MassIndexer indexer = Search.mapping(emf).scope(SearchIndex.TYPES).massIndexer()
                .purgeAllOnStart(fresh).dropAndCreateSchemaOnStart(fresh);
        run(indexer, "full");
    }

    /** Re-indexes one group's items in the background (after its name, action field or regions changed). */
    void group(Long groupId) {
        MassIndexer indexer = Search.mapping(emf).scope(SearchIndex.TYPES).massIndexer()
                .purgeAllOnStart(false).dropAndCreateSchemaOnStart(false);
        for (Class<?> type : SearchIndex.TYPES) {
            String condition = switch (type.getSimpleName()) {
                case "WorkingGroup" -> "e.id = :group";
                case "Post" -> "e.thread.group.id = :group";
                case "Minutes", "Decision", "ActionItem" -> "e.groupId = :group";
                default -> "e.group.id = :group";
            };
            indexer.type(type).reindexOnly(condition).param("group", groupId);
        }
        tuned(indexer).start().whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "Re-indexing group " + groupId + " failed; a full rebuild mends it", failure);
            }
        });
    }

    public SearchView.Rebuild progress() {
        return new SearchView.Rebuild(running.get(), done.get(), total.get(), startedAt, finishedAt, error);
    }

    private void run(MassIndexer indexer, String what) {
        tuned(indexer).monitor(new Progress()).start().whenComplete((ignored, failure) -> {
            finishedAt = Instant.now();
            if (failure != null) {
                error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                LOG.log(Level.SEVERE, "Search index rebuild (" + what + ") failed", failure);
            } else {
                LOG.info(() -> "Search index rebuilt (" + what + "): " + done.get() + " items in "
                        + java.time.Duration.between(startedAt, finishedAt).toMillis() + " ms");
            }
            running.set(false);
        });
    }

    private static MassIndexer tuned(MassIndexer indexer) {
        return indexer.threadsToLoadObjects(LOADING_THREADS).batchSizeToLoadObjects(25).typesToIndexInParallel(1)
                .mergeSegmentsOnFinish(false);
    }

    private final class Progress implements MassIndexingMonitor {

        @Override
        public void documentsAdded(long increment) {
            done.addAndGet(increment);
        }

        @Override
        public void documentsBuilt(long increment) {
            // counted when added to the index, which is what the progress bar shows
        }

        @Override
        public void entitiesLoaded(long increment) {
            // as above
        }

        @Override
        public void addToTotalCount(long increment) {
            total.addAndGet(increment);
        }

        @Override
        public void indexingCompleted() {
            // the completion stage reports the end, with its failure if any
        }
    }
}
