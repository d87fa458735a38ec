package de.zusammenwachsen.workspace.web.search;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.search.boundary.Search;
import de.zusammenwachsen.workspace.search.boundary.SearchView;
import de.zusammenwachsen.workspace.web.api.SearchResource;
import de.zusammenwachsen.workspace.web.shell.PageFlow;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The search results page. Query, filters, sort and page are GET parameters with the names of the REST API, so a
 * search is a link to share; facets are links that add or remove one filter. The boundary filters by permission
 * inside the query, so totals and facet counts are the viewer's own. Naming a group the viewer may not read answers
 * 404 like the group itself; a filter value that does not convert (a hand-edited date) is reported and left out.
 */
@Named
@RequestScoped
public class SearchPage {

    /** The facets in the order the page shows them, with the parameter each sets. */
    private static final List<String> FACETS = List.of("type", "field", "group", "region", "author", "period");

    /** One facet as the page lists it: the parameter its values set, its heading key and the values with counts. */
    public record Facet(String param, String heading, List<SearchView.FacetValue> values) {
    }

    /** A filter in force, with the address of the same search without it. */
    public record ActiveFilter(String label, String removeLink) {
    }

    @Inject
    Search search;

    private boolean submitted;
    private String q;
    private final Set<SearchView.Kind> kinds = new LinkedHashSet<>();
    private String group;
    private Long folder;
    private String field;
    private String region;
    private Long author;
    private String from;
    private String to;
    private LocalDate fromDate;
    private LocalDate toDate;
    private boolean fromInvalid;
    private boolean toInvalid;
    private SearchView.Sort sort = SearchView.Sort.RELEVANCE;
    private Integer page;

    private String queryProblem;
    private SearchView.Result result;

    @PostConstruct
    void identify() {
        FacesContext context = FacesContext.getCurrentInstance();
        // An empty box sent is a mistake to point out; no box sent at all is someone arriving to search.
        submitted = context.getExternalContext().getRequestParameterMap().containsKey("q");
        q = Requests.param("q");
        String[] types = context.getExternalContext().getRequestParameterValuesMap().get("type");
        if (types != null) {
            for (String value : types) {
                for (String key : value.split(",")) {
                    SearchView.Kind kind = SearchView.Kind.ofKey(key.strip().toLowerCase(Locale.ROOT));
                    if (kind != null) {
                        kinds.add(kind);
                    }
                }
            }
        }
        group = Requests.param("group");
        folder = longParam("folder");
        field = Requests.param("field");
        region = Requests.param("region");
        author = longParam("author");
        from = Requests.param("from");
        to = Requests.param("to");
        fromDate = date(from);
        fromInvalid = from != null && fromDate == null;
        toDate = date(to);
        toInvalid = to != null && toDate == null;
        if ("date".equalsIgnoreCase(Requests.param("sort"))) {
            sort = SearchView.Sort.DATE;
        }
        page = Requests.intParam("page");
    }

    /**
     * Searches before the page is rendered, so that a group the viewer may not read answers 404 at once. The
     * boundary's refusal of the text (empty, too long) is shown next to the box.
     */
    public void load() {
        if (!submitted) {
            return;
        }
        if (q == null) {
            queryProblem = PageFlow.text("search.query.empty");
            return;
        }
        try {
            result = search.search(query(), Paging.first(page, Paging.SIZE), Paging.SIZE, PageFlow.locale());
        } catch (InvalidInputException e) {
            queryProblem = PageFlow.text(e.key(), e.arguments());
        }
    }

    private SearchView.Query query() {
        return new SearchView.Query(q, List.copyOf(kinds), group, folder, field, region, author,
                fromInvalid ? null : fromDate, toInvalid ? null : toDate, sort);
    }

    public SearchView.Result getResult() {
        return result;
    }

    public boolean isSearched() {
        return result != null;
    }

    /** Searched, and nothing found on this page ("empty" is a reserved word of EL). */
    public boolean isNoHits() {
        return result != null && result.hits().isEmpty();
    }

    public String getQueryProblem() {
        return queryProblem;
    }

    public Paging getPaging() {
        return result == null ? new Paging(1, Paging.SIZE, 0) : new Paging(result.first() / Paging.SIZE + 1, Paging.SIZE, result.total());
    }

    /** The facets that have values, in the page's order. */
    public List<Facet> getFacets() {
        if (result == null || result.facets() == null) {
            return List.of();
        }
        SearchView.Facets f = result.facets();
        List<Facet> facets = new ArrayList<>();
        for (String param : FACETS) {
            List<SearchView.FacetValue> values = switch (param) {
                case "type" -> f.kinds();
                case "field" -> f.actionFields();
                case "group" -> f.groups();
                case "region" -> f.regions();
                case "author" -> f.authors();
                default -> f.periods();
            };
            if (values != null && !values.isEmpty()) {
                facets.add(new Facet(param, "search.page.facet." + param, values));
            }
        }
        return facets;
    }

