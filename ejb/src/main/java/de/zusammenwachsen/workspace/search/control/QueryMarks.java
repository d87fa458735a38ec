package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.core.Html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of a query marked in the stored start of an item's text, as a short passage of escaped HTML with
 * {@code <mark>} elements around the place where most of the query's words meet.
 *
 * <p>Why not Lucene's unified highlighter on every hit: it rebuilds the query's weights against each hit's term
 * vectors, decompresses them and walks sentence boundaries through up to 10,000 characters; JFR showed it taking
 * almost half of a results page's CPU time. This marker folds the stored text once (lower case, umlauts and ß as
 * the index folds them) and looks for each query word with its inflection ending taken off, which costs a few
 * microseconds per hit (most hits are decided by their first 2,000 characters). It marks whole words, so a query word inside a compound marks the compound, like the
 * index's word splitting finds it. The matches it shows are the likely reason for the hit, not a proof of it; the
 * typo-tolerant retry, whose words differ from the query's, still uses Lucene's highlighter.
 */
public final class QueryMarks {

    /** Words this short inside another word are mostly chance (the index splits compounds into parts of 4+). */
    static final int MIN_PART = 4;
    /** Only long words are split into parts by the index (GermanAnalysis.MIN_COMPOUND_LENGTH). */
    static final int MIN_COMPOUND = 9;
    /** A short query word marks a word starting with it only when at most this much is left: an inflection. */
    static final int MAX_ENDING = 3;
    private static final String[] ENDINGS = {"ern", "em", "en", "er", "es", "e", "n", "s"};
    /** How much of a text is folded first (see {@link #passage}). */
    static final int FIRST_PART = 2_000;

    private final List<String> terms;

    private QueryMarks(List<String> terms) {
        this.terms = terms;
    }

