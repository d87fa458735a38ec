package de.zusammenwachsen.workspace.document.entity;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileNamesTest {

    @Test
    void pathsAreCutToTheLastPart() {
        assertEquals("passwd", FileNames.clean("../../etc/passwd"));
        assertEquals("Antrag.docx", FileNames.clean("C:\\Users\\Jana\\Antrag.docx"));
        assertNull(FileNames.clean(".."));
        assertNull(FileNames.clean("../"));
    }

    @Test
    void controlAndDirectionCharactersBecomeSpaces() {
        assertEquals("a b.pdf", FileNames.clean("a\u0000\u0007b.pdf"));
        assertEquals("rechnung fdp.exe", FileNames.clean("rechnung\u202Efdp.exe").replace("  ", " "));
        assertEquals("Zeile eins.txt", FileNames.clean("Zeile\r\neins.txt"));
    }

    @Test
    void leadingDotsAreDroppedAndUmlautsComposed() {
        assertEquals("htaccess", FileNames.clean(".htaccess"));
        assertEquals("Förderantrag.pdf", FileNames.clean("Fo\u0308rderantrag.pdf"));
    }

    @Test
    void longNamesKeepTheirExtension() {
        String name = FileNames.clean("x".repeat(300) + ".pdf");
        assertEquals(FileNames.MAX_LENGTH, name.length());
        assertTrue(name.endsWith(".pdf"));
    }

    @Test
    void emptyNamesAreRefused() {
        assertThrows(InvalidInputException.class, () -> FileNames.require("  \u0000 "));
        assertThrows(InvalidInputException.class, () -> FileNames.require(null));
    }

    @Test
    void extensions() {
        assertEquals("pdf", FileNames.extension("Plan.PDF"));
        assertEquals("", FileNames.extension("README"));
        assertEquals("", FileNames.extension("punkt."));
    }
}
