package de.zusammenwachsen.workspace.account.control;

import de.zusammenwachsen.workspace.core.InvalidInputException;

import java.util.regex.Pattern;

/** A pragmatic check of e-mail addresses: one @, a dot in the domain, no spaces, at most 254 characters. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]{2,}");

    private EmailAddress() {
    }

    public static String require(String email) {
        String trimmed = email == null ? "" : email.trim();
        if (trimmed.length() > 254 || !SHAPE.matcher(trimmed).matches()) {
            throw new InvalidInputException("email.invalid");
        }
        return trimmed.toLowerCase(java.util.Locale.ROOT);
    }
}
