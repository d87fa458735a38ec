package de.zusammenwachsen.workspace.search.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchableBinderTest {

    @Test
    void aTextThatFitsIsStoredWholeAndNotMarkedAsCut() {
        String text = "Wir mähen die Wiese am Bach. ".repeat(300);
        String stored = SearchableBinder.start(text);
        assertEquals(text, stored);
        assertFalse(SearchableBinder.cut(stored));
        assertFalse(SearchableBinder.cut(null));
    }

    @Test
    void aLongerTextIsCutAtASpaceAndSaysSo() {
        String text = "Wir mähen die Wiese am Bach. ".repeat(400) + "Kopfweidenschnitt";
        String stored = SearchableBinder.start(text);
        assertTrue(SearchableBinder.cut(stored), stored.substring(stored.length() - 20));
        String kept = stored.substring(0, stored.length() - SearchableBinder.CUT.length());
        assertTrue(kept.length() <= SearchableBinder.PASSAGE_SOURCE && kept.length() > SearchableBinder.PASSAGE_SOURCE / 2);
        assertTrue(text.startsWith(kept));
        assertTrue(text.charAt(kept.length()) == ' ', "cut at a space");
        assertFalse(stored.contains("Kopfweidenschnitt"));
    }

    @Test
    void markdownIsStoredAsReadableText() {
        assertEquals("Quendelwiesen pflegen\nam Hang", SearchableBinder.start("# **Quendelwiesen** pflegen\n- am Hang"));
    }
}
