package de.zusammenwachsen.workspace.notification.entity;

/** Why someone is notified; the bundles name each ({@code notification.kind.<name>}). */
public enum NotificationKind {
    MENTION,
    REPLY,
    NEW_THREAD,
    JOIN_APPROVED,
    JOIN_DENIED
}
