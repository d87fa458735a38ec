package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryTextTest {

    @Test
    void emptyAndOverlongQueriesAreRefused() {
        assertThrows(InvalidInputException.class, () -> QueryText.require("   ", 10));
        assertThrows(InvalidInputException.class, () -> QueryText.require(null, 10));
        assertThrows(InvalidInputException.class, () -> QueryText.require("x".repeat(11), 10));
        assertEquals("Radwege", QueryText.require("  Radwege ", 10));
    }

    @Test
    void phrasesAndExclusionsAreNotPlain() {
        assertTrue(QueryText.plain("Kohleverstromnug Gesetz"));
        assertFalse(QueryText.plain("\"Kohle und Strom\""));
        assertFalse(QueryText.plain("Radwege -Sachsen"));
    }

    @Test
    void correctsATypoToTheMatchedWord() {
        assertEquals("Kohleverstromung", QueryText.correction("Kohleverstromnug",
                QueryText.marks("zur Beendigung der <mark>Kohleverstromung</mark> und")));
        assertEquals("Gesetz zur Kohleverstromung", QueryText.correction("Gesetz zur Kohleverstromnug",
                List.of("Gesetz", "Kohleverstromung")));
    }

    @Test
    void noCorrectionWhenNothingIsClose() {
        assertNull(QueryText.correction("Radwege", List.of("Kohleverstromung")));
        assertNull(QueryText.correction("Straße", List.of("Strasse")), "a different spelling is no typo");
    }

    @Test
    void swappedLettersAreOneTypo() {
        assertEquals(1, QueryText.distance("verstromnug", "verstromung"));
        assertEquals(2, QueryText.distance("abc", "a"));
    }

    @Test
    void marksAreUnescaped() {
        assertEquals(List.of("A&B", "x"), QueryText.marks("<mark>A&amp;B</mark> y <mark>x</mark>"));
    }
}
