package de.zusammenwachsen.workspace.notification.entity;

/** Why someone is notified; the bundles name each ({@code notification.kind.<name>}). */
public enum NotificationKind {
    MENTION,
    REPLY,
    NEW_THREAD,
    JOIN_APPROVED,
    JOIN_DENIED,
    /** Minutes of a meeting were circulated for comments. */
    MINUTES_CIRCULATED,
    /** Minutes were approved; their decisions now count. */
    MINUTES_APPROVED,
    /** Approved minutes got an amendment. */
    MINUTES_AMENDED
}
