package de.zusammenwachsen.workspace.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compounds of a query that the word list lacks, found inside longer words of a real Lucene index. */
class QueryCompoundsTest {

    private static final List<String> TEXTS = List.of(
            "Die untere Denkmalschutzbehörde entscheidet über die Erlaubnis.",
            "Gesetz zur Einsparung von Energie in Gebäuden (Gebäudeenergiegesetz - GEG)",
            "Energie für Gebäude: Förderprogramm der Stadt",
            "Der Schutz der Denkmale obliegt dem Land.",
            "Naturschutzgesetz des Landes");

    private static Analyzer text;
    private static Analyzer query;
    private static Directory directory;
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        text = Analyzers.text();
        query = Analyzers.query();
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(text))) {
            for (String body : TEXTS) {
                Document document = new Document();
                document.add(new TextField(SearchFields.TEXT, body, Field.Store.NO));
                document.add(new TextField(SearchFields.TITLE, "", Field.Store.NO));
                document.add(new StoredField("body", body));
                writer.addDocument(document);
            }
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
        text.close();
        query.close();
    }

    @Test
    void aCompoundTheListLacksIsFoundInsideALongerWord() throws IOException {
        assertFalse(QueryCompounds.listed("Denkmalschutz"), "the example needs a word the list lacks");
        assertEquals(List.of(TEXTS.get(0)), found("Denkmalschutz"));
        assertFalse(QueryCompounds.listed("Gebäudeenergie"));
        assertEquals(List.of(TEXTS.get(1)), found("Gebäudeenergie"), "not the text with Energie and Gebäude apart");
        assertEquals(List.of(TEXTS.get(1)), found("Gebaeudeenergie"), "umlauts written out are folded like the index");
    }

    @Test
    void partsInDifferentWordsDoNotMatch() throws IOException {
        assertFalse(found("Denkmalschutz").contains(TEXTS.get(3)), "Schutz and Denkmale in one sentence is no compound");
    }

    @Test
    void listedShortAndSimpleWordsAreLeftAlone() {
        assertTrue(QueryCompounds.listed("Naturschutz"));
        assertEquals(List.of(), QueryCompounds.parts("Naturschutz", query), "the index has it as a part already");
        assertEquals(List.of(), QueryCompounds.parts("Energie", query), "too short to be split by the index");
        assertEquals(List.of(), QueryCompounds.parts("Grundsteuer1", query), "not a word");
    }

    @Test
    void aCompoundIsReadAsListedWordsWithLinksAndAnEnding() {
        assertEquals(List.of("denkmal", "schutz"), QueryCompounds.listedParts("denkmalschutz"));
        assertEquals(List.of("gebäude", "energie"), QueryCompounds.listedParts("gebäudeenergie"));
        assertEquals(List.of("gebaud", "energi"), QueryCompounds.parts("Gebäudeenergien", query), "an ending");
        assertEquals(List.of("bundes", "naturschutz"), QueryCompounds.listedParts("bundesnaturschutz"),
                "the longest listed word first");
        assertEquals(List.of("gebaud", "energi"), QueryCompounds.parts("Gebaeudeenergie", query),
                "umlauts written out, parts folded and stemmed like the index's");
    }

    @Test
    void aTypoIsNoCompoundOfTheWordsInIt() {
        // "kohle" and "strom" are in it, but "ve" and "nug" are no link or ending: left to the typo-tolerant retry.
        assertEquals(List.of(), QueryCompounds.parts("Kohleverstromnug", query));
        assertEquals(List.of(), QueryCompounds.parts("Tierschutzgestz", query));
        assertEquals(List.of(), QueryCompounds.parts("Bundeskleingartengesez", query));
    }

    @Test
    void aWordWithManyWaysToSplitIsDecidedAtOnce() {
        // "bundes" is "bundes" or "bund" and the link "es": 2^50 ways to read 300 letters, none ending well. Each
        // place is tried once; before that, this did not end (16 times took seconds). The query limit is 300.
        String word = "bundes".repeat(49) + "x";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals(List.of(), QueryCompounds.listedParts(word)));
        assertEquals(List.of("bundes", "bundes", "bundes"), QueryCompounds.listedParts("bundes".repeat(3)));
    }

    @Test
    void aQueryIsSplitIntoCompoundsAndTheRest() {
        QueryCompounds.Split split = QueryCompounds.split("  Denkmalschutz Förderung   Naturschutz ", () -> query);
        assertEquals("Förderung Naturschutz", split.rest());
        assertEquals(Map.of("Denkmalschutz", List.of("denkmal", "schutz")), split.compounds());
        assertEquals(Map.of(), QueryCompounds.split("Energie Straße", () -> {
            throw new AssertionError("short words need no analysis");
        }).compounds());
    }

    private static List<String> found(String word) throws IOException {
        List<String> parts = QueryCompounds.parts(word, query);
        assertFalse(parts.isEmpty(), word + " should have parts");
        IndexSearcher searcher = new IndexSearcher(reader);
        List<String> bodies = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(QueryCompounds.query(parts, 3f), 10).scoreDocs) {
            bodies.add(searcher.storedFields().document(hit.doc).get("body"));
        }
        return bodies;
    }
}
