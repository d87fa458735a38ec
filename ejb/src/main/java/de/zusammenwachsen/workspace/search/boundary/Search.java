package de.zusammenwachsen.workspace.search.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.GroupAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.account.control.AccountNames;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.document.entity.ExtractionState;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.group.control.GroupDirectory;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.network.control.NetworkCache;
import de.zusammenwachsen.workspace.search.control.IndexRebuild;
import de.zusammenwachsen.workspace.search.control.GermanAnalysis;
import de.zusammenwachsen.workspace.search.control.Passages;
import de.zusammenwachsen.workspace.search.control.QueryCompounds;
import de.zusammenwachsen.workspace.search.control.QueryMarks;
import de.zusammenwachsen.workspace.search.control.QueryText;
import de.zusammenwachsen.workspace.search.control.SearchEntries;
import de.zusammenwachsen.workspace.search.control.SearchIndex;
import de.zusammenwachsen.workspace.search.control.SearchableBinder;
import de.zusammenwachsen.workspace.search.control.SearchPredicates;
import de.zusammenwachsen.workspace.search.boundary.SearchView.Facets;
import de.zusammenwachsen.workspace.search.boundary.SearchView.FacetValue;
import de.zusammenwachsen.workspace.search.boundary.SearchView.Hit;
import de.zusammenwachsen.workspace.search.boundary.SearchView.Kind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.apache.lucene.analysis.Analyzer;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.data.Range;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static de.zusammenwachsen.workspace.search.control.SearchFields.*;

/**
 * Full-text search over everything the viewer may read, at the moment of the query.
 *
 * <p>Who may read what is a filter inside the Lucene query (the item's group and audience against the viewer's
 * groups, see {@link AccessPolicy#searchScope}), never a filter over fetched hits: totals, facets and pages count
 * only readable items, and a membership change counts with the next query, without re-indexing.
 *
 * <p>A published decision is readable by everyone, whatever its group: a hit of a group the viewer may not see
 * ({@link AccessPolicy#seesGroup}, a hidden one) carries a neutral group name and no slug, and the group facet leaves
 * such a group out, so that neither tells the group exists. Narrowing to its slug answers 404 like an unknown slug.
 */
@Stateless
public class Search {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_QUERY_LENGTH = 300;
    public static final int MAX_SUGGESTIONS = 10;
    /**
     * Fewer hits than this and the query is tried again with typo tolerance, for "did you mean"; a plain query of
     * at most {@link QueryText#MAX_TOLERANT_TERMS} words only, whose expansions stay within Lucene's limit.
     */
    static final int FEW_HITS = 3;
    static final int PASSAGE_LENGTH = 220;
    /** A word in the title counts three times one in the text. */
    static final float TITLE_BOOST = 3f;
    static final int FACET_VALUES = 12;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final List<Class<?>> SUGGESTED = List.of(WorkingGroup.class,
            de.zusammenwachsen.workspace.document.entity.Document.class,
            de.zusammenwachsen.workspace.discussion.entity.DiscussionThread.class,
            de.zusammenwachsen.workspace.meeting.entity.Meeting.class);

    private static final AggregationKey<Map<String, Long>> KINDS = AggregationKey.of("kinds");
    private static final AggregationKey<Map<String, Long>> FIELDS = AggregationKey.of("fields");
    private static final AggregationKey<Map<Long, Long>> GROUPS = AggregationKey.of("groups");
    private static final AggregationKey<Map<String, Long>> REGIONS = AggregationKey.of("regions");
    private static final AggregationKey<Map<Long, Long>> AUTHORS = AggregationKey.of("authors");
    private static final AggregationKey<Map<Range<Instant>, Long>> PERIODS = AggregationKey.of("periods");

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    NetworkCache network;

    @Inject
    GroupDirectory directory;

    @Inject
    AccountNames accountNames;

    @Inject
    IndexRebuild rebuild;

    private final AccessPolicy policy = new AccessPolicy();

    public SearchView.Result search(SearchView.Query query, int first, int size) {
        return search(query, first, size, Locale.GERMAN);
    }

