package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.discussion.entity.DiscussionThread;
import de.zusammenwachsen.workspace.discussion.entity.Post;
import de.zusammenwachsen.workspace.document.entity.Document;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.meeting.entity.ActionItem;
import de.zusammenwachsen.workspace.meeting.entity.Decision;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.meeting.entity.Minutes;
import de.zusammenwachsen.workspace.search.boundary.SearchView.Kind;
import jakarta.persistence.EntityManager;

/**
 * The passage of a hit whose words lie beyond the stored start of its text. The index searches a whole text but
 * stores only its first {@link SearchableBinder#PASSAGE_SOURCE} characters for passages (a hit's stored block is read
 * whole, and a law of 2 MB in every block made every hit slow). Most hits show their words early; for the few that
 * do not, the text is built again from the database, as the index built it, and marked there.
 */
public final class LongTexts {

    private LongTexts() {
    }

    /** Whether a stored passage source may be the cut start of a longer text. */
    public static boolean mayBeCut(String stored) {
        return stored != null && stored.length() >= SearchableBinder.PASSAGE_SOURCE / 2;
    }

    /** The marked passage from the item's whole text; null when the item is gone or its text has no mark. */
    public static String passage(EntityManager em, Kind kind, Long id, QueryMarks marks, int length) {
        Object item = em.find(type(kind), id);
        if (item == null) {
            return null;
        }
        return marks.passage(PlainText.of(SearchEntries.of(item, em).text()), length);
    }

    private static Class<?> type(Kind kind) {
        return switch (kind) {
            case DOCUMENT -> Document.class;
            case THREAD -> DiscussionThread.class;
            case POST -> Post.class;
            case MEETING -> Meeting.class;
            case MINUTES -> Minutes.class;
            case DECISION -> Decision.class;
            case ACTION_ITEM -> ActionItem.class;
            case GROUP -> WorkingGroup.class;
        };
    }
}
