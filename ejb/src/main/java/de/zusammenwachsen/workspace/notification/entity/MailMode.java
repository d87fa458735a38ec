package de.zusammenwachsen.workspace.notification.entity;

/** How a member wants to hear of notifications by e-mail: at once, in one mail a day, or not at all. */
public enum MailMode {
    INSTANT,
    DAILY,
    OFF
}
