package de.zusammenwachsen.workspace.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Failed logins for one e-mail address from one client (its network address). Counted per client, so that somebody
 * guessing elsewhere cannot lock the owner out; counted for every address typed in, known or not, so that the
 * lock-out itself does not tell which addresses have an account. The address is kept only as a hash.
 *
 * <p>Every attempt is counted before the password is checked ({@link #claim}), and a success removes the row (the
 * count starts again): so parallel attempts cannot slip past the limit while their passwords are being checked.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    /** Failed logins in a row from one client after which that client waits. */
    public static final int MAX_FAILURES = 5;

    /** What an attempt may do. */
    public enum Claim {
        /** Check the password. */
        ALLOWED,
        /** Check the password; this is the last try: if it fails, the client waits. */
        LAST,
        /** The client waits; the password is not checked at all. */
        REFUSED
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LoginThrottle() {
    }

    public LoginThrottle(String emailHash, String client, Instant now) {
        this.key = new Key(emailHash, client);
        this.updatedAt = now;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts an attempt as failed until it succeeds. The {@link #MAX_FAILURES}th in a row locks the client for
     * {@code lockout} right away, before its password is checked; should it succeed, the row goes and the lock with it.
     */
    public Claim claim(Instant now, Duration lockout) {
        if (isLocked(now)) {
            return Claim.REFUSED;
        }
        updatedAt = now;
        failures++;
        if (failures >= MAX_FAILURES) {
            failures = 0;
            lockedUntil = now.plus(lockout);
            return Claim.LAST;
        }
        return Claim.ALLOWED;
    }

    public Key getKey() {
        return key;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The SHA-256 of the normalised e-mail address, and the client's network address. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "email_hash", length = 64)
        private String emailHash;

        @Column(name = "client", length = 64)
        private String client;

        protected Key() {
        }

        public Key(String emailHash, String client) {
            this.emailHash = emailHash;
            this.client = client;
        }

        public String getEmailHash() {
            return emailHash;
        }

        public String getClient() {
            return client;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && emailHash.equals(other.emailHash) && client.equals(other.client);
        }

        @Override
        public int hashCode() {
            return Objects.hash(emailHash, client);
        }
    }
}
