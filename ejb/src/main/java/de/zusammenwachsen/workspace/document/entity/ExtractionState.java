package de.zusammenwachsen.workspace.document.entity;

/** Where a version's text extraction stands. PENDING and RUNNING are the durable job's queue. */
public enum ExtractionState {
    PENDING, RUNNING, DONE, FAILED
}
