package de.zusammenwachsen.workspace.search.control;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.mapper.orm.HibernateOrmExtension;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

import java.time.Instant;
import java.util.List;

import static de.zusammenwachsen.workspace.search.control.SearchFields.*;

/**
 * Gives every searchable entity the same index fields, filled from its {@link SearchEntry}: one query can then span
 * all kinds with one permission filter and one set of facets.
 *
 * <p>The bridge depends on the entity's own properties named in {@link #DEPENDS_ON}. What an entry also
 * shows of other entities (a thread's title on its posts, a group's name, a minutes' state on its decisions, a
 * document's extracted text) is re-indexed explicitly by {@link SearchIndex} where those change.
 */
public class SearchableBinder implements TypeBinder {

    /**
     * The entity's own properties its entry is made of, comma-separated: a change of any of them re-indexes the
     * entity (Hibernate Search tracks only declared properties, and only through Hibernate's dirty checking).
     */
    public static final String DEPENDS_ON = "dependsOn";

    /** How much of a text is kept for passages: what Lucene's unified highlighter reads at most (its default). */
    static final int PASSAGE_SOURCE = 10_000;

    @Override
    public void bind(TypeBindingContext context) {
        for (String property : context.param(DEPENDS_ON, String.class).split(",")) {
            context.dependencies().use(property.strip());
        }
        IndexSchemaElement schema = context.indexSchemaElement();
        IndexFieldTypeFactory f = context.typeFactory();
        Fields fields = new Fields(
                schema.field(KIND, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).toReference(),
                schema.field(GROUP, f.asLong().aggregable(Aggregable.YES).projectable(Projectable.YES)).toReference(),
                schema.field(AUDIENCE, f.asString()).toReference(),
                schema.field(TITLE, f.asString().analyzer(GermanAnalysis.TEXT).searchAnalyzer(GermanAnalysis.QUERY)
                        .projectable(Projectable.YES)).toReference(),
                schema.field(TITLE_PREFIX, f.asString().analyzer(GermanAnalysis.PREFIX)
                        .searchAnalyzer(GermanAnalysis.PREFIX_QUERY)).toReference(),
                schema.field(TEXT, f.asString().analyzer(GermanAnalysis.TEXT).searchAnalyzer(GermanAnalysis.QUERY)
                        .projectable(Projectable.NO)).toReference(),
                // The whole text is searched but not stored: Lucene decompresses a hit's stored fields as one
                // block, and a law of 2 MB in it made every hit of it cost milliseconds. The passage shown comes
                // from the stored start of the text, as far as the highlighter reads anyway. Hits are marked by
                // QueryMarks on the stored text; the typo-tolerant retry uses Lucene's highlighter, which offsets in
                // term vectors spare analysing that start again.
                schema.field(PASSAGE, f.asString().analyzer(GermanAnalysis.TEXT).searchAnalyzer(GermanAnalysis.QUERY)
                        .projectable(Projectable.YES).highlightable(List.of(Highlightable.UNIFIED))
                        .termVector(TermVector.WITH_POSITIONS_OFFSETS))
                        .toReference(),
                schema.field(GROUP_NAME, f.asString().searchable(Searchable.NO).projectable(Projectable.YES)).toReference(),
                schema.field(GROUP_SLUG, f.asString().projectable(Projectable.YES)).toReference(),
                schema.field(ACTION_FIELD, f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).toReference(),
                schema.field(REGION, f.asString().aggregable(Aggregable.YES)).multiValued().toReference(),
                schema.field(AUTHOR, f.asLong().aggregable(Aggregable.YES).projectable(Projectable.YES)).toReference(),
                schema.field(AUTHOR_NAME, f.asString().searchable(Searchable.NO).projectable(Projectable.YES)).toReference(),
                schema.field(DATE, f.asInstant().sortable(Sortable.YES).aggregable(Aggregable.YES)
                        .projectable(Projectable.YES)).toReference(),
                schema.field(FOLDER, f.asLong()).multiValued().toReference(),
                schema.field(LINK, f.asString().searchable(Searchable.NO).projectable(Projectable.YES)).toReference());
        context.bridge(Object.class, new Bridge(fields));
    }

    private record Fields(IndexFieldReference<String> kind, IndexFieldReference<Long> group,
                          IndexFieldReference<String> audience, IndexFieldReference<String> title,
                          IndexFieldReference<String> titlePrefix, IndexFieldReference<String> text,
                          IndexFieldReference<String> passage,
                          IndexFieldReference<String> groupName, IndexFieldReference<String> groupSlug,
                          IndexFieldReference<String> actionField, IndexFieldReference<String> region,
                          IndexFieldReference<Long> author, IndexFieldReference<String> authorName,
                          IndexFieldReference<Instant> date, IndexFieldReference<Long> folder,
                          IndexFieldReference<String> link) {
    }

    /** Ends a stored start that is not the whole text (see {@link #cut}). */
    static final String CUT = " \u2026";

    /**
     * The start of a text up to {@link #PASSAGE_SOURCE} characters, cut at a space, as readable text; {@link #CUT}
     * ends it when the text goes on.
     */
    static String start(String markup) {
        String text = PlainText.of(markup);
        if (text == null || text.length() <= PASSAGE_SOURCE) {
            return text;
        }
        int space = text.lastIndexOf(' ', PASSAGE_SOURCE);
        return text.substring(0, space > PASSAGE_SOURCE / 2 ? space : PASSAGE_SOURCE) + CUT;
    }

    /**
     * Whether a stored start was cut from a longer text: then words not found in it may be further on, and the hit's
     * marked passage has to come from the whole text.
     */
    public static boolean cut(String stored) {
        return stored != null && stored.endsWith(CUT);
    }

    private static final class Bridge implements TypeBridge<Object> {

        private final Fields fields;

        Bridge(Fields fields) {
            this.fields = fields;
        }

        @Override
        public void write(DocumentElement target, Object entity, TypeBridgeWriteContext context) {
            EntityManager em = context.extension(HibernateOrmExtension.get()).session();
            SearchEntry entry = SearchEntries.of(entity, em);
            target.addValue(fields.kind(), entry.kind().key());
            target.addValue(fields.group(), entry.groupId());
            target.addValue(fields.audience(), entry.audience().name());
            target.addValue(fields.title(), entry.title());
            target.addValue(fields.titlePrefix(), entry.title());
            target.addValue(fields.text(), entry.text());
            target.addValue(fields.passage(), start(entry.text()));
            target.addValue(fields.groupName(), entry.groupName());
            target.addValue(fields.groupSlug(), entry.groupSlug());
            target.addValue(fields.actionField(), entry.actionField());
            entry.regions().forEach(region -> target.addValue(fields.region(), region));
            target.addValue(fields.author(), entry.authorId());
            target.addValue(fields.authorName(), entry.authorName());
            target.addValue(fields.date(), entry.date());
            entry.folders().forEach(folder -> target.addValue(fields.folder(), folder));
            target.addValue(fields.link(), entry.link());
        }
    }
}