    /** What a facet value is called on the page: kinds in the page's language, everything else as the index has it. */
    public String label(String param, SearchView.FacetValue value) {
        if ("type".equals(param)) {
            return kindLabel(value.key());
        }
        if ("period".equals(param) && Periods.range(value.key()) != null) {
            return PageFlow.text("search.page.period." + value.key());
        }
        return value.label() == null || value.label().isBlank() ? value.key() : value.label();
    }

    public String kindLabel(String key) {
        SearchView.Kind kind = SearchView.Kind.ofKey(key);
        return kind == null ? key : PageFlow.text("search.page.kind." + kind.key());
    }

    public String kindLabel(SearchView.Kind kind) {
        return PageFlow.text("search.page.kind." + kind.key());
    }

    public boolean selected(String param, String key) {
        if (key == null) {
            return false;
        }
        return switch (param) {
            case "type" -> kinds.contains(SearchView.Kind.ofKey(key));
            case "field" -> key.equals(field);
            case "group" -> key.equals(group);
            case "region" -> key.equals(region);
            case "author" -> author != null && key.equals(String.valueOf(author));
            case "period" -> {
                LocalDate[] range = Periods.range(key);
                yield range != null && Objects.equals(range[0], fromInvalid ? null : fromDate)
                        && Objects.equals(range[1], toInvalid ? null : toDate);
            }
            default -> false;
        };
    }

    /** Where search.js asks for the marked passage of a hit whose words lie beyond its stored start. */
    public String passageSource(SearchView.Hit hit) {
        return SearchResource.passageLink(PageFlow.contextPath() + "/search/passage", hit, result.query());
    }

    /** The same search with this facet value chosen (kinds add up; the others replace), from the first page. */
    public String facetLink(String param, String key) {
        return link(state -> {
            switch (param) {
                case "type" -> state.add("type", key);
                case "period" -> {
                    LocalDate[] range = Periods.range(key);
                    if (range != null) {
                        state.put("from", range[0] == null ? null : range[0].toString());
                        state.put("to", range[1] == null ? null : range[1].toString());
                    }
                }
                default -> state.put(param, key);
            }
        });
    }

    /** The same search without this facet value. */
    public String removeLink(String param, String key) {
        return link(state -> {
            switch (param) {
                case "type" -> state.removeValue("type", key);
                case "period" -> {
                    state.put("from", null);
                    state.put("to", null);
                }
                default -> state.put(param, null);
            }
        });
    }

    /** The same search sorted otherwise, from the first page. */
    public String sortLink(String value) {
        return link(state -> state.put("sort", "relevance".equals(value) ? null : value));
    }

    public boolean sortedBy(String value) {
        return sort.name().equalsIgnoreCase(value);
    }

    /** The search for the corrected spelling, with the same filters. */
    public String getDidYouMeanLink() {
        return result == null || result.didYouMean() == null ? null : link(state -> state.put("q", result.didYouMean()));
    }

    /** The filters in force, each with a link that drops it; the group and folder a search was started in too. */
    public List<ActiveFilter> getActiveFilters() {
        List<ActiveFilter> active = new ArrayList<>();
        for (SearchView.Kind kind : kinds) {
            active.add(new ActiveFilter(PageFlow.text("search.page.active.type", kindLabel(kind)), removeLink("type", kind.key())));
        }
        if (group != null) {
            active.add(new ActiveFilter(PageFlow.text("search.page.active.group", facetLabel("group", group)),
                    link(state -> {
                        state.put("group", null);
                        state.put("folder", null);
                    })));
        }
        if (folder != null) {
            active.add(new ActiveFilter(PageFlow.text("search.page.active.folder"), removeLink("folder", null)));
        }
        if (field != null) {
            active.add(new ActiveFilter(PageFlow.text("search.page.active.field", facetLabel("field", field)), removeLink("field", null)));
        }
        if (region != null) {
            active.add(new ActiveFilter(PageFlow.text("search.page.active.region", facetLabel("region", region)), removeLink("region", null)));
        }
        if (author != null) {
            String key = String.valueOf(author);
            active.add(new ActiveFilter(PageFlow.text("search.page.active.author", facetLabel("author", key)), removeLink("author", null)));
        }
        String span = span();
        if (span != null) {
            active.add(new ActiveFilter(span, removeLink("period", null)));
        }
        return active;
    }

    /** The search box's text without any filter: where "remove all filters" leads. */
    public String getUnfilteredLink() {
        return PageFlow.contextPath() + "/search.xhtml" + (q == null ? "" : "?q=" + PageFlow.encode(q));
    }

