package de.zusammenwachsen.workspace.notification.entity;

/** Where a notification stands with e-mail. */
public enum MailState {
    /** No mail (the recipient chose none, or the kind has its own mail). */
    NONE,
    /** An instant mail was queued in the same transaction. */
    MAILED,
    /** Waits for the recipient's daily digest. */
    DIGEST,
    /** Went out in a digest. */
    DIGESTED,
    /** Left out of the digest: its group was no longer readable for the recipient when the digest ran. */
    SKIPPED
}
