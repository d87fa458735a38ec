package de.zusammenwachsen.workspace.document.entity;

import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.network.entity.ActionField;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DocumentTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final StoredFile PDF = new StoredFile("a".repeat(64), 1000, "application/pdf");
    private static final StoredFile TEXT = new StoredFile("b".repeat(64), 20, "text/plain");

    private static Document document() {
        WorkingGroup group = new WorkingGroup("energie", "Energie", actionField());
        return new Document(group, null, "Plan.pdf", 1L, NOW);
    }

    private static ActionField actionField() {
        try {
            Constructor<ActionField> constructor = ActionField.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void versionsCountUpAndTheDocumentShowsTheNewest() {
        Document document = document();
        DocumentVersion first = document.addVersion(null, PDF, "Plan.pdf", null, 1L, NOW);
        DocumentVersion second = document.addVersion(1, TEXT, "Plan.txt", "Entwurf 2", 2L, NOW);
        assertEquals(1, first.getNumber());
        assertEquals(2, second.getNumber());
        assertEquals(2, document.getCurrentNumber());
        assertEquals("text/plain", document.getMediaType());
        assertEquals(20, document.getSize());
        assertEquals(2L, document.getUpdatedBy());
        assertEquals(ExtractionState.PENDING, second.getExtractionState());
    }

    @Test
    void aVersionFromAStaleBaseIsRefused() {
        Document document = document();
        document.addVersion(null, PDF, "Plan.pdf", null, 1L, NOW);
        document.addVersion(1, PDF, "Plan.pdf", null, 2L, NOW);
        ConflictException conflict = assertThrows(ConflictException.class,
                () -> document.addVersion(1, TEXT, "Plan.pdf", null, 3L, NOW));
        assertEquals("document.version.conflict", conflict.key());
        assertEquals(2, document.getCurrentNumber());
    }

    @Test
    void restoringMakesANewVersionWithTheOldContent() {
        Document document = document();
        DocumentVersion first = document.addVersion(null, PDF, "Plan.pdf", null, 1L, NOW);
        document.addVersion(null, TEXT, "Plan.pdf", null, 1L, NOW);
        DocumentVersion restored = document.restoreVersion(first, "zurück", 2L, NOW);
        assertEquals(3, restored.getNumber());
        assertEquals(PDF.hash(), restored.getBlobHash());
        assertEquals("application/pdf", document.getMediaType());
    }

    @Test
    void tagsAreCleaned() {
        assertEquals(Set.of("energie", "kohleausstieg"), Document.cleanTags(List.of(" #Energie", "kohleausstieg", "ENERGIE", "")));
        assertThrows(InvalidInputException.class, () -> Document.cleanTags(List.of("x".repeat(61))));
    }

    @Test
    void trashRemembersItsFirstDeletion() {
        Document document = document();
        document.trash(1L, NOW, null);
        document.trash(2L, NOW.plusSeconds(5), 42L);
        assertEquals(1L, document.getTrashedBy());
        assertEquals(null, document.getTrashRoot());
        document.restore();
        assertEquals(false, document.isTrashed());
    }

    @Test
    void aFolderCannotMoveBelowItself() {
        WorkingGroup group = new WorkingGroup("energie", "Energie", actionField());
        Folder top = new Folder(group, null, "Oben", 1L, NOW);
        Folder child = new Folder(group, top, "Unten", 1L, NOW);
        assertThrows(InvalidInputException.class, () -> top.moveTo(child));
        assertThrows(InvalidInputException.class, () -> top.moveTo(top));
        child.moveTo(null);
        assertSame(null, child.getParent());
    }
}
