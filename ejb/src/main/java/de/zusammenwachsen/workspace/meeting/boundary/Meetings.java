package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.search.control.SearchIndex;
import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.MeetingAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.account.control.AccountNames;
import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.Flush;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import de.zusammenwachsen.workspace.meeting.control.IcsWriter;
import de.zusammenwachsen.workspace.meeting.control.Invitations;
import de.zusammenwachsen.workspace.meeting.control.MeetingFinder;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItem;
import de.zusammenwachsen.workspace.meeting.entity.Answer;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.meeting.entity.MeetingAnswer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A group's meetings as members use them: upcoming and past lists, a month for the calendar, one meeting with its
 * agenda and answers, planning, changing and cancelling (with invitation mails carrying the calendar file), and
 * answering. Every method asks the {@link AccessPolicy}; whoever may not read the group gets 404 for all of it.
 */
@Stateless
public class Meetings {

    /** A second submit of the same plan within this time returns the first meeting instead of a twin. */
    private static final Duration RESUBMIT = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndex searchIndex;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    MeetingFinder finder;

    @Inject
    Invitations invitations;

    @Inject
    AccountNames accountNames;

    @Inject
    AuditLog audit;

    private final AccessPolicy policy = new AccessPolicy();

    public MeetingView.Board list(String slug, boolean past, int first, int size) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(group);
        policy.require(viewer, MeetingAction.READ, facts, null);
        Instant now = Instant.now();
        // Upcoming: not yet over, soonest first; past: over, latest first.
        String where = " from Meeting m where m.group = :g and m.endsAt " + (past ? "<= :now" : "> :now");
        long total = em.createQuery("select count(m)" + where, Long.class)
                .setParameter("g", group).setParameter("now", now).getSingleResult();
        int pageSize = Page.clampSize(size);
        List<MeetingView.Summary> found = em.createQuery("select m" + where + " order by m.startsAt "
                        + (past ? "desc" : "asc") + ", m.id", Meeting.class)
                .setParameter("g", group).setParameter("now", now)
                .setFirstResult(Math.max(0, first)).setMaxResults(pageSize).getResultList()
                .stream().map(Meetings::summary).toList();
        return new MeetingView.Board(group.getId(), group.getSlug(), group.getName(), past,
                new Page<>(found, total, Math.max(0, first), pageSize), permission(viewer, facts, null, false));
    }

    /** The next few meetings, for the group's overview page. */
    public List<MeetingView.Summary> next(String slug, int count) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), MeetingAction.READ, AccessPolicy.GroupFacts.of(group), null);
        return em.createQuery("select m from Meeting m where m.group = :g and m.endsAt > :now and m.cancelledAt is null "
                        + "order by m.startsAt, m.id", Meeting.class)
                .setParameter("g", group).setParameter("now", Instant.now())
                .setMaxResults(Math.max(1, Math.min(count, 20))).getResultList()
                .stream().map(Meetings::summary).toList();
    }

    /** The meetings that touch one month in Berlin time, for the calendar view. */
    public MeetingView.Month month(String slug, YearMonth month) {
        WorkingGroup group = groups.bySlug(slug);
        policy.require(caller.viewer(), MeetingAction.READ, AccessPolicy.GroupFacts.of(group), null);
        YearMonth shown = month == null ? YearMonth.now(IcsWriter.BERLIN) : month;
        Instant from = shown.atDay(1).atStartOfDay(IcsWriter.BERLIN).toInstant();
        Instant to = shown.plusMonths(1).atDay(1).atStartOfDay(IcsWriter.BERLIN).toInstant();
        List<MeetingView.Summary> found = em.createQuery("select m from Meeting m where m.group = :g "
                        + "and m.startsAt < :to and m.endsAt > :from order by m.startsAt, m.id", Meeting.class)
                .setParameter("g", group).setParameter("from", from).setParameter("to", to)
                .setMaxResults(500).getResultList().stream().map(Meetings::summary).toList();
        return new MeetingView.Month(group.getId(), group.getSlug(), group.getName(), shown.getYear(),
                shown.getMonthValue(), found);
    }

    public MeetingView.Detail get(Long id) {
        Meeting meeting = readable(id);
        WorkingGroup group = meeting.getGroup();
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(group);
        Instant now = Instant.now();
        List<AgendaItem> items = finder.agenda(meeting);
        List<Long> people = new ArrayList<>();
        people.add(meeting.getOrganiserId());
        items.forEach(i -> people.add(i.getProposedBy()));
        Map<Long, String> names = accountNames.of(people.stream().filter(p -> p != null).toList());
        List<MeetingView.Item> agenda = new ArrayList<>();
        List<MeetingView.Item> proposals = new ArrayList<>();
        int minutes = 0;
        for (AgendaItem item : items) {
            boolean editable = Agenda.mayEdit(policy, viewer, facts, meeting, item);
            if (item.isAccepted()) {
                agenda.add(item(item, agenda.size() + 1, names, editable));
                minutes += item.getPlannedMinutes() == null ? 0 : item.getPlannedMinutes();
            } else {
                proposals.add(item(item, 0, names, editable));
            }
        }
        Map<Answer, Long> counts = new EnumMap<>(Answer.class);
        em.createQuery("select a.answer, count(a) from MeetingAnswer a where a.key.meetingId = :m group by a.answer",
                Object[].class).setParameter("m", meeting.getId()).getResultList()
                .forEach(row -> counts.put((Answer) row[0], (Long) row[1]));
        Answer mine = viewer.accountId() == null ? null
                : answerOf(meeting.getId(), viewer.accountId());
        return new MeetingView.Detail(meeting.getId(), group.getId(), group.getSlug(), group.getName(),
                meeting.getTitle(), meeting.getStartsAt(), meeting.getEndsAt(), meeting.getPlace(),
                meeting.getOnlineUrl(), meeting.getDescription(), meeting.getOrganiserId(),
                names.get(meeting.getOrganiserId()), meeting.isCancelled(), meeting.hasStarted(now),
                meeting.getIcalSequence(), meeting.getVersion(),
                new MeetingView.Counts(counts.getOrDefault(Answer.YES, 0L), counts.getOrDefault(Answer.NO, 0L),
                        counts.getOrDefault(Answer.MAYBE, 0L)),
                mine, agenda, proposals, minutes, permission(viewer, facts, meeting, meeting.hasStarted(now)));
    }

    /** Plans a meeting and invites the group's members by mail. */
    public Long plan(String slug, MeetingView.Form form) {
        WorkingGroup group = groups.bySlug(slug);
        Viewer viewer = caller.viewer();
        policy.require(viewer, MeetingAction.PLAN, AccessPolicy.GroupFacts.of(group), null);
        requireForm(form);
        Instant now = Instant.now();
        String title = Meeting.requireTitle(form.title());
        Meeting twin = em.createQuery("select m from Meeting m where m.group = :g and m.organiserId = :me "
                        + "and m.title = :t and m.startsAt = :s and m.createdAt > :recent", Meeting.class)
                .setParameter("g", group).setParameter("me", viewer.accountId()).setParameter("t", title)
                .setParameter("s", form.startsAt()).setParameter("recent", now.minus(RESUBMIT))
                .getResultStream().findFirst().orElse(null);
        if (twin != null) {
            return twin.getId();
        }
        if (form.startsAt() != null && form.startsAt().isBefore(now.minus(Duration.ofDays(1)))) {
            // Minutes of a meeting that was never planned here still need a meeting; a day back is allowed.
            throw new InvalidInputException("meeting.time.past");
        }
        Meeting meeting = new Meeting(group, title, form.startsAt(), form.endsAt(), form.place(), form.onlineUrl(),
                form.description(), viewer.accountId(), now);
        Flush.orConflict(em, "error.changedMeanwhile", () -> em.persist(meeting));
        audit.record("meeting.planned", group, meeting.getTitle(), null);
        invitations.send(meeting, Invitations.Kind.INVITED);
        return meeting.getId();
    }

    /** Changes a meeting; {@code version} is the one the form started from (changed meanwhile: 409). */
    public void update(Long id, int version, MeetingView.Form form) {
        Meeting meeting = readable(id);
        policy.require(caller.viewer(), MeetingAction.EDIT_MEETING, AccessPolicy.GroupFacts.of(meeting.getGroup()),
                meeting.getOrganiserId());
        if (meeting.getVersion() != version) {
            throw new ConflictException("meeting.conflict");
        }
        requireForm(form);
        boolean relevant = meeting.change(form.title(), form.startsAt(), form.endsAt(), form.place(), form.onlineUrl(),
                form.description());
        Flush.orConflict(em, "meeting.conflict");
        searchIndex.meeting(meeting);
        audit.record("meeting.changed", meeting.getGroup(), meeting.getTitle(), null);
        if (relevant) {
            invitations.send(meeting, Invitations.Kind.CHANGED);
        }
    }

    /** Cancels a meeting and tells the members (their calendars drop it). */
    public void cancel(Long id) {
        Meeting meeting = readable(id);
        policy.require(caller.viewer(), MeetingAction.EDIT_MEETING, AccessPolicy.GroupFacts.of(meeting.getGroup()),
                meeting.getOrganiserId());
        meeting.cancel(Instant.now());
        Flush.orConflict(em, "meeting.conflict");
        audit.record("meeting.cancelled", meeting.getGroup(), meeting.getTitle(), null);
        invitations.send(meeting, Invitations.Kind.CANCELLED);
    }

    /** Answers the invitation; answering again replaces the answer. */
    public void answer(Long id, Answer answer) {
        Meeting meeting = readable(id);
        Viewer viewer = caller.viewer();
        policy.require(viewer, MeetingAction.ANSWER, AccessPolicy.GroupFacts.of(meeting.getGroup()), null);
        if (answer == null) {
            throw new InvalidInputException("meeting.answer.required");
        }
        meeting.requireNotCancelled();
        MeetingAnswer existing = em.find(MeetingAnswer.class, new MeetingAnswer.Key(meeting.getId(), viewer.accountId()));
        if (existing != null) {
            existing.change(answer, Instant.now());
        } else {
            // Two answers at once from the same person: the primary key decides, the loser is told to reload.
            Flush.orConflict(em, "error.changedMeanwhile",
                    () -> em.persist(new MeetingAnswer(meeting.getId(), viewer.accountId(), answer, Instant.now())));
        }
    }

    /** The meeting as a calendar file, for the download link. */
    public String ics(Long id) {
        Meeting meeting = readable(id);
        return Invitations.writer(meeting.getGroup().getName()).write(IcsWriter.Method.PUBLISH,
                List.of(IcsWriter.Event.of(meeting, Invitations.link(meeting.getId()), Instant.now())));
    }

    private Answer answerOf(Long meetingId, Long accountId) {
        MeetingAnswer answer = em.find(MeetingAnswer.class, new MeetingAnswer.Key(meetingId, accountId));
        return answer == null ? null : answer.getAnswer();
    }

    private Meeting readable(Long id) {
        Meeting meeting = finder.meeting(id);
        policy.require(caller.viewer(), MeetingAction.READ, AccessPolicy.GroupFacts.of(meeting.getGroup()), null);
        return meeting;
    }

    private static void requireForm(MeetingView.Form form) {
        if (form == null) {
            throw new InvalidInputException("meeting.title.required");
        }
    }

    MeetingView.Permission permission(Viewer viewer, AccessPolicy.GroupFacts facts, Meeting meeting, boolean started) {
        Long organiser = meeting == null ? null : meeting.getOrganiserId();
        boolean open = meeting == null || !meeting.isCancelled();
        boolean edit = policy.permits(viewer, MeetingAction.EDIT_MEETING, facts, organiser);
        return new MeetingView.Permission(
                open && policy.permits(viewer, MeetingAction.ANSWER, facts, null),
                policy.permits(viewer, MeetingAction.PLAN, facts, null),
                open && edit,
                open && !started && policy.permits(viewer, MeetingAction.PROPOSE_ITEM, facts, null),
                open && edit);
    }

    static MeetingView.Summary summary(Meeting m) {
        return new MeetingView.Summary(m.getId(), m.getTitle(), m.getStartsAt(), m.getEndsAt(), m.getPlace(),
                m.getOnlineUrl(), m.isCancelled());
    }

    static MeetingView.Item item(AgendaItem item, int number, Map<Long, String> names, boolean editable) {
        return new MeetingView.Item(item.getId(), number, item.getTitle(), item.getDescription(), item.getPresenter(),
                item.getPlannedMinutes(), item.getState(), item.getProposedBy(), names.get(item.getProposedBy()),
                item.getActionItemId(), item.getVersion(), editable);
    }
}
