package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.MeetingAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.account.control.AccountNames;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.Flush;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.meeting.control.MeetingFinder;
import de.zusammenwachsen.workspace.meeting.entity.ActionItem;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItem;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItemState;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A meeting's agenda: members propose items before the meeting starts; the organiser and the moderators accept,
 * edit, remove and reorder them, and take over the group's open action items. Positions are renumbered under the
 * meeting's write lock, and a reorder names the meeting version it started from, so two people reordering at once
 * get a conflict instead of a mixed order.
 */
@Stateless
public class Agenda {

    private static final int MAX_ITEMS = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    MeetingFinder finder;

    @Inject
    AccountNames accountNames;

    private final AccessPolicy policy = new AccessPolicy();

    /** Proposes an item; an organiser's or moderator's item is on the agenda at once. */
    public Long propose(Long meetingId, MeetingView.ItemForm form) {
        Meeting meeting = readable(meetingId);
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(meeting.getGroup());
        policy.require(viewer, MeetingAction.PROPOSE_ITEM, facts, null);
        boolean manager = policy.permits(viewer, MeetingAction.EDIT_MEETING, facts, meeting.getOrganiserId());
        meeting = finder.meetingForUpdate(meetingId);
        meeting.requireNotCancelled();
        if (!manager && meeting.hasStarted(Instant.now())) {
            throw new ConflictException("agenda.closed");
        }
        if (form == null) {
            throw new InvalidInputException("agenda.title.required");
        }
        requireRoom(meeting);
        AgendaItem item = new AgendaItem(meeting, finder.nextPosition(meeting), form.title(), form.description(),
                form.presenter(), form.plannedMinutes(), manager ? AgendaItemState.ACCEPTED : AgendaItemState.PROPOSED,
                viewer.accountId(), null, Instant.now());
        em.persist(item);
        em.flush();
        return item.getId();
    }

    public void accept(Long itemId) {
        AgendaItem item = managed(itemId);
        Meeting meeting = finder.meetingForUpdate(item.getMeeting().getId());
        item.accept();
        // Accepted items come after the ones already accepted.
        item.moveTo(finder.nextPosition(meeting));
        Flush.orConflict(em, "agenda.conflict");
    }

    /** Changes an item; the organiser and moderators any item, a member their own proposal while it waits. */
    public void edit(Long itemId, int version, MeetingView.ItemForm form) {
        AgendaItem item = editable(itemId);
        if (item.getVersion() != version) {
            throw new ConflictException("agenda.conflict");
        }
        if (form == null) {
            throw new InvalidInputException("agenda.title.required");
        }
        item.edit(form.title(), form.description(), form.presenter(), form.plannedMinutes());
        Flush.orConflict(em, "agenda.conflict");
    }

    public void remove(Long itemId) {
        AgendaItem item = editable(itemId);
        Long count = em.createQuery("select count(n) from MinutesNote n where n.agendaItemId = :i", Long.class)
                .setParameter("i", item.getId()).getSingleResult();
        if (count > 0) {
            // The minutes already speak about this item; it stays so they keep their context.
            throw new ConflictException("agenda.inMinutes");
        }
        em.remove(item);
        Flush.orConflict(em, "agenda.inMinutes");
    }

