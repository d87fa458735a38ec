package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.search.boundary.SearchView;

import java.time.Instant;
import java.util.List;

/**
 * One indexed item in the shape every kind shares, so that one query with one set of facets spans documents,
 * posts, minutes and the rest. {@code audience} says who may read it besides the group's id (see {@link Audience}).
 */
public record SearchEntry(SearchView.Kind kind, Long groupId, Audience audience, String title, String text,
                          String groupName, String groupSlug, String actionField, List<String> regions,
                          Long authorId, String authorName, Instant date, List<Long> folders, String link) {

    /**
     * Who reads an item, decided when it is indexed from the item's own state (draft, hidden, trashed, published);
     * which groups a viewer reads, is a member or moderator of, is decided per query. So a membership change needs
     * no re-indexing, while a change of the item's state re-indexes the item anyway.
     */
    public enum Audience {
        /** Everyone, guests included: published decisions, listed groups. */
        EVERYONE,
        /** Whoever may read the group's content. */
        READERS,
        /** The group's members (and administrators): draft minutes and what they contain. */
        MEMBERS,
        /** The group's moderators (and administrators): hidden posts, trashed documents and threads. */
        MODERATORS,
        /** Nobody: deleted posts keep a placeholder row but their text is gone. */
        NOBODY
    }
}
