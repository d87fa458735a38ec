package de.zusammenwachsen.workspace.group.entity;

/** How people become members: join at once, ask the moderators, or only by invitation. */
public enum JoinPolicy {
    OPEN, REQUEST, INVITATION
}
