package de.zusammenwachsen.workspace.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The analysis chains of {@link GermanAnalysis}, built with Lucene directly from the same SPI names and word list. */
final class Analyzers {

    private Analyzers() {
    }

    /** {@link GermanAnalysis#TEXT}: how texts are indexed, compounds split. */
    static Analyzer text() {
        try {
            return CustomAnalyzer.builder(loader()).withTokenizer("standard").addTokenFilter("lowercase")
                    .addTokenFilter("dictionaryCompoundWord", "dictionary", GermanAnalysis.DICTIONARY,
                            "minWordSize", GermanAnalysis.MIN_COMPOUND_LENGTH, "minSubwordSize", "4",
                            "maxSubwordSize", "24", "onlyLongestMatch", "false")
                    .addTokenFilter("germanNormalization").addTokenFilter("germanLightStem")
                    .addTokenFilter("removeDuplicates").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link GermanAnalysis#QUERY}: how queries are read. */
    static Analyzer query() {
        try {
            return CustomAnalyzer.builder(loader()).withTokenizer("standard").addTokenFilter("lowercase")
                    .addTokenFilter("germanNormalization").addTokenFilter("germanLightStem").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClasspathResourceLoader loader() {
        return new ClasspathResourceLoader(GermanAnalysis.class.getClassLoader());
    }
}
