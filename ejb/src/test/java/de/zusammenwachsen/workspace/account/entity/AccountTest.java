package de.zusammenwachsen.workspace.account.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountTest {

    @Test
    void everyNewPasswordRaisesTheCredentialsEpochSoThatOlderSessionsEnd() {
        Account account = new Account("b@verein-example.de", "B", "hash", Language.DE);
        assertEquals(Account.FIRST_CREDENTIALS_EPOCH, account.getCredentialsEpoch());
        account.changePassword("new hash");
        assertEquals("new hash", account.getPasswordHash());
        assertEquals(Account.FIRST_CREDENTIALS_EPOCH + 1, account.getCredentialsEpoch());
        account.changePassword("newer hash");
        assertEquals(Account.FIRST_CREDENTIALS_EPOCH + 2, account.getCredentialsEpoch());
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

    @Test
    void aDisabledAccountIsNotConfirmedAgain() {
        Account account = new Account("c@verein-example.de", "C", "hash", Language.DE);
        account.confirm();
        account.disable();
        account.confirm();
        assertTrue(account.isDisabled());
        assertFalse(account.isActive());
    }
}
