package de.zusammenwachsen.workspace.group.entity;

/** A member's role in one group. */
public enum Role {
    MEMBER, MODERATOR
}
