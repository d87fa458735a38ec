-- Accounts: sessions end with a new password, and failed logins are counted per address and client.
-- Written in the SQL that H2 2.x and PostgreSQL 15 share.

-- Raised by every new password (reset or profile). A logged-in session keeps the epoch of its login; a session of an
-- older epoch counts as logged out at its next request, on every node, without a registry of sessions.
ALTER TABLE account ADD COLUMN credentials_epoch INTEGER NOT NULL DEFAULT 0;

-- The lock-out moved from the account to login_throttle: a count on the account let anybody lock any account.
ALTER TABLE account DROP COLUMN failed_logins;
ALTER TABLE account DROP COLUMN locked_until;

-- Failed logins per typed-in address (SHA-256 of the normalised address, known or not) and client (its network
-- address). Rows untouched for a day are swept (LoginThrottles.sweep).
CREATE TABLE login_throttle (
    email_hash    VARCHAR(64) NOT NULL,
    client        VARCHAR(64) NOT NULL,
    failures      INTEGER     NOT NULL,
    locked_until  TIMESTAMP(6) WITH TIME ZONE,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (email_hash, client)
);
CREATE INDEX login_throttle_updated ON login_throttle (updated_at);
