package de.zusammenwachsen.workspace.meeting.entity;

/** The way of minutes from writing to approval; approved minutes are locked. */
public enum MinutesState {
    DRAFT, CIRCULATED, APPROVED
}
