package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.core.InvalidInputException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of a search as people type it: validation, and the "did you mean" correction of typos. */
public final class QueryText {

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
        return trimmed;
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
