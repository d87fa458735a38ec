package de.zusammenwachsen.workspace.meeting.entity;

/** Where an action item stands; only open items are reminded and offered for the next agenda. */
public enum ActionItemStatus {
    OPEN, DONE, CANCELLED
}
