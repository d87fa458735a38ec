package de.zusammenwachsen.workspace.account.entity;

/** An account can log in only once its e-mail address is confirmed. */
public enum AccountStatus {
    PENDING, ACTIVE, DISABLED
}
