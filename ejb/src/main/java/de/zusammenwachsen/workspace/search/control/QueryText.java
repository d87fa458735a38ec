package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import org.apache.lucene.search.IndexSearcher;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a search as people type it: validation, and the "did you mean" correction of typos.
 *
 * <p>Lucene refuses a query of more than 1,024 clauses ({@link IndexSearcher#getMaxClauseCount()}), counted after
 * it has expanded every typo-tolerant word ({@code Wort~}) and every word start ({@code Wort*}) into the indexed
 * words it matches, up to 50 for each word in each field. So the limits here are on what a query may ask for, not
 * on its length alone: 20 words with {@code ~} in the two searched fields asked for up to 2,000 clauses and failed
 * inside Lucene. A query within these limits stays below Lucene's: {@link #MAX_TERMS} plain words are 80 clauses,
 * {@link #MAX_EXPANDING} expanded words 500, and the typo-tolerant retry of {@link #MAX_TOLERANT_TERMS} words in
 * three fields 750.
 */
public final class QueryText {

    /** At most this many words in a query; more do not narrow a search any further. */
    public static final int MAX_TERMS = 40;
    /** At most this many words with {@code ~} or {@code *}: each expands into up to 100 clauses (50 per field). */
    public static final int MAX_EXPANDING = 5;
    /**
     * The automatic typo-tolerant retry is made for queries of at most this many words: it expands each word in
     * three fields; a longer query with few hits is rarely a typo.
     */
    public static final int MAX_TOLERANT_TERMS = 5;

    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A correction is offered only for words this close to what the typo-tolerant search matched. */
    static final int MAX_DISTANCE = 2;

    private QueryText() {
    }

    /** The trimmed text; a clear message for an empty or overlong one. */
    public static String require(String text, int maxLength) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("search.query.empty");
        }
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException("search.query.tooLong", maxLength);
        }
        if (expanding(trimmed) > MAX_EXPANDING) {
            throw new InvalidInputException("search.query.tooManyExpansions", MAX_EXPANDING);
        }
        if (terms(trimmed) > MAX_TERMS) {
            throw new InvalidInputException("search.query.tooManyTerms", MAX_TERMS);
        }
        return trimmed;
    }

    /**
     * The number of words in the text as the index's tokenizer counts them, or a few more: runs of letters and
     * digits, and each ideograph or kana by itself (the standard tokenizer makes a word of each). The number after
     * a {@code ~} is an operator's argument, not a word.
     */
    public static int terms(String text) {
        int terms = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '~') {
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                inWord = false;
            } else if (!Character.isLetterOrDigit(c)) {
                inWord = false;
            } else if (single(c)) {
                terms++;
                inWord = false;
            } else if (!inWord) {
                terms++;
                inWord = true;
            }
        }
        return terms;
    }

    private static boolean single(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return Character.isIdeographic(c) || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /**
     * The number of words that Lucene expands into the indexed words they match: a word followed by {@code ~}
     * (similar spellings) or {@code *} (word start). A {@code ~} after a closing quote is a phrase's slop, which
     * expands nothing.
     */
    public static int expanding(String text) {
        int count = 0;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '~' || c == '*') && Character.isLetterOrDigit(text.charAt(i - 1))) {
                count++;
            }
        }
        return count;
    }

    /**
     * What a failed search becomes: a query that Lucene found too large after all (its expansions beyond
     * {@link IndexSearcher#getMaxClauseCount()}) is the searcher's input, refused with a clear message like the
     * limits above, not a server error with a stack trace; any other failure stays what it is.
     */
    public static RuntimeException refusal(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IndexSearcher.TooManyClauses) {
                return new InvalidInputException("search.query.tooComplex");
            }
        }
        return failure;
    }

    /** Plain words only: phrases, exclusions and operators say exactly what is meant, so no typo tolerance. */
    public static boolean plain(String text) {
        return text.chars().noneMatch(c -> c == '"' || c == '-' || c == '+' || c == '*' || c == '|' || c == '~'
                || c == '(' || c == ')');
    }

    /** The words inside {@code <mark>} of a highlighted passage, as written in the text. */
    public static List<String> marks(String passage) {
        List<String> words = new ArrayList<>();
        Matcher matcher = MARK.matcher(passage == null ? "" : passage);
        while (matcher.find()) {
            words.add(unescape(matcher.group(1)));
        }
        return words;
    }

    /**
     * The query with each word replaced by the closest matched word that differs from it by a typo (at most two
     * edits, ignoring case and umlaut spelling); null when no word needed a correction.
     */
    public static String correction(String text, List<String> matched) {
        Matcher words = WORD.matcher(text);
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        while (words.find()) {
            String word = words.group();
            String best = null;
            int bestDistance = MAX_DISTANCE + 1;
            for (String candidate : matched) {
                if (fold(candidate).equals(fold(word))) {
                    best = null;
                    bestDistance = 0;
                    break;
                }
                int distance = distance(fold(word), fold(candidate));
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            if (best != null && bestDistance <= MAX_DISTANCE) {
                words.appendReplacement(corrected, Matcher.quoteReplacement(best));
                changed = true;
            } else {
                words.appendReplacement(corrected, Matcher.quoteReplacement(word));
            }
        }
        words.appendTail(corrected);
        return changed ? corrected.toString() : null;
    }

    static String fold(String word) {
        String lower = word.toLowerCase(Locale.GERMAN).replace("ß", "ss").replace("ä", "ae").replace("ö", "oe")
                .replace("ü", "ue");
        return Normalizer.normalize(lower, Normalizer.Form.NFC);
    }

    /** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters is one typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#39;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
    }
}
