package de.zusammenwachsen.workspace.document.control;

import de.zusammenwachsen.workspace.core.Flush;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.entity.Document;
import de.zusammenwachsen.workspace.document.entity.DocumentVersion;
import de.zusammenwachsen.workspace.document.entity.Folder;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.document.entity.StoredFile;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Files a stored blob into a folder: as the next version of the document of that name there, or as a new
 * document. Shared by uploads and bulk imports; the caller has checked access, holds the group's lock and has
 * checked the quota.
 */
@Dependent
public class Filing {

    @PersistenceContext
    EntityManager em;

    @Inject
    Libraries libraries;

    public DocumentView.Uploaded put(WorkingGroup group, Folder folder, String name, StoredFile file, String comment, Long by) {
        Instant now = Instant.now();
        Document existing = libraries.documentNamed(group, folder, name);
        Document document = existing != null ? existing : new Document(group, folder, name, by, now);
        // The version first: it sets the document's media type and size, which its (immediate) insert needs.
        DocumentVersion version = document.addVersion(null, file, name, comment, by, now);
        if (existing == null) {
            Flush.orConflict(em, "error.changedMeanwhile", () -> em.persist(document));
        }
        Flush.orConflict(em, "error.changedMeanwhile", () -> em.persist(version));
        return new DocumentView.Uploaded(document.getId(), version.getId(), version.getNumber(), existing == null, document.getName());
    }

    /** The folder of that name below {@code parent}, made if missing; for bulk imports. */
    public Folder ensureFolder(WorkingGroup group, Folder parent, String name, Long by) {
        Folder existing = libraries.folderNamed(group, parent, name);
        if (existing != null) {
            return existing;
        }
        Folder folder = new Folder(group, parent, name, by, Instant.now());
        em.persist(folder);
        return folder;
    }
}
