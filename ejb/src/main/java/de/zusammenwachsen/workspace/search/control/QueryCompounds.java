package de.zusammenwachsen.workspace.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A compound in a query that the word list does not hold, looked for as the word parts it is made of.
 *
 * <p>The index splits a long word into every word of {@code compound-parts.txt} inside it, all at the word's own
 * position (see {@link GermanAnalysis}). So {@code Naturschutz}, which the list holds, finds
 * {@code Naturschutzgesetz}; but {@code Denkmalschutz} or {@code Gebäudeenergie}, which it does not hold, would only
 * find texts that have exactly that word, not {@code Denkmalschutzbehörde} or {@code Gebäudeenergiegesetz}. Any word
 * containing the query word holds every list word the query word holds, so such a word is found by all of its parts
 * at one and the same position: a phrase whose terms share position 0. Parts of different words of a text, like
 * "Energie für Gebäude", do not meet at one position and are not found by it.
 *
 * <p>Words the list holds are left alone (the index already has them as parts), as are short words (the index does
 * not split them either) and words that do not read wholly as two or more listed words with links between them
 * (a typo like {@code Kohleverstromnug} is left to the typo-tolerant retry).
 */
public final class QueryCompounds {

    private static final int MIN_LENGTH = Integer.parseInt(GermanAnalysis.MIN_COMPOUND_LENGTH);
    /** The index's sizes of parts (GermanAnalysis: minSubwordSize, maxSubwordSize). */
    private static final int MIN_PART = 4;
    private static final int MAX_PART = 24;
    /** What may stand between two parts (Fugenelemente) or after the last (an ending); "" for none. */
    private static final List<String> LINKS = List.of("", "s", "n", "e", "es", "en", "er", "ns", "ens", "ern");

    private static final class Dictionary {
        static final Set<String> WORDS = load();
    }

    private QueryCompounds() {
    }

    /**
     * The parts of {@code word} as the index has them (lower case, folded, stemmed), in text order; empty when the
     * word is short, is itself in the word list, or is not made of at least two listed words. {@code query} is the
     * index's query analyzer {@link GermanAnalysis#QUERY}, which folds and stems a part like the index does.
     */
    public static List<String> parts(String word, Analyzer query) {
        String lower = word.toLowerCase(Locale.GERMAN);
        if (lower.length() < MIN_LENGTH || !lower.chars().allMatch(Character::isLetter)) {
            return List.of();
        }
        // The word list holds words as they are written, and the index splits before it folds umlauts: a query
        // typed without umlauts ("Gebaeudeenergie") is split as it would be written with them.
        String umlauts = lower.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü");
        if (Dictionary.WORDS.contains(lower) || Dictionary.WORDS.contains(umlauts)) {
            return List.of();
        }
        List<String> split = listedParts(lower);
        if (split.isEmpty() && !umlauts.equals(lower)) {
            split = listedParts(umlauts);
        }
        Set<String> parts = new LinkedHashSet<>();
        for (String part : split) {
            parts.add(analysed(part, query));
        }
        return parts.size() < 2 ? List.of() : List.copyOf(parts);
    }

    /**
     * The word as listed words one after the other, the longest first, with only a linking "s", "n", "es", … between
     * them and an ending after the last; empty when it cannot be read so. Parts that leave letters unexplained
     * would find words the query does not mean: {@code Kohleverstromnug} (a typo) holds "kohle" and "strom", but
     * is no compound of them, and is better served by the typo-tolerant retry.
     */
    static List<String> listedParts(String word) {
        List<String> parts = new ArrayList<>();
        return cover(word, 0, parts, new boolean[word.length()]) && parts.size() >= 2 ? parts : List.of();
    }

    /**
     * Whether the word from {@code from} on reads as listed words; {@code parts} gets them. {@code dead} remembers
     * the places from which it does not: whether the rest reads does not depend on how the word got there, and
     * without it a word of many ways to split ("bundes" 16 times and an "x") took seconds, exponentially more with
     * every part.
     */
    private static boolean cover(String word, int from, List<String> parts, boolean[] dead) {
        if (dead[from]) {
            return false;
        }
        for (int end = Math.min(word.length(), from + MAX_PART); end >= from + MIN_PART; end--) {
            String part = word.substring(from, end);
            if (end - from < word.length() && Dictionary.WORDS.contains(part)) {
                parts.add(part);
                if (LINKS.contains(word.substring(end))) {
                    return true;
                }
                for (String link : LINKS) {
                    if (word.startsWith(link, end) && end + link.length() < word.length()
                            && cover(word, end + link.length(), parts, dead)) {
                        return true;
                    }
                }
                parts.remove(parts.size() - 1);
            }
        }
        dead[from] = true;
        return false;
    }

    private static String analysed(String part, Analyzer query) {
        try (TokenStream tokens = query.tokenStream(SearchFields.TEXT, part)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            String analysed = tokens.incrementToken() ? term.toString() : part;
            tokens.end();
            return analysed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Items whose title (boosted like the title's words) or text has one word holding all {@code parts}. */
    public static Query query(List<String> parts, float titleBoost) {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(onePosition(SearchFields.TITLE, parts), titleBoost), BooleanClause.Occur.SHOULD)
                .add(onePosition(SearchFields.TEXT, parts), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** A phrase of the parts all at position 0: they must be parts of one and the same word. */
    static Query onePosition(String field, List<String> parts) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        parts.forEach(part -> phrase.add(new Term(field, part), 0));
        return phrase.build();
    }

    private static Set<String> load() {
        InputStream in = QueryCompounds.class.getClassLoader().getResourceAsStream(GermanAnalysis.DICTIONARY);
        if (in == null) {
            throw new IllegalStateException("word list missing: " + GermanAnalysis.DICTIONARY);
        }
        Set<String> words = new HashSet<>(64_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    words.add(entry.toLowerCase(Locale.GERMAN));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    /** Whether the word list holds the word (for tests). */
    static boolean listed(String word) {
        return Dictionary.WORDS.contains(word.toLowerCase(Locale.GERMAN));
    }

    /**
     * A plain query (words only, see {@link QueryText#plain}) split at white space into the compounds to look for by
     * their parts too, each with its parts, and the rest, to look for as it is; {@code analyzer} (the query
     * analyzer) is asked for only when
     * a word is long enough to be such a compound.
     */
    public static Split split(String query, Supplier<Analyzer> analyzer) {
        Map<String, List<String>> compounds = new LinkedHashMap<>();
        StringBuilder rest = new StringBuilder();
        for (String word : query.strip().split("\\s+")) {
            List<String> parts = word.length() >= MIN_LENGTH ? parts(word, analyzer.get()) : List.of();
            if (parts.isEmpty()) {
                rest.append(rest.isEmpty() ? "" : " ").append(word);
            } else {
                compounds.put(word, parts);
            }
        }
        return new Split(rest.toString(), compounds);
    }

    /** A query's compounds with their parts, and the rest of its words. */
    public record Split(String rest, Map<String, List<String>> compounds) {
    }
}
