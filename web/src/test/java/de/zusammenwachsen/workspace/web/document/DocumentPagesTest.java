package de.zusammenwachsen.workspace.web.document;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small conversions of the document pages: sizes as people read them, file URLs, ETags, script strings. */
class DocumentPagesTest {

    @Test
    void sizesInGermanAndEnglish() {
        assertEquals("830 Bytes", FileSizes.format(830, Locale.GERMAN));
        assertEquals("1,2 MB", FileSizes.format(1_258_291, Locale.GERMAN));
        assertEquals("1.2 MB", FileSizes.format(1_258_291, Locale.ENGLISH));
        assertEquals("100 MB", FileSizes.format(100L * 1024 * 1024, Locale.GERMAN));
        assertEquals("5 GB", FileSizes.format(5L * 1024 * 1024 * 1024, Locale.GERMAN));
        assertEquals("205 KB", FileSizes.format(209_664, Locale.GERMAN));
        assertEquals("0 Bytes", FileSizes.format(0, Locale.GERMAN));
    }

    @Test
    void fileUrlsNameAVersionById() {
        assertEquals(42L, FilesServlet.versionId("/42"));
        assertEquals(42L, FilesServlet.versionId("/42/antrag.pdf"));
        assertNull(FilesServlet.versionId(null));
        assertNull(FilesServlet.versionId("/"));
        assertNull(FilesServlet.versionId("/abc"));
        assertNull(FilesServlet.versionId("/-1"));
        assertNull(FilesServlet.versionId("/0"));
        assertNull(FilesServlet.versionId("/99999999999999999999999"));
    }

    @Test
    void entityTagsMatchAsHttpSays() {
        String etag = "\"abc\"";
        assertTrue(FilesServlet.matches("\"abc\"", etag));
        assertTrue(FilesServlet.matches("\"x\", W/\"abc\"", etag));
        assertTrue(FilesServlet.matches("*", etag));
        assertFalse(FilesServlet.matches("\"abd\"", etag));
        assertFalse(FilesServlet.matches(null, etag));
    }

    @Test
    void scriptStringsCannotBreakOut() {
        assertEquals("\"Die Datei ist zu groß\"", LibraryView.script("Die Datei ist zu groß"));
        String hostile = LibraryView.script("\"</script><script>alert('x')</script>\\\n");
        assertFalse(hostile.substring(1, hostile.length() - 1).contains("\""));
        assertFalse(hostile.contains("<") || hostile.contains(">") || hostile.contains("'") || hostile.contains("\n"));
    }
}
