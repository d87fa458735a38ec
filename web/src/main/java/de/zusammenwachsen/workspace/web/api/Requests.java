package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.group.entity.Visibility;

import java.util.Locale;

/**
 * Turns what a client sent into what the boundaries take, refusing with 400 instead of the JAX-RS default: a query
 * parameter that does not convert would be a 404 there, which wrongly suggests a missing resource. No rules here.
 */
final class Requests {

    private Requests() {
    }

    /** A JSON body is required; RESTEasy hands over null for an empty one. */
    static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException("rest.body.missing");
        }
        return body;
    }

    /** The version the client last read, for optimistic locking of edits. */
    static int version(Integer version) {
        if (version == null) {
            throw new InvalidInputException("rest.version.required");
        }
        return version;
    }

    /** "de" or "en" (any case); absent means the default, German. */
    static Language language(String code) {
        if (code == null || code.isBlank()) {
            return Language.DE;
        }
        try {
            return Language.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rest.language.invalid");
        }
    }

    static Visibility visibility(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Visibility.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rest.parameter.invalid", "visibility", name);
        }
    }

    static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("rest.parameter.invalid", name, value);
        }
    }

    static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException("rest.parameter.invalid", name, value);
        };
    }
}
