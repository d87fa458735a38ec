package de.zusammenwachsen.workspace.account.control;

import de.zusammenwachsen.workspace.core.InvalidInputException;

import java.util.Locale;
import java.util.Set;

/**
 * Length over complexity rules (NIST SP 800-63B): at least 10 characters, not one of the passwords everybody
 * tries first, and not the e-mail address itself.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private static final Set<String> COMMON = Set.of(
            "passwort123", "password123", "1234567890", "0123456789", "qwertzuiop", "qwertyuiop",
            "passwort1234", "password1234", "hallo12345", "sommer2024", "sommer2025", "winter2025",
            "1q2w3e4r5t", "abcdefghij", "aaaaaaaaaa", "zusammenwachsen", "ichliebedich", "iloveyou12");

    private PasswordPolicy() {
    }

    public static void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException("password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException("password.tooLong", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            throw new InvalidInputException("password.tooCommon");
        }
        if (email != null && lower.equals(email.trim().toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("password.isEmail");
        }
    }
}