    private String span() {
        LocalDate start = fromInvalid ? null : fromDate;
        LocalDate end = toInvalid ? null : toDate;
        if (start != null && end != null) {
            return PageFlow.text("search.page.active.between", start.toString(), end.toString());
        }
        if (start != null) {
            return PageFlow.text("search.page.active.from", start.toString());
        }
        if (end != null) {
            return PageFlow.text("search.page.active.to", end.toString());
        }
        return null;
    }

    /** The label the result's facet gives a key (a group's name for its slug), else the key itself. */
    private String facetLabel(String param, String key) {
        if (result != null && result.facets() != null) {
            SearchView.Facets f = result.facets();
            List<SearchView.FacetValue> values = switch (param) {
                case "field" -> f.actionFields();
                case "group" -> f.groups();
                case "region" -> f.regions();
                default -> f.authors();
            };
            if (values != null) {
                for (SearchView.FacetValue value : values) {
                    if (key.equals(value.key()) && value.label() != null && !value.label().isBlank()) {
                        return value.label();
                    }
                }
            }
        }
        return key;
    }

    public boolean isFiltered() {
        return !kinds.isEmpty() || group != null || folder != null || field != null || region != null || author != null
                || span() != null;
    }

    /** The page's parameters in a fixed order; kinds repeated, page left out (a changed search starts at page 1). */
    private final class State {

        private final Map<String, List<String>> params = new LinkedHashMap<>();

        State() {
            put("q", q);
            for (SearchView.Kind kind : kinds) {
                add("type", kind.key());
            }
            put("group", group);
            put("folder", folder == null ? null : String.valueOf(folder));
            put("field", field);
            put("region", region);
            put("author", author == null ? null : String.valueOf(author));
            put("from", fromInvalid ? null : from);
            put("to", toInvalid ? null : to);
            put("sort", sort == SearchView.Sort.DATE ? "date" : null);
        }

        void put(String name, String value) {
            if (value == null) {
                params.remove(name);
            } else {
                params.put(name, new ArrayList<>(List.of(value)));
            }
        }

        void add(String name, String value) {
            List<String> values = params.computeIfAbsent(name, n -> new ArrayList<>());
            if (!values.contains(value)) {
                values.add(value);
            }
        }

        void removeValue(String name, String value) {
            List<String> values = params.get(name);
            if (values != null) {
                values.remove(value);
            }
        }

        String address() {
            StringBuilder url = new StringBuilder(PageFlow.contextPath()).append("/search.xhtml");
            char separator = '?';
            for (Map.Entry<String, List<String>> param : params.entrySet()) {
                for (String value : param.getValue()) {
                    url.append(separator).append(param.getKey()).append('=').append(PageFlow.encode(value));
                    separator = '&';
                }
            }
            return url.toString();
        }
    }

    private String link(Consumer<State> change) {
        State state = new State();
        change.accept(state);
        return state.address();
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long longParam(String name) {
        String value = Requests.param(name);
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean isSubmitted() {
        return submitted;
    }

    public String getQ() {
        return q;
    }

    /** All kinds in one value, so that the pager's links (view parameters hold one value each) keep them. */
    public String getType() {
        return kinds.isEmpty() ? null : String.join(",", kinds.stream().map(SearchView.Kind::key).toList());
    }

    public List<SearchView.Kind> getKinds() {
        return List.copyOf(kinds);
    }

    public String getGroup() {
        return group;
    }

    public String getFolder() {
        return folder == null ? null : String.valueOf(folder);
    }

    public String getField() {
        return field;
    }

    public String getRegion() {
        return region;
    }

    public String getAuthor() {
        return author == null ? null : String.valueOf(author);
    }

    public String getFrom() {
        return fromInvalid ? null : from;
    }

    public String getTo() {
        return toInvalid ? null : to;
    }

    public boolean isFromInvalid() {
        return fromInvalid;
    }

    public boolean isToInvalid() {
        return toInvalid;
    }

    public String getSort() {
        return sort == SearchView.Sort.DATE ? "date" : null;
    }

    public String getPage() {
        return page == null ? null : String.valueOf(page);
    }

    // View parameters only carry the search into the pager's links; the values were read in identify(). They are all
    // strings: a value that does not convert would otherwise fail the view parameter and skip the search.

    public void setQ(String value) {
        // read in identify()
    }

    public void setType(String value) {
        // read in identify()
    }

    public void setGroup(String value) {
        // read in identify()
    }

    public void setFolder(String value) {
        // read in identify()
    }

    public void setField(String value) {
        // read in identify()
    }

    public void setRegion(String value) {
        // read in identify()
    }

    public void setAuthor(String value) {
        // read in identify()
    }

    public void setFrom(String value) {
        // read in identify()
    }

    public void setTo(String value) {
        // read in identify()
    }

    public void setSort(String value) {
        // read in identify()
    }

    public void setPage(String value) {
        // read in identify()
    }
}
