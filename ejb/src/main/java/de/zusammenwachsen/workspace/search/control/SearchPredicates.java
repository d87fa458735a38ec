package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.search.control.SearchEntry.Audience;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

import java.util.Set;

import static de.zusammenwachsen.workspace.search.control.SearchFields.AUDIENCE;
import static de.zusammenwachsen.workspace.search.control.SearchFields.GROUP;

/** The permission filter of every search: an item matches when its audience and group meet the viewer's scope. */
public final class SearchPredicates {

    private SearchPredicates() {
    }

    public static SearchPredicate readable(SearchPredicateFactory f, AccessPolicy.SearchScope scope) {
        if (scope.everything()) {
            return f.bool().must(f.matchAll()).mustNot(f.match().field(AUDIENCE).matching(Audience.NOBODY.name()))
                    .toPredicate();
        }
        BooleanPredicateClausesStep<?> any = f.bool().should(f.match().field(AUDIENCE).matching(Audience.EVERYONE.name()));
        audience(f, any, Audience.READERS, scope.readable());
        audience(f, any, Audience.MEMBERS, scope.members());
        audience(f, any, Audience.MODERATORS, scope.moderated());
        return any.toPredicate();
    }

    private static void audience(SearchPredicateFactory f, BooleanPredicateClausesStep<?> any, Audience audience,
                                 Set<Long> groups) {
        if (!groups.isEmpty()) {
            any.should(f.bool().must(f.match().field(AUDIENCE).matching(audience.name()))
                    .must(f.terms().field(GROUP).matchingAny(groups)));
        }
    }
}
