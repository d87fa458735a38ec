package de.zusammenwachsen.workspace.group.entity;

/** The life of a join request or an invitation. */
public enum RequestState {
    PENDING, APPROVED, DENIED, WITHDRAWN, ACCEPTED, REVOKED
}
