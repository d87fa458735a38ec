package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.control.DocumentKind;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What clients send to the document resources becomes the boundaries' types, or a 400 with a message key. */
class DocumentRequestsTest {

    private static String key(Executable call) {
        return assertThrows(DomainException.class, call).key();
    }

    @Test
    void idsAreOptionalNumbers() {
        assertNull(DocumentRequests.id("folder", " "));
        assertEquals(42L, DocumentRequests.id("folder", " 42 "));
        assertEquals("rest.parameter.invalid", key(() -> DocumentRequests.id("folder", "oben")));
    }

    @Test
    void kindsAndSortsInAnyCase() {
        assertNull(DocumentRequests.kind(null));
        assertEquals(DocumentKind.SPREADSHEET, DocumentRequests.kind("spreadsheet"));
        assertEquals(DocumentView.Sort.NAME, DocumentRequests.sort(""));
        assertEquals(DocumentView.Sort.UPDATED, DocumentRequests.sort("Updated"));
        assertEquals("rest.parameter.invalid", key(() -> DocumentRequests.kind("Tabelle")));
        assertEquals("rest.parameter.invalid", key(() -> DocumentRequests.sort("alter")));
    }

    @Test
    void anUnknownTrashKindNamesNothing() {
        assertEquals(DocumentView.TrashKind.FOLDER, DocumentRequests.trashKind("folder"));
        assertThrows(NotFoundException.class, () -> DocumentRequests.trashKind("ordner"));
    }

    @Test
    void partialChangesTellAbsentFromNull() {
        JsonObject change = DocumentRequests.object("""
                {"version": 3, "title": null, "tags": ["a", "b"], "folderId": 7}""");
        assertEquals(3, DocumentRequests.version(change));
        assertTrue(change.containsKey("title"));
        assertNull(DocumentRequests.string(change, "title"));
        assertFalse(change.containsKey("description"));
        assertEquals(List.of("a", "b"), DocumentRequests.strings(change, "tags"));
        assertEquals(7L, DocumentRequests.number(change, "folderId"));
    }

    @Test
    void brokenOrMistypedBodiesAre400() {
        assertEquals("rest.body.missing", key(() -> DocumentRequests.object(" ")));
        assertEquals("rest.body.invalid", key(() -> DocumentRequests.object("{kaputt")));
        assertEquals("rest.body.invalid", key(() -> DocumentRequests.object("[1, 2]")));
        assertEquals("rest.version.required", key(() -> DocumentRequests.version(DocumentRequests.object("{}"))));
        JsonObject wrong = DocumentRequests.object("""
                {"version": "drei", "name": 5, "tags": "a", "folderId": 1.5}""");
        assertThrows(InvalidInputException.class, () -> DocumentRequests.version(wrong));
        assertEquals("rest.parameter.invalid", key(() -> DocumentRequests.string(wrong, "name")));
        assertEquals("rest.parameter.invalid", key(() -> DocumentRequests.strings(wrong, "tags")));
        assertEquals("rest.parameter.invalid", key(() -> DocumentRequests.number(wrong, "folderId")));
    }

    @Test
    void fileNamesAreDecodedAsBrowsersEncodeThem() {
        assertEquals("Protokoll \"final\".txt", Form.fileName("Protokoll %22final%22.txt"));
        assertEquals("Übergabe 100%.txt", Form.fileName("Übergabe 100%.txt"));
    }
}
