package de.zusammenwachsen.workspace.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysis chains of {@link GermanAnalysis} ({@link Analyzers}): a word written one way in a query must meet the
 * same word written another way in a text.
 */
class GermanAnalysisTest {

    private static Analyzer text;
    private static Analyzer query;

    @BeforeAll
    static void build() {
        text = Analyzers.text();
        query = Analyzers.query();
    }

    @Test
    void umlautsAndSharpS() throws IOException {
        assertFinds("Gebaeude", "Das Gebäude am Markt");
        assertFinds("Gebäude", "Das Gebaeude am Markt");
        assertFinds("Strasse", "An der Straße");
        assertFinds("Straße", "An der Strasse");
        assertFinds("Buergerbeteiligung", "Bürgerbeteiligung");
    }

    @Test
    void inflection() throws IOException {
        assertFinds("Arbeitsgruppen", "Die Arbeitsgruppe tagt");
        assertFinds("Arbeitsgruppe", "Alle Arbeitsgruppen tagen");
        assertFinds("Radwege", "ein neuer Radweg");
    }

    @Test
    void compoundsInTheTextAreFoundByTheirParts() throws IOException {
        assertFinds("Naturschutz", "Bundesnaturschutzgesetz");
        assertFinds("Naturschutz", "das Naturschutzgesetz des Landes");
        assertFinds("Freiwilligendienst", "Gesetz zur Förderung von Jugendfreiwilligendiensten");
        assertFinds("Kohleverstromung", "Gesetz zur Reduzierung und zur Beendigung der Kohleverstromung");
    }

    @Test
    void queriesAreNotSplit() throws IOException {
        assertEquals(1, tokens(query, "Freiwilligendienst").size(), "a query word stays one word");
    }

    private static void assertFinds(String queryText, String indexed) throws IOException {
        List<String> indexTerms = tokens(text, indexed);
        for (String term : tokens(query, queryText)) {
            assertTrue(indexTerms.contains(term), () -> "'" + queryText + "' (" + term + ") should find '" + indexed
                    + "' " + indexTerms);
        }
    }

    private static List<String> tokens(Analyzer analyzer, String input) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", input)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
