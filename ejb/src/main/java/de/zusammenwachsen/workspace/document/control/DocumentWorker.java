package de.zusammenwachsen.workspace.document.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the documents' background work on this server: text extractions (as many at once as there are extraction
 * processes) and bulk imports (one at a time), polling the job rows every second. The rows are the durable queue;
 * this bean holds nothing that a crash could lose. At start-up it takes back the jobs this node held when it died.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class DocumentWorker {

    private static final Logger LOG = Logger.getLogger(DocumentWorker.class.getName());
    private static final int IMPORT_BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ExtractionJobs extractions;

    @Inject
    ImportJobs imports;

    @Inject
    TextExtractor extractor;

    @Inject
    BlobSweeper sweeper;

    private final String node = Node.name();
    private final AtomicBoolean importing = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private Semaphore slots;
    private ScheduledFuture<?> polling;

    @PostConstruct
    void start() {
        slots = new Semaphore(DocumentSettings.extractionWorkers());
        int extractionsBack = extractions.releaseNode(node);
        int importsBack = imports.releaseNode(node);
        if (extractionsBack + importsBack > 0) {
            LOG.info(() -> "Resuming " + extractionsBack + " text extraction(s) and " + importsBack
                    + " import(s) interrupted on node " + node);
        }
        polling = scheduler.scheduleWithFixedDelay(this::poll, 2, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** Hourly: removes blobs no row references any more (see {@link BlobSweeper}). */
    @Schedule(hour = "*", minute = "23", persistent = false)
    void sweep() {
        sweeper.sweep();
    }

    private void poll() {
        try {
            if (!importing.get()) {
                Long id = imports.claim(node);
                if (id != null && importing.compareAndSet(false, true)) {
                    executor.submit(() -> runImport(id));
                }
            }
            int free = slots.availablePermits();
            if (free > 0) {
                List<ExtractionJobs.Job> jobs = extractions.claim(node, free);
                for (ExtractionJobs.Job job : jobs) {
                    slots.acquireUninterruptibly();
                    executor.submit(() -> {
                        try {
                            // Keeps the slot busy while there is work: the next job is claimed at once, not at the
                            // next poll (a Markdown file takes 12 ms; a second's wait per job made imports crawl).
                            ExtractionJobs.Job next = job;
                            while (next != null && !stopping.get()) {
                                extract(next);
                                List<ExtractionJobs.Job> more = extractions.claim(node, 1);
                                next = more.isEmpty() ? null : more.get(0);
                            }
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            // The next poll tries again; a database that is briefly away must not stop the worker for good.
            LOG.log(Level.WARNING, "document jobs: poll failed", e);
        }
    }

    private void extract(ExtractionJobs.Job job) {
        if (stopping.get()) {
            return;
        }
        Path file = BlobStore.configured().path(job.blobHash());
        try {
            if (!Files.isRegularFile(file)) {
                extractions.fail(job.versionId(), node, "missing", 0);
                return;
            }
            TextExtractor.Result result = extractor.extract(file);
            extractions.complete(job.versionId(), node, result);
        } catch (TextExtractor.Failure failure) {
            extractions.fail(job.versionId(), node, failure.reason(), failure.millis());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "text extraction of version " + job.versionId() + " failed", e);
            extractions.fail(job.versionId(), node, "corrupt", 0);
        }
    }

    private void runImport(Long id) {
        try {
            while (!stopping.get() && !imports.step(id, node, IMPORT_BATCH)) {
                // one batch per transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "import " + id + " failed", e);
            imports.fail(id, "failed");
        } finally {
            importing.set(false);
        }
    }
}