    /** The words to mark for a query as people type it: quotes and operators dropped, excluded words left out. */
    public static QueryMarks of(String query) {
        Set<String> terms = new HashSet<>();
        String text = query == null ? "" : query;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            boolean excluded = start > 0 && text.charAt(start - 1) == '-'
                    && (start == 1 || Character.isWhitespace(text.charAt(start - 2)) || text.charAt(start - 2) == '"');
            if (!excluded) {
                String term = reduce(fold(text.substring(start, i)).text());
                if (!term.isEmpty()) {
                    terms.add(term);
                }
            }
        }
        return new QueryMarks(List.copyOf(terms));
    }

    /**
     * About {@code length} characters of the text around its best place for the query, escaped, with the matched
     * words marked; null when no query word is in the text (the hit matched elsewhere, in the title say).
     */
    public String passage(String text, int length) {
        if (text == null || text.isEmpty() || terms.isEmpty()) {
            return null;
        }
        // Most hits show their query words early: fold a first part only, and the whole text when that part cannot
        // decide. It decides when its best window holds every query word and the passage ends inside it: then no
        // window starting before it could reach further, and none after it can hold more words. A stored text is
        // up to 10,000 characters; folding all of it for each of 20 hits was most of this class's time.
        int prefix = prefixEnd(text, FIRST_PART);
        if (prefix < text.length()) {
            List<Mark> marks = marks(fold(text.substring(0, prefix)));
            if (!marks.isEmpty()) {
                Window best = bestWindow(marks, length);
                if (best.words() == terms.size() && marks.get(best.mark()).start() + 2 * length <= prefix) {
                    return render(text, length, marks, marks.get(best.mark()).start());
                }
            }
        }
        List<Mark> marks = marks(fold(text));
        if (marks.isEmpty()) {
            return null;
        }
        return render(text, length, marks, marks.get(bestWindow(marks, length).mark()).start());
    }

    /**
     * The start of a text as an unmarked passage of about {@code length} characters, escaped; null for no text. For
     * a hit whose query words are not in its stored start (it matched in the title, or further into a long text than
     * is stored): the opening tells what the item is, where an empty space under the title would tell nothing.
     */
    public static String opening(String text, int length) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String start = text.strip();
        // Only the part that can be shown is escaped, at most twice the length (like render's window, so a text
        // without spaces cannot make the passage its whole self); Passages cuts it at a space.
        int end = Math.min(start.length(), 2 * length);
        if (end < start.length() && Character.isHighSurrogate(start.charAt(end - 1))) {
            end--;
        }
        StringBuilder html = new StringBuilder(end + 32);
        Html.escape(start, 0, end, html);
        String passage = Passages.around(html.toString(), length);
        return end < start.length() && passage != null && !passage.endsWith(Passages.ELLIPSIS) ? passage + " "
                + Passages.ELLIPSIS : passage;
    }

    /** Where the first part to fold ends: after {@code length} characters, at the next white space (a word's end). */
    private static int prefixEnd(String text, int length) {
        if (text.length() <= length) {
            return text.length();
        }
        for (int i = length; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    /** The passage around {@code bestStart}, escaped, with the marks that fall into it. */
    private static String render(String text, int length, List<Mark> marks, int bestStart) {
        // A little text before the best place (at a word's start), then marks and text; Passages cuts the rest.
        int from = Math.max(0, bestStart - length / 4);
        int space = from == 0 ? -1 : text.indexOf(' ', from);
        if (space >= 0 && space < bestStart) {
            from = space + 1;
        }
        int to = Math.min(text.length(), bestStart + 2 * length);
        StringBuilder html = new StringBuilder(to - from + 64);
        int at = from;
        for (Mark mark : marks) {
            if (mark.start() < from || mark.start() >= to) {
                continue;
            }
            Html.escape(text, at, mark.start(), html);
            html.append("<mark>");
            Html.escape(text, mark.start(), Math.min(mark.end(), to), html);
            html.append("</mark>");
            at = Math.min(mark.end(), to);
        }
        Html.escape(text, at, to, html);
        String passage = Passages.around(html.toString(), length);
        return from > 0 && passage != null && !passage.startsWith(Passages.ELLIPSIS) ? Passages.ELLIPSIS + " " + passage
                : passage;
    }

    /** The marked words in text order, each once, with the query word it matched. */
    private List<Mark> marks(Folded folded) {
        List<Mark> marks = new ArrayList<>();
        String f = folded.text();
        for (int t = 0; t < terms.size(); t++) {
            String term = terms.get(t);
            for (int p = f.indexOf(term); p >= 0; p = f.indexOf(term, p + 1)) {
                int wordStart = p;
                while (wordStart > 0 && Character.isLetterOrDigit(f.charAt(wordStart - 1))) {
                    wordStart--;
                }
                int wordEnd = p + term.length();
                while (wordEnd < f.length() && Character.isLetterOrDigit(f.charAt(wordEnd))) {
                    wordEnd++;
                }
                int wordLength = wordEnd - wordStart;
                boolean matches = p == wordStart
                        ? term.length() >= MIN_PART || wordLength - term.length() <= MAX_ENDING
                        : term.length() >= MIN_PART && wordLength >= MIN_COMPOUND;
                if (matches) {
                    int end = folded.origin(wordEnd - 1) + 1;
                    // A folded-away letter at the word's end ("ae" → "a") still belongs to the word.
                    while (end < folded.source().length() && Character.isLetterOrDigit(folded.source().charAt(end))) {
                        end++;
                    }
                    marks.add(new Mark(folded.origin(wordStart), end, t));
                }
                p = wordEnd - 1;
            }
        }
        marks.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Mark> distinct = new ArrayList<>();
        for (Mark mark : marks) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1).end() <= mark.start()) {
                distinct.add(mark);
            }
        }
        return distinct;
    }

    /** The mark that starts the window of the given length with the most different query words; the first of equals. */
    private Window bestWindow(List<Mark> marks, int length) {
        int best = 0;
        int bestWords = 0;
        for (int i = 0; i < marks.size() && bestWords < terms.size(); i++) {
            Set<Integer> words = new HashSet<>();
            for (int j = i; j < marks.size() && marks.get(j).end() - marks.get(i).start() <= length; j++) {
                words.add(marks.get(j).term());
            }
            if (words.size() > bestWords) {
                best = i;
                bestWords = words.size();
            }
        }
        return new Window(best, bestWords);
    }

    /** A query word without its inflection ending, as long as four letters remain (a rough light stemming). */
    static String reduce(String word) {
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_PART) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    /**
     * Lower case with umlauts and ß folded the way the index folds them (ä, ae → a; ß → ss), remembering where each
     * folded character came from.
     */
    static Folded fold(String text) {
        // This runs over up to 10,000 characters for each of a page's hits, mostly over texts that hold the query's
        // words late or not at all, and was the largest part of a search's own time. A loop deciding for each
        // character whether it is an "e" to drop costs more than the rest of the work (an "e" is every sixth letter,
        // the branch is mispredicted): so all characters are first folded one to one from two tables, and the few
        // places that change the length (a dropped "e", an ß) are then found with indexOf and spliced in one copy.
        // Where a folded character came from is kept as the places where the distance between the texts changes.
        char[] chars = text.toCharArray();
        int n = chars.length;
        for (int i = 0; i < n; i++) {
            char raw = chars[i];
            chars[i] = raw < 256 ? FOLDED[raw] : Character.toLowerCase(raw);
        }
        String oneToOne = new String(chars);
        int[] events = events(text, oneToOne);
        if (events.length == 0) {
            return new Folded(text, oneToOne, NO_SHIFTS);
        }
        char[] folded = new char[n + events.length];
        int[] shifts = new int[2 * events.length];
        int length = 0;
        int from = 0;
        int delta = 0;
        for (int k = 0; k < events.length; k++) {
            int at = events[k];
            System.arraycopy(chars, from, folded, length, at - from);
            length += at - from;
            if (chars[at] == 'ß') {
                folded[length++] = 's';
                folded[length++] = 's';
                delta--;
                shifts[2 * k] = length - 1;
            } else {
                delta++; // a dropped "e"
                shifts[2 * k] = length;
            }
            shifts[2 * k + 1] = delta;
            from = at + 1;
        }
        System.arraycopy(chars, from, folded, length, n - from);
        length += n - from;
        return new Folded(text, new String(folded, 0, length), shifts);
    }

    /**
     * The places, in order, where folding changes the length: each ß, and each "e" written after a, o or u for an
     * umlaut ("ae", "oe", "ue"; not "que": Quelle, Frequenz). {@code oneToOne} is the text folded character by
     * character; the source tells an "a" from an "ä", whose following "e" stays.
     */
    private static int[] events(String source, String oneToOne) {
        int[] events = NO_SHIFTS;
        int count = 0;
        for (int at = oneToOne.indexOf('ß'); at >= 0; at = oneToOne.indexOf('ß', at + 1)) {
            events = add(events, count++, at);
        }
        for (String pair : UMLAUT_PAIRS) {
            for (int at = oneToOne.indexOf(pair); at >= 0; at = oneToOne.indexOf(pair, at + 1)) {
                char vowel = lower(source.charAt(at));
                if (vowel == pair.charAt(0) && (vowel != 'u' || at == 0 || lower(source.charAt(at - 1)) != 'q')) {
                    events = add(events, count++, at + 1);
                }
            }
        }
        events = Arrays.copyOf(events, count);
        Arrays.sort(events);
        return events;
    }

    private static final String[] UMLAUT_PAIRS = {"ae", "oe", "ue"};
    private static final int[] NO_SHIFTS = {};

    private static char lower(char c) {
        return c < 256 ? LOWER[c] : Character.toLowerCase(c);
    }

    private static int[] add(int[] values, int count, int value) {
        int[] grown = values.length > count ? values : Arrays.copyOf(values, Math.max(16, values.length * 2));
        grown[count] = value;
        return grown;
    }

    /** Latin-1 in lower case, and the same with ä, ö, ü as a, o, u (ß stays, it becomes two letters). */
    private static final char[] LOWER = new char[256];
    private static final char[] FOLDED = new char[256];

    static {
        for (char c = 0; c < 256; c++) {
            LOWER[c] = Character.toLowerCase(c);
            FOLDED[c] = switch (LOWER[c]) {
                case 'ä' -> 'a';
                case 'ö' -> 'o';
                case 'ü' -> 'u';
                default -> LOWER[c];
            };
        }
    }

    /**
     * A folded text and where its characters came from: {@code shifts} holds pairs (folded index, delta) in order,
     * each saying that from that index on a folded index plus delta is the index in {@code source}.
     */
    record Folded(String source, String text, int[] shifts) {

        /** The index in the source of the folded character at {@code index}. */
        int origin(int index) {
            int low = 0;
            int high = shifts.length / 2 - 1;
            int delta = 0;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (shifts[2 * middle] <= index) {
                    delta = shifts[2 * middle + 1];
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return index + delta;
        }
    }

    private record Mark(int start, int end, int term) {
    }

    /** The mark a window starts at, and how many different query words it holds. */
    private record Window(int mark, int words) {
    }
}