    /** One page of hits, with totals and facets over all of them; labels in the given language. */
    public SearchView.Result search(SearchView.Query query, int first, int size, Locale locale) {
        long started = System.nanoTime();
        String text = QueryText.require(query.text(), MAX_QUERY_LENGTH);
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int offset = Math.max(0, first);
        AccessPolicy.SearchScope scope = scope();
        Long groupId = groupId(query.group());
        SearchSession session = org.hibernate.search.mapper.orm.Search.session(em);
        SearchScope<Object> indexes = session.scope(SearchIndex.TYPES);

        SearchPredicate filters = filters(indexes.predicate(), query, groupId, scope);
        SearchResult<List<?>> result = fetch(session, matching(indexes.predicate(), text), filters, query.sort(),
                offset, pageSize, false);
        boolean fuzzy = false;
        String didYouMean = null;
        long total = result.total().hitCount();
        if (total < FEW_HITS && QueryText.plain(text) && QueryText.terms(text) <= QueryText.MAX_TOLERANT_TERMS) {
            SearchResult<List<?>> tolerant = fetch(session, indexes.predicate().match()
                    .field(TITLE).boost(TITLE_BOOST).field(TEXT).field(PASSAGE).boost(0.1f).matching(text).fuzzy(2, 1)
                    .minimumShouldMatchPercent(100).toPredicate(), filters, query.sort(), total == 0 ? offset : 0,
                    total == 0 ? pageSize : FEW_HITS, true);
            if (tolerant.total().hitCount() > total) {
                didYouMean = QueryText.correction(text, marked(tolerant));
                if (total == 0) {
                    result = tolerant;
                    total = tolerant.total().hitCount();
                    fuzzy = true;
                }
            }
        }
        QueryMarks marks = fuzzy ? null : QueryMarks.of(text);
        Viewer viewer = caller.viewer();
        String anonymous = Texts.get(locale == null ? Locale.GERMAN : locale, AccessPolicy.ANONYMOUS_GROUP);
        List<Hit> hits = result.hits().stream().map(row -> hit(row, marks, locale, viewer, anonymous)).toList();
        Facets facets = facets(result, locale, viewer);
        return new SearchView.Result(text, total, offset, pageSize, hits, facets, didYouMean, fuzzy,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * The query's words in titles and texts. In a plain query, a compound the word list lacks is also found inside
     * longer words, by its parts ({@link QueryCompounds}). The stored start of the text ({@code PASSAGE}) is not
     * searched here: the text holds it, and a third field made every query read a third set of postings.
     */
    private SearchPredicate matching(SearchPredicateFactory f, String text) {
        if (QueryText.plain(text)) {
            QueryCompounds.Split split = QueryCompounds.split(text, this::queryAnalyzer);
            if (!split.compounds().isEmpty()) {
                BooleanPredicateClausesStep<?> all = f.bool();
                if (!split.rest().isBlank()) {
                    all.must(words(f, split.rest()));
                }
                split.compounds().forEach((word, parts) -> all.must(f.bool().should(words(f, word))
                        .should(f.extension(LuceneExtension.get())
                                .fromLuceneQuery(QueryCompounds.query(parts, TITLE_BOOST)))));
                return all.toPredicate();
            }
        }
        return words(f, text);
    }

    private static SearchPredicate words(SearchPredicateFactory f, String text) {
        return f.simpleQueryString().field(TITLE).boost(TITLE_BOOST).field(TEXT).matching(text)
                .defaultOperator(BooleanOperator.AND).toPredicate();
    }

    /** The index's own analyzer of queries, which folds and stems a word like the index does. */
    private Analyzer queryAnalyzer() {
        return org.hibernate.search.mapper.orm.Search.mapping(em.getEntityManagerFactory()).backend()
                .unwrap(LuceneBackend.class).analyzer(GermanAnalysis.QUERY).orElseThrow();
    }

    /** Titles of groups, documents, threads and meetings the viewer may read that start like the typed words. */
    public List<SearchView.Suggestion> suggest(String prefix, int max) {
        String typed = prefix == null ? "" : prefix.strip();
        if (typed.length() < 2 || typed.length() > MAX_QUERY_LENGTH || QueryText.terms(typed) > QueryText.MAX_TERMS) {
            return List.of();
        }
        AccessPolicy.SearchScope scope = scope();
        SearchSession session = org.hibernate.search.mapper.orm.Search.session(em);
        SearchScope<Object> indexes = session.scope(SUGGESTED);
        SearchPredicateFactory f = indexes.predicate();
        List<List<?>> rows;
        try {
            rows = session.search(indexes)
                    .select(p -> p.composite().from(p.field(KIND, String.class), p.field(TITLE, String.class),
                            p.field(GROUP_NAME, String.class), p.field(LINK, String.class)).asList())
                    .where(f.bool().must(f.match().field(TITLE_PREFIX).matching(typed).minimumShouldMatchPercent(100))
                            .filter(SearchPredicates.readable(f, scope)).toPredicate())
                    .sort(s -> s.score().then().field(DATE).desc())
                    .fetchHits(Math.max(1, Math.min(max, MAX_SUGGESTIONS)));
        } catch (RuntimeException e) {
            // Suggestions while typing never show an error: a prefix Lucene finds too large has none.
            if (QueryText.refusal(e) instanceof InvalidInputException) {
                return List.of();
            }
            throw e;
        }
        return rows.stream()
                .map(row -> new SearchView.Suggestion(Kind.ofKey((String) row.get(0)), (String) row.get(1),
                        (String) row.get(2), (String) row.get(3)))
                .toList();
    }

    /** Items per kind, documents whose text is still being extracted, and the rebuild's progress. Administrators. */
    public SearchView.IndexStatus status() {
        policy.requireAdministrator(caller.viewer());
        SearchSession session = org.hibernate.search.mapper.orm.Search.session(em);
        Map<String, Long> kinds = session.search(SearchIndex.TYPES).where(f -> f.matchAll())
                .aggregation(KINDS, a -> a.terms().field(KIND, String.class).maxTermCount(Kind.values().length))
                .fetch(0).aggregation(KINDS);
        List<FacetValue> items = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            items.add(new FacetValue(kind.key(), kind.key(), kinds.getOrDefault(kind.key(), 0L)));
        }
        long pending = em.createQuery("select count(v) from DocumentVersion v where v.extractionState in :states",
                        Long.class).setParameter("states", List.of(ExtractionState.PENDING, ExtractionState.RUNNING))
                .getSingleResult();
        return new SearchView.IndexStatus(items, pending, rebuild.progress());
    }

    /** Starts rebuilding the whole index from the database in the background. Administrators. */
    public void rebuild() {
        policy.requireAdministrator(caller.viewer());
        rebuild.start();
    }

    /**
     * One page of hits with the facets. The passage is the stored start of the text, marked by {@link QueryMarks};
     * {@code highlighted}: marked by Lucene's highlighter instead, for the typo-tolerant retry, whose matched words
     * are not the query's.
     */
    private SearchResult<List<?>> fetch(SearchSession session, SearchPredicate text, SearchPredicate filters,
                                        SearchView.Sort sort, int offset, int size, boolean highlighted) {
        Instant now = Instant.now();
        try {
            return fetchPage(session, text, filters, sort, offset, size, highlighted, now);
        } catch (RuntimeException e) {
            throw QueryText.refusal(e);
        }
    }

    private SearchResult<List<?>> fetchPage(SearchSession session, SearchPredicate text, SearchPredicate filters,
                                            SearchView.Sort sort, int offset, int size, boolean highlighted,
                                            Instant now) {
        return session.search(SearchIndex.TYPES)
                .select(p -> p.composite().from(p.id(Long.class), p.field(KIND, String.class),
                        p.field(TITLE, String.class),
                        highlighted ? p.highlight(PASSAGE) : p.field(PASSAGE, String.class),
                        p.field(GROUP_NAME, String.class),
                        p.field(GROUP_SLUG, String.class), p.field(ACTION_FIELD, String.class),
                        p.field(DATE, Instant.class), p.field(AUTHOR, Long.class), p.field(AUTHOR_NAME, String.class),
                        p.field(LINK, String.class), p.field(GROUP, Long.class)).asList())
                .where(f -> f.bool().must(text).filter(filters))
                .sort(s -> sort == SearchView.Sort.DATE ? s.field(DATE).desc().then().score()
                        : s.score().then().field(DATE).desc())
                .highlighter(h -> h.unified().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
                        .numberOfFragments(1).noMatchSize(0))
                .aggregation(KINDS, a -> a.terms().field(KIND, String.class).maxTermCount(Kind.values().length))
                .aggregation(FIELDS, a -> a.terms().field(ACTION_FIELD, String.class).maxTermCount(FACET_VALUES))
                .aggregation(GROUPS, a -> a.terms().field(GROUP, Long.class).maxTermCount(FACET_VALUES))
                .aggregation(REGIONS, a -> a.terms().field(REGION, String.class).maxTermCount(FACET_VALUES))
                .aggregation(AUTHORS, a -> a.terms().field(AUTHOR, Long.class).maxTermCount(FACET_VALUES))
                .aggregation(PERIODS, a -> a.range().field(DATE, Instant.class)
                        .range(Range.atLeast(now.minus(Duration.ofDays(30))))
                        .range(Range.atLeast(now.minus(Duration.ofDays(365))))
                        .range(Range.lessThan(now.minus(Duration.ofDays(365)))))
                .fetch(offset, size);
    }

    private SearchPredicate filters(SearchPredicateFactory f, SearchView.Query query, Long groupId,
                                    AccessPolicy.SearchScope scope) {
        BooleanPredicateClausesStep<?> filters = f.bool().must(SearchPredicates.readable(f, scope));
        if (query.kinds() != null && !query.kinds().isEmpty()) {
            filters.must(f.terms().field(KIND).matchingAny(query.kinds().stream().filter(Objects::nonNull)
                    .map(Kind::key).toList()));
        }
        if (groupId != null) {
            filters.must(f.match().field(GROUP).matching(groupId));
        }
        if (query.folder() != null) {
            filters.must(f.match().field(FOLDER).matching(query.folder()));
        }
        if (query.actionField() != null && !query.actionField().isBlank()) {
            filters.must(f.match().field(ACTION_FIELD).matching(query.actionField()));
        }
        if (query.region() != null && !query.region().isBlank()) {
            filters.must(f.match().field(REGION).matching(query.region()));
        }
        if (query.author() != null) {
            filters.must(f.match().field(AUTHOR).matching(query.author()));
        }
        if (query.from() != null || query.to() != null) {
            if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
                throw new InvalidInputException("search.period.reversed");
            }
            Instant from = query.from() == null ? null : query.from().atStartOfDay(BERLIN).toInstant();
            Instant to = query.to() == null ? null : query.to().plusDays(1).atStartOfDay(BERLIN).toInstant();
            filters.must(f.range().field(DATE).within(Range.between(from, org.hibernate.search.util.common.data.RangeBoundInclusion.INCLUDED,
                    to, org.hibernate.search.util.common.data.RangeBoundInclusion.EXCLUDED)));
        }
        return filters.toPredicate();
    }

