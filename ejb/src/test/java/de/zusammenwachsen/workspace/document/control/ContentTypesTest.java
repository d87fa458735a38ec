package de.zusammenwachsen.workspace.document.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentTypesTest {

    @Test
    void activeContentAlwaysGoesOutAsBytes() {
        for (String active : new String[] {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml",
                "application/javascript", "text/javascript; charset=UTF-8"}) {
            assertEquals(ContentTypes.OCTET_STREAM, ContentTypes.served(active), active);
            assertFalse(ContentTypes.inline(active), active);
        }
    }

    @Test
    void harmlessTypesMayShowInline() {
        assertTrue(ContentTypes.inline("image/png"));
        assertTrue(ContentTypes.inline("text/plain; charset=UTF-8"));
        assertEquals("text/plain; charset=UTF-8", ContentTypes.served("text/x-web-markdown"));
        assertEquals("application/vnd.oasis.opendocument.text", ContentTypes.served("application/vnd.oasis.opendocument.text"));
    }

    @Test
    void aPdfIsNeverShownInlineButKeepsItsType() {
        // The browser's own PDF viewer would run the file's scripts; the page previews PDFs with PDF.js instead.
        assertFalse(ContentTypes.inline("application/pdf"));
        assertEquals("application/pdf", ContentTypes.served("application/pdf"));
    }

    @Test
    void kinds() {
        assertEquals(DocumentKind.PDF, DocumentKind.of("application/pdf"));
        assertEquals(DocumentKind.TEXT, DocumentKind.of("text/plain; charset=UTF-8"));
        assertEquals(DocumentKind.IMAGE, DocumentKind.of("image/jpeg"));
        assertEquals(DocumentKind.SPREADSHEET, DocumentKind.of("application/vnd.oasis.opendocument.spreadsheet"));
        assertEquals(DocumentKind.OTHER, DocumentKind.of("text/html"));
        assertEquals(DocumentKind.OTHER, DocumentKind.of(null));
    }

    @Test
    void germanAndEnglishAreTold() {
        assertEquals("de", LanguageGuess.of("Die Förderung wird für die Dauer der Ausbildung geleistet, und sie ist "
                + "nicht von dem Einkommen der Eltern abhängig, wenn der Auszubildende bei den Eltern wohnt und die Schule besucht."));
        assertEquals("en", LanguageGuess.of("The funding is granted for the duration of the training and it is not "
                + "dependent on the income of the parents, which is the rule in this case for all of the applicants."));
        assertEquals(null, LanguageGuess.of("Kurz."));
    }

    @Test
    void officeFilesDeclaringHugeContentAreRefusedUnparsed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bomb = dir.resolve("bomb.docx");
        try (var zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(bomb))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 80; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        java.nio.file.Path normal = dir.resolve("normal.docx");
        try (var zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(normal))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w:document>Satzung des Vereins</w:document>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertTrue(TextExtractor.zipBomb(bomb), "80 MB of zeros in a few kilobytes");
        assertFalse(TextExtractor.zipBomb(normal));
        assertFalse(TextExtractor.zipBomb(dir.resolve("missing.docx")));
    }

    @Test
    void extractedTextLosesControlCharacters() {
        assertEquals("a b\n\nc", TextExtractor.clean("a\u0000b\n\n\n\nc"));
    }
}
