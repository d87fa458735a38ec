package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What clients send is turned into the boundaries' types, and anything else is a 400 with a message key. */
class RequestsTest {

    @Test
    void languagesAreDeOrEnInAnyCaseAndGermanByDefault() {
        assertEquals(Language.EN, Requests.language(" en "));
        assertEquals(Language.DE, Requests.language("DE"));
        assertEquals(Language.DE, Requests.language(null));
        assertEquals("rest.language.invalid", assertThrows(InvalidInputException.class, () -> Requests.language("fr")).key());
    }

    @Test
    void visibilityFiltersAreOptional() {
        assertNull(Requests.visibility(""));
        assertEquals(Visibility.HIDDEN, Requests.visibility("hidden"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Requests.visibility("GEHEIM"));
        assertEquals("rest.parameter.invalid", e.key());
        assertEquals(400, e.status());
    }

    @Test
    void numbersAndFlagsOfTheQueryString() {
        assertEquals(20, Requests.integer("size", null, 20));
        assertEquals(5, Requests.integer("size", " 5", 20));
        assertThrows(InvalidInputException.class, () -> Requests.integer("size", "viele", 20));
        assertTrue(Requests.bool("archived", "TRUE"));
        assertFalse(Requests.bool("archived", null));
        assertThrows(InvalidInputException.class, () -> Requests.bool("archived", "ja"));
    }

    @Test
    void bodiesAndVersionsAreRequired() {
        assertEquals("rest.body.missing", assertThrows(InvalidInputException.class, () -> Requests.body(null)).key());
        assertEquals("rest.version.required", assertThrows(InvalidInputException.class, () -> Requests.version(null)).key());
        assertEquals(3, Requests.version(3));
    }
}