    private AccessPolicy.SearchScope scope() {
        Viewer viewer = caller.viewer();
        List<Long> publicGroups = viewer.isGuest() || viewer.administrator() ? List.of() : directory.publicGroupIds();
        return policy.searchScope(viewer, publicGroups);
    }

    /** The group to search in, by slug: 404 for a group the viewer may not see. */
    private Long groupId(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        WorkingGroup group = em.createQuery("select g from WorkingGroup g where g.slug = :slug", WorkingGroup.class)
                .setParameter("slug", slug).getResultStream().findFirst().orElseThrow(NotFoundException::new);
        policy.require(caller.viewer(), GroupAction.SEE_GROUP, group);
        return group.getId();
    }

    /**
     * A hit; its passage marked by {@code marks}, or by Lucene's highlighter when that is null. A hit whose words
     * are not in its stored start shows that start unmarked.
     */
    private Hit hit(List<?> row, QueryMarks marks, Locale locale, Viewer viewer, String anonymous) {
        String passage;
        boolean further = false;
        if (marks == null) {
            @SuppressWarnings("unchecked")
            List<String> passages = (List<String>) row.get(3);
            passage = passages.isEmpty() ? null : Passages.around(passages.get(0), PASSAGE_LENGTH);
        } else {
            String text = (String) row.get(3);
            passage = marks.passage(text, PASSAGE_LENGTH);
            if (passage == null) {
                passage = QueryMarks.opening(text, PASSAGE_LENGTH);
                further = SearchableBinder.cut(text);
            }
        }
        String field = (String) row.get(6);
        boolean named = seesGroup(viewer, (Long) row.get(11));
        return new Hit(Kind.ofKey((String) row.get(1)), (Long) row.get(0), (String) row.get(2),
                passage, named ? (String) row.get(4) : anonymous, named ? (String) row.get(5) : null, field,
                actionFieldName(field, locale), (Instant) row.get(7), (Long) row.get(8), (String) row.get(9),
                (String) row.get(10), further);
    }

