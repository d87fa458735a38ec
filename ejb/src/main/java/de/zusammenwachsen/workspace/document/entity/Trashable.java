package de.zusammenwachsen.workspace.document.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What folders and documents share about the trash: deleting moves a thing to the trash together with everything
 * below it; {@code trashRoot} remembers whose deletion put it there, so that restoring brings back exactly that.
 */
@MappedSuperclass
public abstract class Trashable {

    @Column(name = "trashed_at")
    private Instant trashedAt;

    @Column(name = "trashed_by")
    private Long trashedBy;

    @Column(name = "trash_root")
    private Long trashRoot;

    public boolean isTrashed() {
        return trashedAt != null;
    }

    /** Puts this into the trash unless it is already there (then it keeps its own, earlier deletion). */
    public void trash(Long by, Instant at, Long root) {
        if (trashedAt == null) {
            trashedAt = at;
            trashedBy = by;
            trashRoot = root;
        }
    }

    public void restore() {
        trashedAt = null;
        trashedBy = null;
        trashRoot = null;
    }

    public Instant getTrashedAt() {
        return trashedAt;
    }

    public Long getTrashedBy() {
        return trashedBy;
    }

    public Long getTrashRoot() {
        return trashRoot;
    }
}
