package de.zusammenwachsen.workspace.account.control;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void matchesOnlyTheSamePassword() {
        String hash = hasher.hash("Kohleausstieg 2038".toCharArray());
        assertTrue(hasher.matches("Kohleausstieg 2038".toCharArray(), hash));
        assertFalse(hasher.matches("Kohleausstieg 2039".toCharArray(), hash));
        assertFalse(hasher.matches("Kohleausstieg 2038".toCharArray(), "garbage"));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("gleiches Passwort".toCharArray()), hasher.hash("gleiches Passwort".toCharArray()));
    }

    @Test
    void keepsTheIterationCountWithTheHashSoItCanBeRaisedLater() {
        String old = hasher.hash("Revier im Wandel".toCharArray());
        assertTrue(old.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(new PasswordHasher().matches("Revier im Wandel".toCharArray(), old));
    }

    @Test
    void theDummyHashIsMadeOnceSoThatAnUnknownAddressCostsOneKeyDerivationLikeAKnownOne() {
        String dummy = hasher.dummyHash();
        assertSame(dummy, hasher.dummyHash());
        assertSame(dummy, new PasswordHasher(1_000).dummyHash(), "shared by every hasher of the same strength");
        assertTrue(dummy.startsWith("pbkdf2-sha256$1000$"), "as slow to check as a real hash of this hasher");
        assertFalse(hasher.matches("no-such-account".toCharArray(), dummy));
        assertTrue(new PasswordHasher().dummyHash().startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$"));
    }

    @Test
    void policyRefusesShortCommonAndEmailPasswords() {
        assertEquals("password.tooShort", assertThrows(InvalidInputException.class, () -> PasswordPolicy.check("kurz", "a@b.de")).key());
        assertEquals("password.tooCommon", assertThrows(InvalidInputException.class, () -> PasswordPolicy.check("Passwort123", "a@b.de")).key());
        assertEquals("password.tooCommon", assertThrows(InvalidInputException.class, () -> PasswordPolicy.check("aaaaaaaaaaaa", "a@b.de")).key());
        assertEquals("password.isEmail", assertThrows(InvalidInputException.class, () -> PasswordPolicy.check("anna@verein.de", "Anna@Verein.de")).key());
        PasswordPolicy.check("Streuobstwiese am Geiseltal", "anna@verein.de");
    }

    @Test
    void secretTokensAreLongRandomAndHashedStably() {
        String a = SecretTokens.newSecret();
        assertNotEquals(a, SecretTokens.newSecret());
        assertTrue(a.length() >= 43);
        assertEquals(SecretTokens.hash(a), SecretTokens.hash(a));
        assertEquals(64, SecretTokens.hash(a).length());
    }
}