    /**
     * The marked passage of one item for a query, found in its whole text: for a hit whose words lie beyond the
     * stored start ({@link Hit#passageFurther}), asked for after the results are shown, so that a page of hits never
     * waits for up to 20 long texts to be read from the database. The item is looked up through the index with the
     * search's own permission filter: what the viewer may not find answers 404, like an unknown id. Null when the
     * words are not in the text either (the item matched by its title, or a compound by its parts).
     */
    public String passage(Kind kind, Long id, String query) {
        String text = QueryText.require(query, MAX_QUERY_LENGTH);
        if (kind == null || id == null) {
            throw new NotFoundException();
        }
        Class<?> type = SearchIndex.type(kind);
        AccessPolicy.SearchScope scope = scope();
        SearchSession session = org.hibernate.search.mapper.orm.Search.session(em);
        long found = session.search(session.scope(type))
                .where(f -> f.bool().must(f.id().matching(id)).filter(SearchPredicates.readable(f, scope)))
                .fetchTotalHitCount();
        Object item = found == 0 ? null : em.find(type, id);
        if (item == null) {
            throw new NotFoundException();
        }
        return QueryMarks.of(text).passage(SearchEntries.passageText(item, em), PASSAGE_LENGTH);
    }

    /** The words the typo-tolerant query matched, as marked in the passages of its first hits. */
    private static List<String> marked(SearchResult<List<?>> result) {
        List<String> words = new ArrayList<>();
        for (List<?> row : result.hits()) {
            @SuppressWarnings("unchecked")
            List<String> passages = (List<String>) row.get(3);
            passages.forEach(passage -> words.addAll(QueryText.marks(passage)));
        }
        return words;
    }

