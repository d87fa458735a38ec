package de.zusammenwachsen.workspace.account.entity;

import java.time.Duration;

/** What a mailed one-time link is for, and how long it stays valid. */
public enum TokenPurpose {
    CONFIRM_EMAIL(Duration.ofDays(3)),
    RESET_PASSWORD(Duration.ofHours(2));

    private final Duration validity;

    TokenPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }
}
