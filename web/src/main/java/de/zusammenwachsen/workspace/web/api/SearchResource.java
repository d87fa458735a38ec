package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.search.boundary.Search;
import de.zusammenwachsen.workspace.search.boundary.SearchView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Search over everything the caller may read, with the parameters of the results page ({@code q}, {@code type}
 * repeated, {@code group}, {@code folder}, {@code field}, {@code region}, {@code author}, {@code from}, {@code to},
 * {@code sort}, {@code page} from 1, {@code size} up to 100), and title suggestions while typing. The boundary filters
 * by permission inside the query, so totals and facets count only what the caller may read. A parameter that does
 * not convert is a 400, never an empty result.
 */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final int MAX_SIZE = 100;
    static final int MAX_SUGGESTIONS = 8;

    /** The query parameters of a search, the same names as on the results page. */
    public static class SearchParams {

        @QueryParam("q")
        String text;

        @QueryParam("type")
        List<String> types;

        @QueryParam("group")
        String group;

        @QueryParam("folder")
        String folder;

        @QueryParam("field")
        String field;

        @QueryParam("region")
        String region;

        @QueryParam("author")
        String author;

        @QueryParam("from")
        String from;

        @QueryParam("to")
        String to;

        @QueryParam("sort")
        String sort;

        @QueryParam("page")
        String page;

        @QueryParam("size")
        String size;

        SearchView.Query query() {
            // A reversed span is refused by the boundary, like every rule about what may be searched.
            return new SearchView.Query(text, kinds(types), blankToNull(group), number("folder", folder),
                    blankToNull(field), blankToNull(region), number("author", author),
                    DecisionsResource.date("from", from), DecisionsResource.date("to", to), sort(sort));
        }

        int page() {
            int number = Requests.integer("page", page, 1);
            if (number < 1) {
                throw new InvalidInputException("rest.parameter.invalid", "page", page);
            }
            return number;
        }

        int size() {
            int number = Requests.integer("size", size, Paging.DEFAULT_SIZE);
            if (number < 1) {
                throw new InvalidInputException("rest.parameter.invalid", "size", size);
            }
            return Math.min(number, MAX_SIZE);
        }
    }

    /** A search's answer: one page of hits with the facets and counts of the whole result. */
    public record Answer(String query, long total, int page, int size, List<HitJson> hits, FacetsJson facets,
                         String didYouMean, boolean fuzzy, long tookMillis) {
    }

    /**
     * A hit. {@code passageLink} is set when the query's words lie beyond the stored start of a long text: then
     * {@code passage} is the text's opening, and that address (like {@code link}, a path without the context path)
     * answers the marked passage from the whole text.
     */
    public record HitJson(String type, Long id, String title, String passage, String passageLink, GroupRef group,
                          FieldRef actionField, Instant date, AuthorRef author, String link) {
    }

    /** The marked passage of one hit; null when the text does not hold the query's words. */
    public record PassageJson(String passage) {
    }

    public record GroupRef(String name, String slug) {
    }

    public record FieldRef(String slug, String name) {
    }

    public record AuthorRef(Long id, String name) {
    }

    public record FacetJson(String key, String label, long count) {
    }

    public record FacetsJson(List<FacetJson> type, List<FacetJson> actionField, List<FacetJson> group,
                             List<FacetJson> region, List<FacetJson> author, List<FacetJson> period) {
    }

    /** A suggestion: what it is ({@code type}, and as text in the caller's language), its title, group and link. */
    public record SuggestionJson(String type, String typeLabel, String title, String group, String link) {
    }

    @Inject
    Search search;

    @Context
    HttpHeaders headers;

    @GET
    public Answer search(@BeanParam SearchParams params) {
        SearchView.Query query = params.query();
        int page = params.page();
        int size = params.size();
        Locale locale = Problems.locale(headers);
        SearchView.Result result = search.search(query, (page - 1) * size, size, locale);
        return answer(result, page, locale);
    }

    /** Up to 8 titles of groups, documents, threads and meetings the caller may read; none below 2 characters. */
    @GET
    @Path("suggestions")
    public List<SuggestionJson> suggestions(@QueryParam("q") String prefix) {
        return suggestions(search, prefix, Problems.locale(headers));
    }

    /**
     * The marked passage of one item for the query {@code q}, from its whole text (see {@link HitJson}): 404 for an
     * item the caller may not read, like one that does not exist.
     */
    @GET
    @Path("passage")
    public PassageJson passage(@QueryParam("type") String type, @QueryParam("id") String id,
                               @QueryParam("q") String query) {
        return new PassageJson(passage(search, type, id, query));
    }

    /** Shared with the results page's servlet. A type or id that does not convert is a 400. */
    public static String passage(Search search, String type, String id, String query) {
        SearchView.Kind kind = type == null ? null : SearchView.Kind.ofKey(type.strip().toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new InvalidInputException("rest.parameter.invalid", "type", type);
        }
        Long number = number("id", id);
        if (number == null) {
            throw new InvalidInputException("rest.parameter.invalid", "id", id);
        }
        return search.passage(kind, number, query);
    }

    /** Where the marked passage of a hit whose words lie beyond its stored start is asked for; null for others. */
    public static String passageLink(String base, SearchView.Hit hit, String query) {
        return hit.passageFurther() ? base + "?type=" + hit.kind().key() + "&id=" + hit.id() + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) : null;
    }

    /** Shared with the header box's servlet, which answers the same for the logged-in session. */
    public static List<SuggestionJson> suggestions(Search search, String prefix, Locale locale) {
        if (prefix == null || prefix.strip().length() < 2) {
            return List.of();
        }
        return search.suggest(prefix.strip(), MAX_SUGGESTIONS).stream().limit(MAX_SUGGESTIONS)
                .map(s -> new SuggestionJson(s.kind().key(), kindLabel(locale, s.kind().key(), null), s.title(),
                        s.groupName(), s.link()))
                .toList();
    }

    static Answer answer(SearchView.Result result, int page, Locale locale) {
        List<HitJson> hits = new ArrayList<>();
        for (SearchView.Hit hit : result.hits()) {
            hits.add(new HitJson(hit.kind().key(), hit.id(), hit.title(), hit.passage(),
                    passageLink("/api/v1/search/passage", hit, result.query()),
                    hit.groupSlug() == null && hit.groupName() == null ? null : new GroupRef(hit.groupName(), hit.groupSlug()),
                    hit.actionField() == null ? null : new FieldRef(hit.actionField(), hit.actionFieldName()),
                    hit.date(), hit.authorId() == null && hit.authorName() == null ? null : new AuthorRef(hit.authorId(), hit.authorName()),
                    hit.link()));
        }
        SearchView.Facets f = result.facets() == null ? SearchView.Facets.NONE : result.facets();
        FacetsJson facets = new FacetsJson(
                f.kinds().stream().map(v -> new FacetJson(v.key(), kindLabel(locale, v.key(), v.label()), v.count())).toList(),
                facet(f.actionFields()), facet(f.groups()), facet(f.regions()), facet(f.authors()),
                f.periods().stream().map(v -> new FacetJson(v.key(), periodLabel(locale, v), v.count())).toList());
        return new Answer(result.query(), result.total(), page, result.size(), hits, facets, result.didYouMean(),
                result.fuzzy(), result.tookMillis());
    }

    private static List<FacetJson> facet(List<SearchView.FacetValue> values) {
        return values == null ? List.of() : values.stream().map(v -> new FacetJson(v.key(), v.label(), v.count())).toList();
    }

    /** The name of a kind of item in the caller's language; a key the bundles do not know keeps the given label. */
    static String kindLabel(Locale locale, String key, String fallback) {
        SearchView.Kind kind = SearchView.Kind.ofKey(key);
        return kind == null ? fallback : Texts.get(locale, "search.page.kind." + kind.key());
    }

    /** The periods the boundary counts (last 30 days, last 365 days, older) in the caller's language. */
    static String periodLabel(Locale locale, SearchView.FacetValue period) {
        return switch (period.key()) {
            case "month", "year", "older" -> Texts.get(locale, "search.page.period." + period.key());
            default -> period.label();
        };
    }

    /** The kinds asked for; each {@code type} may also list several, separated by commas. */
    static List<SearchView.Kind> kinds(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<SearchView.Kind> kinds = new LinkedHashSet<>();
        for (String value : values) {
            for (String key : value.split(",")) {
                if (key.isBlank()) {
                    continue;
                }
                SearchView.Kind kind = SearchView.Kind.ofKey(key.strip().toLowerCase(Locale.ROOT));
                if (kind == null) {
                    throw new InvalidInputException("rest.parameter.invalid", "type", key.strip());
                }
                kinds.add(kind);
            }
        }
        return List.copyOf(kinds);
    }

    static SearchView.Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return SearchView.Sort.RELEVANCE;
        }
        try {
            return SearchView.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rest.parameter.invalid", "sort", value);
        }
    }

    private static Long number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("rest.parameter.invalid", name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
