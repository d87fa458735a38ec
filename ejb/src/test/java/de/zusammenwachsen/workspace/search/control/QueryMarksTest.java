package de.zusammenwachsen.workspace.search.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryMarksTest {

    private static String mark(String query, String text) {
        return QueryMarks.of(query).passage(text, 220);
    }

    @Test
    void umlautsAndSharpSAreFoldedBothWays() {
        assertEquals("Das <mark>Gebäude</mark> an der <mark>Straße</mark>", mark("Gebaeude Strasse",
                "Das Gebäude an der Straße"));
        assertEquals("Das <mark>Gebaeude</mark> steht", mark("Gebäude", "Das Gebaeude steht"));
        assertEquals("Die <mark>Quelle</mark> fließt", mark("quelle", "Die Quelle fließt"));
    }

    @Test
    void inflectionMarksTheWholeWord() {
        assertEquals("Zwei <mark>Arbeitsgruppen</mark> tagen", mark("Arbeitsgruppe", "Zwei Arbeitsgruppen tagen"));
        assertEquals("Die <mark>Arbeitsgruppe</mark> tagt", mark("Arbeitsgruppen", "Die Arbeitsgruppe tagt"));
    }

    @Test
    void aQueryWordInsideACompoundMarksTheCompound() {
        assertEquals("Das <mark>Naturschutzgesetz</mark> gilt", mark("Naturschutz", "Das Naturschutzgesetz gilt"));
        assertEquals("Der <mark>Jugendfreiwilligendienst</mark>", mark("Freiwilligendienst", "Der Jugendfreiwilligendienst"));
    }

    @Test
    void shortWordsMatchWholeWordsOnly() {
        assertNull(mark("EU", "Die Steuer ist neu"));
        assertEquals("Die <mark>EU</mark> und die <mark>EU-Kommission</mark>".replace("EU-Kommission</mark>",
                "EU</mark>-Kommission"), mark("EU", "Die EU und die EU-Kommission"));
        assertNull(mark("Rad", "Das Fahrrad"));
    }

    @Test
    void excludedWordsAndOperatorsAreNotMarked() {
        assertEquals("Kohle und <mark>Strom</mark>", mark("Strom -Kohle", "Kohle und Strom"));
        assertEquals("<mark>Kohle</mark> <mark>und</mark> <mark>Strom</mark>", mark("\"Kohle und Strom\"", "Kohle und Strom"));
        assertEquals("<mark>Kohle</mark>-Abbau", mark("+Kohle*", "Kohle-Abbau"));
    }

    @Test
    void theTextIsEscapedAndMarksCannotBeInjected() {
        String passage = mark("Radweg", "<script>alert(1)</script> Radweg & \"Brücke\" <mark>x</mark>");
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Radweg</mark> &amp; &quot;Brücke&quot; "
                + "&lt;mark&gt;x&lt;/mark&gt;", passage);
    }

    @Test
    void thePassageShowsThePlaceWhereMostQueryWordsMeet() {
        String text = "Radweg allein. " + "Füllwort ".repeat(100) + "Hier kommen Radweg und Brücke zusammen. "
                + "Ende ".repeat(100);
        String passage = mark("Radweg Brücke", text);
        assertTrue(passage.startsWith("… "), passage);
        assertTrue(passage.contains("<mark>Radweg</mark> und <mark>Brücke</mark>"), passage);
        assertTrue(passage.endsWith(" …"), passage);
        assertTrue(passage.length() < 300, passage);
        assertFalse(passage.contains("allein"), passage);
    }

    @Test
    void noMatchNoPassage() {
        assertNull(mark("Windkraft", "Nur über Kohle"));
        assertNull(mark("Windkraft", null));
        assertNull(mark("-", "Text"));
    }

    @Test
    void theOpeningOfATextIsItsEscapedStartCutAtAWord() {
        assertNull(QueryMarks.opening(null, 220));
        assertNull(QueryMarks.opening("  ", 220));
        assertEquals("Kurz &amp; <b>".replace("<b>", "&lt;b&gt;"), QueryMarks.opening("  Kurz & <b>\n", 220));
        String law = "Gesetz über den Schutz der Natur " + "und der Landschaft ".repeat(40);
        String opening = QueryMarks.opening(law, 100);
        assertTrue(opening.startsWith("Gesetz über den Schutz der Natur und"), opening);
        assertTrue(opening.endsWith(" …"), opening);
        assertTrue(opening.length() <= 104, opening);
        assertFalse(opening.contains("<mark>"), opening);
        String blob = "x".repeat(10_000);
        assertEquals("x".repeat(200) + " …", QueryMarks.opening(blob, 100), "a text without spaces is cut too");
    }

    /**
     * The fold that finds the length-changing places with indexOf gives, for random texts made of the characters
     * that matter, the same folded text and the same source of every character as folding one character after the
     * other by the rule (below).
     */
    @Test
    void foldingEqualsTheRuleCharacterByCharacter() {
        String alphabet = "aeouqAEOUQäöüÄÖÜßẞxé „“–\u00e9";
        java.util.Random random = new java.util.Random(20261207);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String source = text.toString();
            QueryMarks.Folded folded = QueryMarks.fold(source);
            StringBuilder expected = new StringBuilder();
            java.util.List<Integer> origins = new java.util.ArrayList<>();
            char previous = 0;
            char beforePrevious = 0;
            for (int i = 0; i < source.length(); i++) {
                char lower = Character.toLowerCase(source.charAt(i));
                char c = switch (lower) {
                    case 'ä' -> 'a';
                    case 'ö' -> 'o';
                    case 'ü' -> 'u';
                    default -> lower;
                };
                boolean dropped = c == 'e' && (previous == 'a' || previous == 'o' || previous == 'u' && beforePrevious != 'q');
                beforePrevious = previous;
                previous = lower;
                if (dropped) {
                    continue;
                }
                for (char out : c == 'ß' ? new char[]{'s', 's'} : new char[]{c}) {
                    expected.append(out);
                    origins.add(i);
                }
            }
            assertEquals(expected.toString(), folded.text(), "folded \"" + source + "\"");
            for (int k = 0; k < origins.size(); k++) {
                assertEquals(origins.get(k), folded.origin(k), "source of character " + k + " of \"" + source + "\"");
            }
        }
    }
}
