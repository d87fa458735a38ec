package de.zusammenwachsen.workspace.meeting.entity;

/** A member's answer to a meeting's invitation. */
public enum Answer {
    YES, NO, MAYBE
}