    /**
     * Whether the viewer may learn that the group of a hit exists; the group's visibility as of now, from the shared
     * directory, so that a group hidden after its items were indexed is hidden at once. An unknown group is not seen.
     */
    private boolean seesGroup(Viewer viewer, Long groupId) {
        GroupDirectory.Entry group = groupId == null ? null : directory.group(groupId);
        return group != null && policy.seesGroup(viewer, group.id(), group.visibility());
    }

    private Facets facets(SearchResult<List<?>> result, Locale locale, Viewer viewer) {
        Map<String, Long> kinds = result.aggregation(KINDS);
        List<FacetValue> kindValues = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Long count = kinds.get(kind.key());
            if (count != null && count > 0) {
                kindValues.add(new FacetValue(kind.key(), kind.key(), count));
            }
        }
        List<FacetValue> fields = values(result.aggregation(FIELDS), slug -> actionFieldName(slug, locale));
        Map<String, String> regionNames = new HashMap<>();
        network.regions().forEach(region -> regionNames.put(region.slug(), region.name()));
        List<FacetValue> regions = values(result.aggregation(REGIONS), slug -> regionNames.getOrDefault(slug, slug));

        Map<Long, Long> groupCounts = result.aggregation(GROUPS);
        List<FacetValue> groups = new ArrayList<>();
        if (!groupCounts.isEmpty()) {
            groupCounts.forEach((id, count) -> {
                GroupDirectory.Entry group = directory.group(id);
                // A hidden group's published decisions are counted in the total, but the facet would name the group.
                if (group != null && policy.seesGroup(viewer, group.id(), group.visibility())) {
                    groups.add(new FacetValue(group.slug(), group.name(), count));
                }
            });
            groups.sort(byCount());
        }
        Map<Long, Long> authorCounts = result.aggregation(AUTHORS);
        Map<Long, String> authorNames = authorCounts.isEmpty() ? Map.of() : accountNames.of(authorCounts.keySet());
        List<FacetValue> authors = new ArrayList<>();
        authorCounts.forEach((id, count) -> authors.add(new FacetValue(String.valueOf(id),
                authorNames.getOrDefault(id, String.valueOf(id)), count)));
        authors.sort(byCount());

        List<FacetValue> periods = new ArrayList<>();
        List<String> periodKeys = List.of("month", "year", "older");
        int index = 0;
        for (Map.Entry<Range<Instant>, Long> period : result.aggregation(PERIODS).entrySet()) {
            if (period.getValue() > 0) {
                periods.add(new FacetValue(periodKeys.get(index), periodKeys.get(index), period.getValue()));
            }
            index++;
        }
        return new Facets(kindValues, fields, groups, regions, authors, periods);
    }

    private static <K> List<FacetValue> values(Map<K, Long> counts, Function<K, String> label) {
        Map<K, Long> ordered = new LinkedHashMap<>(counts);
        List<FacetValue> values = new ArrayList<>();
        ordered.forEach((key, count) -> values.add(new FacetValue(String.valueOf(key), label.apply(key), count)));
        values.sort(byCount());
        return values;
    }

    private static Comparator<FacetValue> byCount() {
        return Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::label,
                Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private String actionFieldName(String slug, Locale locale) {
        if (slug == null) {
            return null;
        }
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return network.actionFields().stream().filter(field -> field.slug().equals(slug)).findFirst()
                .map(field -> english && field.nameEn() != null ? field.nameEn() : field.name()).orElse(slug);
    }
}