    /**
     * Puts the accepted items in the given order. {@code meetingVersion} is the meeting's version the page showed;
     * every reorder raises it, so a reorder based on an older order is refused (409).
     */
    public void reorder(Long meetingId, int meetingVersion, List<Long> itemIds) {
        Meeting meeting = readable(meetingId);
        policy.require(caller.viewer(), MeetingAction.EDIT_MEETING, AccessPolicy.GroupFacts.of(meeting.getGroup()),
                meeting.getOrganiserId());
        meeting = finder.meetingForUpdate(meetingId);
        meeting.requireNotCancelled();
        if (meeting.getVersion() != meetingVersion) {
            throw new ConflictException("agenda.conflict");
        }
        List<AgendaItem> accepted = finder.agenda(meeting).stream().filter(AgendaItem::isAccepted).toList();
        if (itemIds == null || itemIds.size() != accepted.size()
                || !new HashSet<>(itemIds).equals(new HashSet<>(accepted.stream().map(AgendaItem::getId).toList()))) {
            throw new ConflictException("agenda.conflict");
        }
        for (AgendaItem item : accepted) {
            item.moveTo(itemIds.indexOf(item.getId()) + 1);
        }
        // The order belongs to the meeting: raising its version makes a concurrent reorder a conflict.
        em.lock(meeting, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Flush.orConflict(em, "agenda.conflict");
    }

    /** Moves one accepted item one place up or down; the keyboard's way to reorder. */
    public void move(Long itemId, int meetingVersion, boolean up) {
        AgendaItem item = managed(itemId);
        Meeting meeting = item.getMeeting();
        List<Long> order = new ArrayList<>(finder.agenda(meeting).stream().filter(AgendaItem::isAccepted)
                .map(AgendaItem::getId).toList());
        int at = order.indexOf(item.getId());
        int to = up ? at - 1 : at + 1;
        if (at < 0 || to < 0 || to >= order.size()) {
            return;
        }
        order.set(at, order.get(to));
        order.set(to, item.getId());
        reorder(meeting.getId(), meetingVersion, order);
    }

    /** Open action items of the group that are not yet on an upcoming meeting's agenda. */
    public List<MeetingView.Offered> offeredActionItems(Long meetingId) {
        Meeting meeting = readable(meetingId);
        List<ActionItem> open = em.createQuery("select a from ActionItem a where a.groupId = :g and a.status = :open "
                        + "and not exists (select i.id from AgendaItem i where i.actionItemId = a.id "
                        + "and i.meeting.endsAt > :now) order by a.dueOn nulls last, a.id", ActionItem.class)
                .setParameter("g", meeting.getGroup().getId()).setParameter("open", ActionItemStatus.OPEN)
                .setParameter("now", Instant.now()).setMaxResults(50).getResultList();
        Map<Long, String> names = accountNames.of(open.stream().map(ActionItem::getOwnerId).toList());
        return open.stream().map(a -> new MeetingView.Offered(a.getId(), a.getTitle(), names.get(a.getOwnerId()),
                a.getDueOn())).toList();
    }

    /** Puts an open action item of the group on the agenda (accepted at once: only managers may). */
    public Long takeOver(Long meetingId, Long actionItemId) {
        Meeting meeting = readable(meetingId);
        Viewer viewer = caller.viewer();
        policy.require(viewer, MeetingAction.EDIT_MEETING, AccessPolicy.GroupFacts.of(meeting.getGroup()),
                meeting.getOrganiserId());
        ActionItem action = actionItemId == null ? null : em.find(ActionItem.class, actionItemId);
        if (action == null || !action.getGroupId().equals(meeting.getGroup().getId())) {
            throw new NotFoundException();
        }
        if (action.getStatus() != ActionItemStatus.OPEN) {
            throw new ConflictException("agenda.actionItemClosed");
        }
        meeting = finder.meetingForUpdate(meetingId);
        meeting.requireNotCancelled();
        Long already = em.createQuery("select count(i) from AgendaItem i where i.meeting = :m and i.actionItemId = :a",
                Long.class).setParameter("m", meeting).setParameter("a", actionItemId).getSingleResult();
        if (already > 0) {
            throw new ConflictException("agenda.actionItemTaken");
        }
        requireRoom(meeting);
        String title = action.getTitle().length() > AgendaItem.MAX_TITLE
                ? action.getTitle().substring(0, AgendaItem.MAX_TITLE - 1) + "…" : action.getTitle();
        String presenter = action.getOwnerId() == null ? null
                : accountNames.of(List.of(action.getOwnerId())).get(action.getOwnerId());
        AgendaItem item = new AgendaItem(meeting, finder.nextPosition(meeting), title, null, presenter, null,
                AgendaItemState.ACCEPTED, viewer.accountId(), action.getId(), Instant.now());
        em.persist(item);
        em.flush();
        return item.getId();
    }

    private void requireRoom(Meeting meeting) {
        Long count = em.createQuery("select count(i) from AgendaItem i where i.meeting = :m", Long.class)
                .setParameter("m", meeting).getSingleResult();
        if (count >= MAX_ITEMS) {
            throw new InvalidInputException("agenda.full", MAX_ITEMS);
        }
    }

    private Meeting readable(Long meetingId) {
        Meeting meeting = finder.meeting(meetingId);
        policy.require(caller.viewer(), MeetingAction.READ, AccessPolicy.GroupFacts.of(meeting.getGroup()), null);
        return meeting;
    }

    /** An item the caller may manage as organiser or moderator. */
    private AgendaItem managed(Long itemId) {
        AgendaItem item = finder.item(itemId);
        Meeting meeting = readable(item.getMeeting().getId());
        policy.require(caller.viewer(), MeetingAction.EDIT_MEETING, AccessPolicy.GroupFacts.of(meeting.getGroup()),
                meeting.getOrganiserId());
        meeting.requireNotCancelled();
        return item;
    }

    private AgendaItem editable(Long itemId) {
        AgendaItem item = finder.item(itemId);
        Meeting meeting = readable(item.getMeeting().getId());
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(meeting.getGroup());
        if (!ownProposal(policy, viewer, facts, item)) {
            policy.require(viewer, MeetingAction.EDIT_MEETING, facts, meeting.getOrganiserId());
        }
        meeting.requireNotCancelled();
        return item;
    }

    /**
     * Whether the viewer may change or remove the item: the rule {@link #edit} and {@link #remove} enforce, also
     * asked by {@link Meetings#get} so that pages offer editing exactly where it will be allowed.
     */
    static boolean mayEdit(AccessPolicy policy, Viewer viewer, AccessPolicy.GroupFacts facts, Meeting meeting,
                           AgendaItem item) {
        return !meeting.isCancelled() && (ownProposal(policy, viewer, facts, item)
                || policy.permits(viewer, MeetingAction.EDIT_MEETING, facts, meeting.getOrganiserId()));
    }

    private static boolean ownProposal(AccessPolicy policy, Viewer viewer, AccessPolicy.GroupFacts facts,
                                       AgendaItem item) {
        return !item.isAccepted() && item.isProposedBy(viewer.accountId())
                && policy.permits(viewer, MeetingAction.PROPOSE_ITEM, facts, null);
    }
}
