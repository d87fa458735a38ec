package de.zusammenwachsen.workspace.search.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassagesTest {

    @Test
    void shortPassagesStayAsTheyAre() {
        assertEquals("ein <mark>Radweg</mark> am Fluss", Passages.around("ein <mark>Radweg</mark> am Fluss", 200));
        assertNull(Passages.around(" ", 200));
    }

    @Test
    void longPassagesAreCutAroundTheFirstMatchAtSpaces() {
        String before = "Wort &amp; ".repeat(60);
        String after = " weiter &lt;b&gt; ".repeat(60);
        String cut = Passages.around(before + "<mark>Kohleverstromung</mark>" + after, 200);
        assertTrue(cut.startsWith("… "), cut);
        assertTrue(cut.endsWith(" …"), cut);
        assertTrue(cut.contains("<mark>Kohleverstromung</mark>"), cut);
        assertTrue(cut.length() < 320, cut);
        assertTrue(!cut.matches("(?s).*&[a-z]*$") && !cut.contains("&a ") && !cut.contains("&l "), cut);
    }

    @Test
    void aMarkIsNeverCutInHalf() {
        String passage = "<mark>A</mark> " + "x ".repeat(50) + "<mark>Naturschutzgesetz</mark> " + "y ".repeat(50);
        String cut = Passages.around(passage, 105);
        assertEquals(cut.split("<mark>", -1).length, cut.split("</mark>", -1).length, cut);
    }
}
