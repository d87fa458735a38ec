package de.zusammenwachsen.workspace.notification.control;

/** Fired when a mail entered the outbox; observed after commit to send it without waiting for the next sweep. */
public record MailQueued(Long mailId) {
}
