package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.control.DocumentKind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What clients send to the document resources, turned into what the boundaries take; like {@link Requests}, a
 * value that does not convert is a 400 with a message key, never the JAX-RS runtime's 404.
 */
final class DocumentRequests {

    private DocumentRequests() {
    }

    static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("rest.parameter.invalid", name, value);
        }
    }

    static DocumentKind kind(String value) {
        return value == null || value.isBlank() ? null : constant(DocumentKind.class, "kind", value);
    }

    static DocumentView.Sort sort(String value) {
        return value == null || value.isBlank() ? DocumentView.Sort.NAME : constant(DocumentView.Sort.class, "sort", value);
    }

    /** "folder" or "document" in a path: anything else names nothing there is, so 404. */
    static DocumentView.TrashKind trashKind(String value) {
        try {
            return DocumentView.TrashKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    /**
     * A JSON object as the body of a partial change (PATCH): members that are present are changed, also to null;
     * absent ones are kept. Read here rather than bound to a record, because a record cannot tell absent from null.
     */
    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("rest.body.missing");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("rest.body.invalid");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidInputException("rest.body.invalid");
        }
    }

    /** The "version" member every change must carry. */
    static int version(JsonObject body) {
        Long version = number(body, "version");
        if (version == null) {
            throw new InvalidInputException("rest.version.required");
        }
        return Math.toIntExact(version);
    }

    static Long number(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidInputException("rest.parameter.invalid", name, value.toString());
            }
        }
        throw new InvalidInputException("rest.parameter.invalid", name, value.toString());
    }

    static String string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidInputException("rest.parameter.invalid", name, value.toString());
    }

    static List<String> strings(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException("rest.parameter.invalid", name, value.toString());
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString string)) {
                throw new InvalidInputException("rest.parameter.invalid", name, item.toString());
            }
            strings.add(string.getString());
        }
        return strings;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rest.parameter.invalid", name, value);
        }
    }
}
