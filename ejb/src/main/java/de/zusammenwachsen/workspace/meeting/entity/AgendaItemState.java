package de.zusammenwachsen.workspace.meeting.entity;

/** A member's proposal waits as PROPOSED until the organiser or a moderator accepts it. */
public enum AgendaItemState {
    PROPOSED,
    ACCEPTED
}
