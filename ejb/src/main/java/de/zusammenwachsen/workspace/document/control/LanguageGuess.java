package de.zusammenwachsen.workspace.document.control;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells German from English text by their most frequent short words. The network's documents are German, some
 * English; a small, dependable rule is enough to label them and pick the search analyser later.
 */
public final class LanguageGuess {

    private static final Set<String> GERMAN = Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "von", "den",
            "des", "für", "auf", "dem", "ein", "eine", "zu", "im", "sich", "auch", "werden", "nach", "oder", "bei");
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "is", "in", "that", "for", "with",
            "are", "this", "be", "on", "not", "by", "or", "from", "as", "which", "it");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    private LanguageGuess() {
    }

    /** "de", "en", or null when the text is too short or neither. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String sample = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        int german = 0;
        int english = 0;
        int words = 0;
        var matcher = WORD.matcher(sample.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group();
            words++;
            if (GERMAN.contains(word)) {
                german++;
            }
            if (ENGLISH.contains(word)) {
                english++;
            }
        }
        if (words < 20 || Math.max(german, english) < words / 20) {
            return null;
        }
        return german >= english ? "de" : "en";
    }
}
