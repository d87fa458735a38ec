package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The limits on what a query may ask for ({@link QueryText#require}), and that they keep a query below Lucene's
 * 1,024 clauses in an index that is full of short words: there, 20 words with {@code ~} failed inside Lucene.
 */
class QueryLimitsTest {

    /** The guest's query of the security probe: twenty typo-tolerant one-letter words. */
    static final String PROBE = IntStream.range(0, 20).mapToObj(i -> (char) ('a' + i) + "~2")
            .collect(Collectors.joining(" "));

    private static Analyzer text;
    private static Analyzer query;
    private static Directory directory;
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        text = Analyzers.text();
        query = Analyzers.query();
        directory = new ByteBuffersDirectory();
        // Every word of two and three letters and every number below 1000: a one-letter query word with ~2 matches
        // hundreds of them, also with its first letter fixed.
        StringBuilder shortWords = new StringBuilder();
        for (char a = 'a'; a <= 'z'; a++) {
            for (char b = 'a'; b <= 'z'; b++) {
                shortWords.append(a).append(b).append(' ');
                for (char c = 'a'; c <= 'z'; c++) {
                    shortWords.append(a).append(b).append(c).append(' ');
                }
            }
        }
        for (int n = 0; n < 1000; n++) {
            shortWords.append(n).append(' ');
        }
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(text))) {
            Document document = new Document();
            document.add(new TextField(SearchFields.TITLE, shortWords.toString(), Field.Store.NO));
            document.add(new TextField(SearchFields.TEXT, shortWords.toString(), Field.Store.NO));
            document.add(new TextField(SearchFields.PASSAGE, shortWords.toString(), Field.Store.NO));
            writer.addDocument(document);
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
    void wordsAreCountedLikeTheTokenizerCountsThem() {
        assertEquals(3, QueryText.terms("Radwege in Sachsen"));
        assertEquals(20, QueryText.terms(PROBE), "the 2 of a~2 is the operator's, no word");
        assertEquals(2, QueryText.terms("\"Kohle Strom\"~3"));
        assertEquals(3, QueryText.terms("Paragraph 2 BGB"));
        assertEquals(2, QueryText.terms("Straßen-Bahn"));
        assertEquals(2, QueryText.terms("漢字"), "each ideograph is a word of its own");
        assertEquals(0, QueryText.terms("\"\" - *"));
    }

    @Test
    void typoTolerantWordsAndWordStartsAreCountedPhraseSlopIsNot() {
        assertEquals(20, QueryText.expanding(PROBE));
        assertEquals(2, QueryText.expanding("Rad* Wege~ Sachsen"));
        assertEquals(0, QueryText.expanding("\"Kohle und Strom\"~2"), "a phrase's slop expands nothing");
        assertEquals(0, QueryText.expanding("Radwege -Sachsen"));
    }

    @Test
    void theProbesQueryAndOverlongListsOfWordsAreRefusedWithAClearMessage() {
        InvalidInputException expansions = assertThrows(InvalidInputException.class,
                () -> QueryText.require(PROBE, 300));
        assertEquals("search.query.tooManyExpansions", expansions.key());
        assertEquals(QueryText.MAX_EXPANDING, expansions.arguments()[0]);

        String many = words(QueryText.MAX_TERMS + 1);
        InvalidInputException terms = assertThrows(InvalidInputException.class, () -> QueryText.require(many, 300));
        assertEquals("search.query.tooManyTerms", terms.key());
        assertEquals(words(QueryText.MAX_TERMS), QueryText.require(words(QueryText.MAX_TERMS), 300));
        String expanding = IntStream.range(0, QueryText.MAX_EXPANDING).mapToObj(i -> "Weg" + i + "~")
                .collect(Collectors.joining(" "));
        assertEquals(expanding, QueryText.require(expanding, 300));
    }

    /** Without the limits: Lucene's own refusal, which used to reach the guest as a 500. */
    @Test
    void withoutTheLimitsLuceneRefusesTheProbesQuery() {
        assertThrows(IndexSearcher.TooManyClauses.class, () -> search(parse(PROBE)));
    }

    @Test
    void whatTheLimitsLetThroughStaysBelowLucenesLimit() {
        // The most a query may ask for: the allowed number of one-letter words with ~2, and plain words up to the
        // word limit, in the two fields of the search, the title boosted.
        StringBuilder allowed = new StringBuilder();
        for (int i = 0; i < QueryText.MAX_EXPANDING; i++) {
            allowed.append((char) ('a' + i)).append("~2 ");
        }
        int plain = QueryText.MAX_TERMS - QueryText.terms(allowed.toString());
        for (int i = 0; i < plain; i++) {
            allowed.append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        String within = allowed.toString().strip();
        assertEquals(within, QueryText.require(within, 300));
        assertDoesNotThrow(() -> search(parse(within)));

        // The typo-tolerant retry (edit distance 2, one letter fixed) in three fields, for the longest query it is
        // made for.
        List<String> words = new ArrayList<>();
        for (int i = 0; i < QueryText.MAX_TOLERANT_TERMS; i++) {
            words.add(String.valueOf((char) ('a' + i)));
        }
        assertDoesNotThrow(() -> search(tolerant(words)));
        words.add("f");
        words.add("g");
        assertThrows(IndexSearcher.TooManyClauses.class, () -> search(tolerant(words)),
                "a longer query would fail in the retry: the limit is needed");
    }

    @Test
    void luceneRefusingAQueryBecomesAClearMessageAndOtherFailuresStay() {
        RuntimeException wrapped = new IllegalStateException("search failed", new IndexSearcher.TooManyNestedClauses());
        RuntimeException refusal = QueryText.refusal(wrapped);
        assertEquals(InvalidInputException.class, refusal.getClass());
        assertEquals("search.query.tooComplex", ((InvalidInputException) refusal).key());
        IllegalStateException other = new IllegalStateException("disk full");
        assertSame(other, QueryText.refusal(other));
    }

    private static String words(int count) {
        return IntStream.range(0, count).mapToObj(i -> "Wort").collect(Collectors.joining(" "));
    }

    /** As the search reads a query: simple query syntax over title (boosted) and text, all words required. */
    private static Query parse(String text) {
        SimpleQueryParser parser = new SimpleQueryParser(query, Map.of(SearchFields.TITLE, 3f, SearchFields.TEXT, 1f));
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(text);
    }

    /** As the typo-tolerant retry reads a query: each word in title, text and passage, similar spellings allowed. */
    private static Query tolerant(List<String> words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String field : List.of(SearchFields.TITLE, SearchFields.TEXT, SearchFields.PASSAGE)) {
            BooleanQuery.Builder inField = new BooleanQuery.Builder();
            words.forEach(word -> inField.add(new FuzzyQuery(new Term(field, word), 2, 1), BooleanClause.Occur.MUST));
            all.add(inField.build(), BooleanClause.Occur.SHOULD);
        }
        return all.build();
    }

    private static void search(Query query) throws IOException {
        new IndexSearcher(reader).search(query, 10);
    }
}
