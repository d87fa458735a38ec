package de.zusammenwachsen.workspace.bench;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facet counts an answer of the server carries, counted the plain Lucene way over every match: terms of the
 * string facets (kind, action field, region) by ordinal per segment, values of the number facets (group, author),
 * and three date ranges. For the benchmark's like-for-like raw search, so that "raw" does the work an answer needs
 * and the comparison is not only against fetching 20 ids.
 *
 * <p>The doc values are read as the index has them (sorted set or sorted numeric, as Hibernate Search wrote them),
 * so nothing here assumes Hibernate Search's internal layout beyond the field names.
 */
final class RawFacets extends SimpleCollector {

    private final List<String> terms;
    private final List<String> numbers;
    private final String dateField;
    private final long[] rangeStarts;

    /** Per field: term or number → count, over all segments. */
    final Map<String, Map<Object, Long>> counts = new HashMap<>();
    final long[] ranges;

    private final Map<String, long[]> segmentOrdinals = new HashMap<>();
    private final Map<String, SortedSetDocValues> segmentTerms = new HashMap<>();
    private final Map<String, SortedNumericDocValues> segmentNumbers = new HashMap<>();
    private SortedNumericDocValues segmentDates;

    /**
     * {@code rangeStarts}: the dates (epoch milliseconds) from which a value counts in a range, the last range
     * counting what lies before {@code rangeStarts[rangeStarts.length - 1]}, as the server's "month, year, older".
     */
    RawFacets(List<String> terms, List<String> numbers, String dateField, long... rangeStarts) {
        this.terms = terms;
        this.numbers = numbers;
        this.dateField = dateField;
        this.rangeStarts = rangeStarts;
        this.ranges = new long[rangeStarts.length + 1];
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flushSegment();
        for (String field : terms) {
            FieldInfo info = context.reader().getFieldInfos().fieldInfo(field);
            SortedSetDocValues values = info == null || info.getDocValuesType() == DocValuesType.NONE
                    ? DocValues.emptySortedSet() : DocValues.getSortedSet(context.reader(), field);
            segmentTerms.put(field, values);
            segmentOrdinals.put(field, new long[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())]);
        }
        for (String field : numbers) {
            segmentNumbers.put(field, DocValues.getSortedNumeric(context.reader(), field));
        }
        segmentDates = DocValues.getSortedNumeric(context.reader(), dateField);
    }

    @Override
    public void collect(int doc) throws IOException {
        for (String field : terms) {
            SortedSetDocValues values = segmentTerms.get(field);
            if (values.advanceExact(doc)) {
                long[] ordinals = segmentOrdinals.get(field);
                for (int i = 0; i < values.docValueCount(); i++) {
                    ordinals[(int) values.nextOrd()]++;
                }
            }
        }
        for (String field : numbers) {
            SortedNumericDocValues values = segmentNumbers.get(field);
            if (values.advanceExact(doc)) {
                Map<Object, Long> map = counts.computeIfAbsent(field, f -> new HashMap<>());
                for (int i = 0; i < values.docValueCount(); i++) {
                    map.merge(values.nextValue(), 1L, Long::sum);
                }
            }
        }
        if (segmentDates.advanceExact(doc)) {
            long date = segmentDates.nextValue();
            for (int r = 0; r < rangeStarts.length; r++) {
                if (date >= rangeStarts[r]) {
                    ranges[r]++;
                }
            }
            if (date < rangeStarts[rangeStarts.length - 1]) {
                ranges[rangeStarts.length]++;
            }
        }
    }

    /** Call once after the search: turns the last segment's ordinals into terms. */
    RawFacets done() throws IOException {
        flushSegment();
        return this;
    }

    private void flushSegment() throws IOException {
        for (Map.Entry<String, long[]> field : segmentOrdinals.entrySet()) {
            long[] ordinals = field.getValue();
            SortedSetDocValues values = segmentTerms.get(field.getKey());
            for (int ord = 0; ord < ordinals.length; ord++) {
                if (ordinals[ord] > 0) {
                    counts.computeIfAbsent(field.getKey(), f -> new HashMap<>())
                            .merge(values.lookupOrd(ord).utf8ToString(), ordinals[ord], Long::sum);
                }
            }
        }
        segmentOrdinals.clear();
        segmentTerms.clear();
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public void setScorer(Scorable scorer) {
        // Counting needs no scores.
    }
}
