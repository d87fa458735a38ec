package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.search.boundary.SearchView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import org.hibernate.search.mapper.orm.Search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start, makes sure the index matches the database; the index is derived data and may be lost. An index that
 * cannot be read (corrupt files) is dropped and rebuilt; one that is missing, or holds a different number of items
 * than the database, is rebuilt in place. Both run in the background: the workspace serves requests meanwhile, and
 * search finds more as the rebuild proceeds.
 *
 * <p>An index write follows its database commit; a crash between the two loses the write, and a lost edit leaves
 * the count as it was. So the index directory holds a marker ({@value #IN_USE}) while the workspace runs, removed
 * only by a clean shutdown with no rebuild running or failed: a start that finds it rebuilds the index in place.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class IndexCheck {

    private static final Logger LOG = Logger.getLogger(IndexCheck.class.getName());

    @PersistenceContext
    EntityManager em;

    @PersistenceUnit
    EntityManagerFactory emf;

    @Inject
    IndexRebuild rebuild;

    /** The marker's name in the index directory. */
    static final String IN_USE = "in-use";

    /**
     * What the index stores has this shape; raised when it changes, so that an index written before is rebuilt in
     * place at the next start (2: a stored start cut from a longer text ends with {@link SearchableBinder#CUT};
     * 3: a published decision's text no longer holds its meeting's title). Kept in the file {@value #FORMAT_FILE} of
     * the index directory.
     */
    static final String FORMAT = "3";
    static final String FORMAT_FILE = "format";

    @PostConstruct
    void check() {
        Path marker = marker();
        boolean unclean = marker != null && Files.exists(marker);
        mark(marker);
        long stored = 0;
        for (Class<?> type : SearchIndex.TYPES) {
            stored += em.createQuery("select count(e) from " + type.getSimpleName() + " e", Long.class).getSingleResult();
        }
        long indexed;
        try {
            Search.mapping(emf).scope(SearchIndex.TYPES).schemaManager().createIfMissing();
            indexed = Search.session(em).search(SearchIndex.TYPES).where(f -> f.matchAll()).fetchTotalHitCount();
        } catch (RuntimeException unreadable) {
            LOG.log(Level.SEVERE, "The search index cannot be read; it is dropped and rebuilt from the database", unreadable);
            Search.mapping(emf).scope(SearchIndex.TYPES).schemaManager().dropAndCreate();
            mark(marker);
            writeFormat();
            rebuild.start();
            return;
        }
        if (indexed != stored) {
            long found = indexed;
            long expected = stored;
            LOG.warning(() -> "The search index holds " + found + " items, the database " + expected
                    + "; rebuilding the index in the background");
            rebuild.start();
        } else if (unclean) {
            LOG.warning("The workspace was not shut down cleanly; changes committed just before may be missing from "
                    + "the search index: rebuilding it in place in the background");
            rebuild.start();
        } else if (indexed > 0 && !FORMAT.equals(format())) {
            LOG.warning("The search index was written in an older format; rebuilding it in place in the background");
            rebuild.start();
        }
        writeFormat();
    }

    /** The format the index directory says its index has; null when it says none. */
    private static String format() {
        Path file = file(FORMAT_FILE);
        try {
            return file != null && Files.exists(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeFormat() {
        Path file = file(FORMAT_FILE);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, FORMAT + "\n");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot write " + file + "; the next start rebuilds the index", e);
        }
    }

    /** A clean shutdown: the index holds every committed change, unless a rebuild is still running or failed. */
    @PreDestroy
    void shutDown() {
        Path marker = marker();
        SearchView.Rebuild progress = rebuild.progress();
        if (marker == null || progress.running() || progress.error() != null) {
            return;
        }
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot remove " + marker + "; the next start rebuilds the index", e);
        }
    }

    private static Path marker() {
        return file(IN_USE);
    }

    private static Path file(String name) {
        String directory = System.getProperty("zw.index.dir");
        return directory == null ? null : Path.of(directory).resolve(name);
    }

    private static void mark(Path marker) {
        if (marker == null) {
            return;
        }
        try {
            Files.createDirectories(marker.getParent());
            if (!Files.exists(marker)) {
                Files.writeString(marker, "The workspace is running; see IndexCheck.\n");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot write " + marker + "; a crash may leave the index behind the database", e);
        }
    }
}
