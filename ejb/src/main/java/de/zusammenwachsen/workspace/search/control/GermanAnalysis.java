package de.zusammenwachsen.workspace.search.control;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How search reads German. Text is indexed with {@link #TEXT}, queries are read with {@link #QUERY}; both lowercase,
 * fold umlauts and ß ({@code Gebaeude} = {@code Gebäude}, {@code Strasse} = {@code Straße}) and reduce inflection
 * with Lucene's light German stemmer ({@code Arbeitsgruppen} = {@code Arbeitsgruppe}).
 *
 * <p>Only the indexed side splits compounds: a long word is indexed as itself and as every word of
 * {@code compound-parts.txt} inside it, so {@code Jugendfreiwilligendienst} is also found as {@code Freiwilligendienst}
 * and {@code Naturschutzgesetz} as {@code Naturschutz}. Queries are not split into alternatives, or
 * {@code Freiwilligendienst} would also match every text with {@code Dienst}; a query compound the list lacks is
 * looked for by all of its parts in one word instead ({@link QueryCompounds}). The split runs before the umlaut folding because the word list holds
 * words as they are written. Analyzers are named by Lucene's SPI names: WildFly does not let deployments see
 * Lucene's factory classes (STACK-NOTES, gotcha 5).
 */
public class GermanAnalysis implements LuceneAnalysisConfigurer {

    public static final String TEXT = "german";
    public static final String QUERY = "german_query";
    /** Titles as prefixes (edge n-grams) for suggestions while typing; {@link #PREFIX_QUERY} reads the typed prefix. */
    public static final String PREFIX = "prefix";
    public static final String PREFIX_QUERY = "prefix_query";

    static final String DICTIONARY = "de/zusammenwachsen/workspace/search/control/compound-parts.txt";
    /** Shorter words are rarely compounds; skipping them keeps indexing the large law texts fast. */
    static final String MIN_COMPOUND_LENGTH = "9";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(TEXT).custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("dictionaryCompoundWord")
                .param("dictionary", DICTIONARY)
                .param("minWordSize", MIN_COMPOUND_LENGTH)
                .param("minSubwordSize", "4")
                .param("maxSubwordSize", "24")
                .param("onlyLongestMatch", "false")
                .tokenFilter("germanNormalization")
                .tokenFilter("germanLightStem")
                .tokenFilter("removeDuplicates");
        context.analyzer(QUERY).custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("germanNormalization")
                .tokenFilter("germanLightStem");
        context.analyzer(PREFIX).custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("germanNormalization")
                .tokenFilter("edgeNGram")
                .param("minGramSize", "1")
                .param("maxGramSize", "20");
        context.analyzer(PREFIX_QUERY).custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("germanNormalization");
    }
}
