package de.zusammenwachsen.workspace.search.control;

import de.zusammenwachsen.workspace.discussion.entity.DiscussionThread;
import de.zusammenwachsen.workspace.discussion.entity.Post;
import de.zusammenwachsen.workspace.document.entity.Document;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.meeting.entity.ActionItem;
import de.zusammenwachsen.workspace.meeting.entity.Decision;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.meeting.entity.Minutes;
import de.zusammenwachsen.workspace.search.boundary.SearchView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

import java.util.List;

/**
 * Re-indexes items whose entry shows something of another entity that changed: Hibernate Search re-indexes an
 * entity when the entity itself changes (see {@link SearchableBinder}); these calls cover the rest, inside the
 * transaction of the change, so the index follows with its commit.
 */
@Stateless
public class SearchIndex {

    /** Indexed kinds; each is searched as one index of the same shape. */
    public static final List<Class<?>> TYPES = List.of(Document.class, DiscussionThread.class, Post.class,
            Meeting.class, Minutes.class, Decision.class, ActionItem.class, WorkingGroup.class);

    /** The entity class indexed for a kind of hit. */
    public static Class<?> type(SearchView.Kind kind) {
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

    /** Above this many items a group's change is re-indexed in the background instead of in the transaction. */
    static final int IN_TRANSACTION_LIMIT = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    IndexRebuild rebuild;

    /** A document's text arrived (extraction done) or its folder chain changed. */
    public void document(Document document) {
        plan().addOrUpdate(document);
    }

    /** A thread's title, group or trash state changed: its posts show all three. */
    public void thread(DiscussionThread thread) {
        SearchIndexingPlan plan = plan();
        plan.addOrUpdate(thread);
        em.createQuery("select p from Post p where p.thread = :thread", Post.class).setParameter("thread", thread)
                .getResultList().forEach(plan::addOrUpdate);
    }

    /** Minutes changed state or content: their decisions and action items inherit who may read them. */
    public void minutes(Minutes minutes) {
        SearchIndexingPlan plan = plan();
        plan.addOrUpdate(minutes);
        minutes.getDecisions().forEach(plan::addOrUpdate);
        minutes.getActionItems().forEach(plan::addOrUpdate);
    }

    /** A meeting's title shows on its minutes, decisions and action items. */
    public void meeting(Meeting meeting) {
        em.createQuery("select m from Minutes m where m.meeting = :meeting", Minutes.class)
                .setParameter("meeting", meeting).getResultList().forEach(this::minutes);
    }

    /**
     * A group's name, slug, action field or regions changed: every item of the group shows them. Small groups are
     * re-indexed with the change; large ones right after it in the background (searching goes on meanwhile).
     */
    public void group(WorkingGroup group) {
        plan().addOrUpdate(group);
        long count = 0;
        for (String entity : List.of("Document", "DiscussionThread", "Meeting")) {
            count += em.createQuery("select count(e) from " + entity + " e where e.group = :group", Long.class)
                    .setParameter("group", group).getSingleResult();
        }
        if (count > IN_TRANSACTION_LIMIT) {
            rebuild.group(group.getId());
            return;
        }
        SearchIndexingPlan plan = plan();
        em.createQuery("select d from Document d where d.group = :group", Document.class).setParameter("group", group)
                .getResultList().forEach(plan::addOrUpdate);
        em.createQuery("select t from DiscussionThread t where t.group = :group", DiscussionThread.class)
                .setParameter("group", group).getResultList().forEach(this::thread);
        em.createQuery("select m from Meeting m where m.group = :group", Meeting.class).setParameter("group", group)
                .getResultList().forEach(meeting -> {
                    plan.addOrUpdate(meeting);
                    meeting(meeting);
                });
    }

    private SearchIndexingPlan plan() {
        return Search.session(em).indexingPlan();
    }
}
