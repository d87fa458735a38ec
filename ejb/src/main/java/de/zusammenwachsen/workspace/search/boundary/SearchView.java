package de.zusammenwachsen.workspace.search.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a search hands to the page and to the API: hits, counts and facets already narrowed to what the viewer may
 * read at the moment of the query.
 */
public final class SearchView {

    private SearchView() {
    }

    /** The kinds of things found, in the order the facet lists them. */
    public enum Kind {
        DOCUMENT, THREAD, POST, MEETING, MINUTES, DECISION, ACTION_ITEM, GROUP;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Kind ofKey(String key) {
            for (Kind kind : values()) {
                if (kind.key().equals(key) || kind.name().equalsIgnoreCase(key)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public enum Sort {
        RELEVANCE, DATE
    }

    /**
     * What to look for; every part but {@code text} optional (null). {@code group} is a group's slug, {@code folder}
     * a folder id inside that group (its subfolders included), {@code actionField} and {@code region} slugs,
     * {@code author} an account id, {@code from} and {@code to} the days bounding the item's date (both included).
     * The text understands {@code "quoted phrases"} and {@code -exclusion}.
     */
    public record Query(String text, List<Kind> kinds, String group, Long folder, String actionField, String region,
                        Long author, LocalDate from, LocalDate to, Sort sort) {

        public static Query of(String text) {
            return new Query(text, List.of(), null, null, null, null, null, null, null, Sort.RELEVANCE);
        }
    }

    /**
     * One hit. {@code passage} is HTML: the matching passage with the query's words in {@code <mark>}, everything
     * else escaped (null when only the title matched). {@code link} is the page's path within the site, without the
     * context path. {@code passageFurther}: the query's words are not in the stored start of a longer text, so the
     * passage is the text's opening, unmarked; {@link Search#passage} finds the marked one in the whole text.
     */
    public record Hit(Kind kind, Long id, String title, String passage, String groupName, String groupSlug,
                      String actionField, String actionFieldName, Instant date, Long authorId, String authorName,
                      String link, boolean passageFurther) {
    }

    /** One value of a facet: {@code key} goes back into the query, {@code label} is shown. */
    public record FacetValue(String key, String label, long count) {
    }

    /** Facets of the whole result (not just the page), each value with its count. */
    public record Facets(List<FacetValue> kinds, List<FacetValue> actionFields, List<FacetValue> groups,
                         List<FacetValue> regions, List<FacetValue> authors, List<FacetValue> periods) {

        public static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * A page of results. {@code didYouMean} is a corrected query when the query found few items and a close
     * spelling finds more (null otherwise); {@code fuzzy} says the hits were found only by tolerating typos.
     */
    public record Result(String query, long total, int first, int size, List<Hit> hits, Facets facets,
                         String didYouMean, boolean fuzzy, long tookMillis) {
    }

    /** A suggestion while typing: the title of a group, document, thread or meeting, and where it leads. */
    public record Suggestion(Kind kind, String title, String groupName, String link) {
    }

    /**
     * The index as administrators see it: items per kind, changes waiting to be written, and the rebuild running
     * (or last run): {@code done} of {@code total} items, {@code error} when it failed.
     */
    public record IndexStatus(List<FacetValue> items, long pending, Rebuild rebuild) {
    }

    public record Rebuild(boolean running, long done, long total, Instant startedAt, Instant finishedAt,
                          String error) {

        public int percent() {
            return total <= 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
        }
    }
}
