package de.zusammenwachsen.workspace.account.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountTest {

    @Test
    void fiveFailedLoginsInARowLockTheAccountForAWhile() {
        Account account = new Account("Anna@Verein-Example.de", "Anna", "hash", Language.DE);
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        for (int i = 1; i < Account.MAX_FAILED_LOGINS; i++) {
            account.loginFailed(now, Duration.ofMinutes(15));
            assertFalse(account.isLocked(now), "not yet after " + i);
        }
        account.loginFailed(now, Duration.ofMinutes(15));
        assertTrue(account.isLocked(now.plusSeconds(60)));
        assertFalse(account.isLocked(now.plus(Duration.ofMinutes(16))), "the lock ends by itself");
    }

    @Test
    void aSuccessfulLoginOrANewPasswordResetsTheCount() {
        Account account = new Account("b@verein-example.de", "B", "hash", Language.DE);
        Instant now = Instant.now();
        for (int i = 1; i < Account.MAX_FAILED_LOGINS; i++) {
            account.loginFailed(now, Duration.ofMinutes(15));
        }
        account.loginSucceeded();
        account.loginFailed(now, Duration.ofMinutes(15));
        assertFalse(account.isLocked(now), "the count started again");
        for (int i = 0; i < Account.MAX_FAILED_LOGINS; i++) {
            account.loginFailed(now, Duration.ofMinutes(15));
        }
        assertTrue(account.isLocked(now));
        account.changePassword("new hash");
        assertFalse(account.isLocked(now), "a password reset unlocks");
    }

    @Test
    void addressesAreStoredInLowerCaseAndAccountsStartUnconfirmed() {
        Account account = new Account(" Anna@Verein-Example.DE ", "Anna", "hash", null);
        assertTrue(account.getEmail().equals("anna@verein-example.de"));
        assertFalse(account.isActive());
        account.confirm();
        assertTrue(account.isActive());
        assertTrue(account.getLanguage() == Language.DE);
    }
}
