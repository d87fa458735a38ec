package de.zusammenwachsen.workspace.meeting.entity;

/** What came of a motion. */
public enum Outcome {
    ADOPTED, REJECTED, POSTPONED
}
