package de.zusammenwachsen.workspace.search.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import org.hibernate.search.mapper.orm.Search;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start, makes sure the index matches the database; the index is derived data and may be lost. An index that
 * cannot be read (corrupt files) is dropped and rebuilt; one that is missing, or holds a different number of items
 * than the database (e.g. after a crash between a commit and its index write), is rebuilt in place. Both run in the
 * background: the workspace serves requests meanwhile, and search finds more as the rebuild proceeds.
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

    @PostConstruct
    void check() {
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
            rebuild.start();
            return;
        }
        if (indexed != stored) {
            long found = indexed;
            long expected = stored;
            LOG.warning(() -> "The search index holds " + found + " items, the database " + expected
                    + "; rebuilding the index in the background");
            rebuild.start();
        }
    }
}
