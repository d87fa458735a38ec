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
        assertTrue(ContentTypes.inline("application/pdf"));
        assertTrue(ContentTypes.inline("image/png"));
        assertEquals("text/plain; charset=UTF-8", ContentTypes.served("text/x-web-markdown"));
        assertEquals("application/vnd.oasis.opendocument.text", ContentTypes.served("application/vnd.oasis.opendocument.text"));
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
    void extractedTextLosesControlCharacters() {
        assertEquals("a b\n\nc", TextExtractor.clean("a\u0000b\n\n\n\nc"));
    }
}
