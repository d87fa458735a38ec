package de.zusammenwachsen.workspace.document.entity;

/** Where a bulk import stands. PENDING and RUNNING are the durable job's queue. */
public enum ImportState {
    PENDING, RUNNING, DONE, FAILED
}
