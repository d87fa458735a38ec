package de.zusammenwachsen.workspace.meeting.boundary;

import de.zusammenwachsen.workspace.search.control.SearchIndex;
import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.MeetingAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.account.control.AccountNames;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.Flush;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.discussion.control.MarkdownRenderer;
import de.zusammenwachsen.workspace.discussion.entity.RenderedText;
import de.zusammenwachsen.workspace.meeting.boundary.MinutesView.Permission;
import de.zusammenwachsen.workspace.meeting.control.MinutesMarkdown;
import de.zusammenwachsen.workspace.meeting.control.MinutesNotices;
import de.zusammenwachsen.workspace.meeting.control.MinutesPdf;
import de.zusammenwachsen.workspace.meeting.entity.ActionItem;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemTerms;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItem;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItemState;
import de.zusammenwachsen.workspace.meeting.entity.Answer;
import de.zusammenwachsen.workspace.meeting.entity.AttendanceStatus;
import de.zusammenwachsen.workspace.meeting.entity.Decision;
import de.zusammenwachsen.workspace.meeting.entity.DecisionTerms;
import de.zusammenwachsen.workspace.meeting.entity.Meeting;
import de.zusammenwachsen.workspace.meeting.entity.MinutesAmendment;
import de.zusammenwachsen.workspace.meeting.entity.MinutesComment;
import de.zusammenwachsen.workspace.meeting.entity.MinutesNote;
import de.zusammenwachsen.workspace.meeting.entity.MinutesRevision;
import de.zusammenwachsen.workspace.meeting.entity.MinutesState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The minutes of a group's meetings: starting them, the draft saved as one document against its version,
 * circulating, comments, approval, amendments and the exports. Every method asks the {@link AccessPolicy}:
 * whoever may not read the group's meetings gets 404, and so does a reader who is not a member for a draft.
 */
@Stateless
public class Minutes {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Enough for years of monthly meetings; minutes are approved at one of the next few. */
    private static final int LATER_MEETINGS = 50;
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(Settings.baseUrl());

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndex searchIndex;

    @Inject
    Caller caller;

    @Inject
    AccountNames accountNames;

    @Inject
    MinutesNotices notices;

    private final AccessPolicy policy = new AccessPolicy();

    /** Whether the meeting has minutes and what the caller may do about them (for the meeting page). */
    public MinutesView.Status status(Long meetingId) {
        Meeting meeting = readableMeeting(meetingId);
        var minutes = find(meeting);
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(meeting.getGroup());
        boolean mayStart = minutes == null && !meeting.isCancelled()
                && policy.permits(viewer, MeetingAction.WRITE_MINUTES, facts, meeting.getOrganiserId());
        boolean readable = minutes != null && (minutes.getState() != MinutesState.DRAFT
                || policy.permits(viewer, MeetingAction.READ_DRAFT, facts, null));
        return new MinutesView.Status(meeting.getId(), minutes == null ? null : minutes.getState(), readable, mayStart);
    }

    /**
     * Starts the minutes (organiser or moderator); the minute-taker is the given member or the caller. Attendance
     * starts from the invitation's answers: yes is present, no is excused, everyone else absent. Starting again
     * changes nothing and answers false.
     */
    public boolean start(Long meetingId, Long minuteTakerId) {
        Meeting meeting = readableMeeting(meetingId);
        Viewer viewer = caller.viewer();
        policy.require(viewer, MeetingAction.WRITE_MINUTES, AccessPolicy.GroupFacts.of(meeting.getGroup()),
                meeting.getOrganiserId());
        if (find(meeting) != null) {
            return false;
        }
        if (meeting.isCancelled()) {
            throw new ConflictException("minutes.start.cancelled");
        }
        List<Long> members = memberIds(meeting);
        Long taker = minuteTakerId;
        if (taker == null) {
            // An administrator who is no member cannot take the minutes; then the organiser, or nobody yet.
            taker = members.contains(viewer.accountId()) ? viewer.accountId()
                    : members.contains(meeting.getOrganiserId()) ? meeting.getOrganiserId() : null;
        }
        if (taker != null && !members.contains(taker)) {
            throw new InvalidInputException("minutes.minuteTaker.notMember");
        }
        Map<Long, AttendanceStatus> attendance = new HashMap<>();
        members.forEach(id -> attendance.put(id, AttendanceStatus.ABSENT));
        em.createQuery("select a.key.accountId, a.answer from MeetingAnswer a where a.key.meetingId = :m", Object[].class)
                .setParameter("m", meeting.getId()).getResultList().forEach(row -> {
                    if (attendance.containsKey((Long) row[0]) && row[1] == Answer.YES) {
                        attendance.put((Long) row[0], AttendanceStatus.PRESENT);
                    } else if (attendance.containsKey((Long) row[0]) && row[1] == Answer.NO) {
                        attendance.put((Long) row[0], AttendanceStatus.EXCUSED);
                    }
                });
        var minutes = new de.zusammenwachsen.workspace.meeting.entity.Minutes(meeting, taker, attendance,
                viewer.accountId(), Instant.now());
        Flush.orConflict(em, "minutes.start.twice", () -> em.persist(minutes));
        return true;
    }

    /** The minutes as the caller may see them; 404 when there are none or they are a draft the caller may not read. */
    public MinutesView.Document get(Long meetingId) {
        Meeting meeting = readableMeeting(meetingId);
        return document(meeting, readableMinutes(meeting));
    }

    /**
     * Saves the whole draft; {@code version} is the one the writer started from. Changed meanwhile: 409
     * ({@code minutes.conflict}), and nothing is written, so the writer can compare and send again.
     */
    public MinutesView.Document save(Long meetingId, int version, MinutesView.Draft draft) {
        if (draft == null) {
            throw new InvalidInputException("error.invalid");
        }
        Meeting meeting = readableMeeting(meetingId);
        var minutes = readableMinutes(meeting);
        requireWriter(meeting, minutes);
        minutes.requireEditable();
        minutes.requireVersion(version);
        Set<Long> people = new HashSet<>(memberIds(meeting));
        people.addAll(minutes.getAttendance().keySet());
        Set<Long> items = agendaItemIds(meeting);
        if (draft.minuteTakerId() != null && !people.contains(draft.minuteTakerId())) {
            throw new InvalidInputException("minutes.minuteTaker.notMember");
        }
        Map<Long, AttendanceStatus> attendance = draft.attendance() == null ? Map.of() : draft.attendance();
        attendance.forEach((id, status) -> {
            if (id == null || status == null || !people.contains(id)) {
                throw new InvalidInputException("minutes.attendance.invalid");
            }
        });
        Set<Long> owners = new HashSet<>(people);
        minutes.getActionItems().forEach(a -> owners.add(a.getOwnerId()));
        List<DecisionTerms> decisions = draft.decisions() == null ? List.of() : draft.decisions();
        List<ActionItemTerms> actionItems = draft.actionItems() == null ? List.of() : draft.actionItems();
        decisions.forEach(d -> requireItem(items, Objects.requireNonNull(d).agendaItemId()));
        for (ActionItemTerms a : actionItems) {
            requireItem(items, a.agendaItemId());
            if (a.ownerId() != null && !owners.contains(a.ownerId())) {
                throw new InvalidInputException("minutes.actionItem.ownerNotMember");
            }
        }
        Map<Long, RenderedText> notes = new LinkedHashMap<>();
        if (draft.notes() != null) {
            draft.notes().forEach((itemId, body) -> {
                requireItem(items, Objects.requireNonNull(itemId, "agenda item"));
                String markdown = body == null ? "" : body;
                MinutesNote.requireBody(markdown);
                notes.put(itemId, render(markdown));
            });
        }
        MinutesRevision revision = new MinutesRevision(draft.minuteTakerId(), draft.guests(), attendance, notes,
                decisions, actionItems);
        Set<Long> removed = minutes.actionItemsRemovedBy(revision);
        if (!removed.isEmpty()) {
            // An agenda item taken over from a removed action item keeps its text but loses the link.
            em.createQuery("update AgendaItem a set a.actionItemId = null where a.actionItemId in :ids")
                    .setParameter("ids", removed).executeUpdate();
        }
        minutes.revise(revision, decidedOn(meeting), caller.viewer().accountId(), Instant.now());
        flush();
        searchIndex.minutes(minutes);
        return document(meeting, minutes);
    }

    /** Sends the draft to the group for comments: members are notified in the app and by mail. */
    public MinutesView.Document circulate(Long meetingId) {
        Meeting meeting = readableMeeting(meetingId);
        var minutes = readableMinutes(meeting);
        requireWriter(meeting, minutes);
        Long me = caller.viewer().accountId();
        minutes.circulate(me, Instant.now());
        flush();
        notices.circulated(meeting, me);
        searchIndex.minutes(minutes);
        return document(meeting, minutes);
    }

    /**
     * Approves circulated minutes (moderators); {@code byMeetingId} (optional) records that the group approved them
     * by its decision at that later meeting, one of {@link #laterMeetings}. Their decisions enter the register.
     */
    public MinutesView.Document approve(Long meetingId, Long byMeetingId) {
        Meeting meeting = readableMeeting(meetingId);
        var minutes = readableMinutes(meeting);
        Viewer viewer = caller.viewer();
        policy.require(viewer, MeetingAction.APPROVE, AccessPolicy.GroupFacts.of(meeting.getGroup()), null);
        if (byMeetingId != null && later(meeting, "select count(m)", " and m.id = :by", Long.class)
                .setParameter("by", byMeetingId).getSingleResult() == 0) {
            throw new InvalidInputException("minutes.approve.meetingUnknown");
        }
        minutes.approve(viewer.accountId(), byMeetingId, Instant.now());
        flush();
        notices.approved(meeting, viewer.accountId());
        searchIndex.minutes(minutes);
        return document(meeting, minutes);
    }

    /**
     * The meetings at which the group can have approved these minutes by its decision, newest first: the group's
     * meetings that began after this one and have begun by now, not cancelled. For the approval form's choice.
     */
    public List<MinutesView.LaterMeeting> laterMeetings(Long meetingId) {
        Meeting meeting = readableMeeting(meetingId);
        return later(meeting, "select m", " order by m.startsAt desc, m.id desc", Meeting.class)
                .setMaxResults(LATER_MEETINGS).getResultStream()
                .map(m -> new MinutesView.LaterMeeting(m.getId(), m.getTitle(), m.getStartsAt())).toList();
    }

    /** One rule for the meetings offered and the one {@link #approve} accepts. */
    private <T> TypedQuery<T> later(Meeting meeting, String select, String rest, Class<T> type) {
        return em.createQuery(select + " from Meeting m where m.group = :g and m.startsAt > :after "
                        + "and m.startsAt <= :now and m.cancelledAt is null" + rest, type)
                .setParameter("g", meeting.getGroup()).setParameter("after", meeting.getStartsAt())
                .setParameter("now", Instant.now());
    }

    /** A member's comment on circulated minutes, on an agenda item or (null) on the minutes as a whole. */
    public MinutesView.Comment comment(Long meetingId, Long agendaItemId, String body) {
        Meeting meeting = readableMeeting(meetingId);
        var minutes = readableMinutes(meeting);
        Viewer viewer = caller.viewer();
        policy.require(viewer, MeetingAction.COMMENT, AccessPolicy.GroupFacts.of(meeting.getGroup()), null);
        requireItem(agendaItemIds(meeting), agendaItemId);
        MinutesComment comment = minutes.comment(agendaItemId, viewer.accountId(), body, Instant.now());
        em.persist(comment);
        return new MinutesView.Comment(comment.getId(), agendaItemId, viewer.accountId(),
                accountNames.of(List.of(viewer.accountId())).get(viewer.accountId()), comment.getBody(),
                comment.getCreatedAt());
    }

    /** A correction of approved minutes (moderators), shown with them from now on; members are told. */
    public MinutesView.Amendment amend(Long meetingId, String body) {
        Meeting meeting = readableMeeting(meetingId);
        var minutes = readableMinutes(meeting);
        Viewer viewer = caller.viewer();
        policy.require(viewer, MeetingAction.APPROVE, AccessPolicy.GroupFacts.of(meeting.getGroup()), null);
        String markdown = body == null ? "" : body;
        MinutesAmendment amendment = minutes.amend(viewer.accountId(), render(markdown), Instant.now());
        em.persist(amendment);
        notices.amended(meeting, viewer.accountId());
        return new MinutesView.Amendment(amendment.getId(),
                accountNames.of(List.of(viewer.accountId())).get(viewer.accountId()), amendment.getBody(),
                amendment.getBodyHtml(), amendment.getCreatedAt());
    }

    /** Renders notes as they would be saved, for the editor's preview. */
    public String preview(Long meetingId, String markdown) {
        Meeting meeting = readableMeeting(meetingId);
        requireWriter(meeting, readableMinutes(meeting));
        String text = markdown == null ? "" : markdown;
        MinutesNote.requireBody(text);
        return render(text).html();
    }

    /** The minutes as a PDF in the given language; anything not yet approved is marked as a draft on every page. */
    public MinutesView.Export pdf(Long meetingId, Locale locale) {
        MinutesView.Document document = get(meetingId);
        return new MinutesView.Export(fileName(document, "pdf"), "application/pdf", MinutesPdf.write(document, locale));
    }

    public MinutesView.Export markdown(Long meetingId, Locale locale) {
        MinutesView.Document document = get(meetingId);
        return new MinutesView.Export(fileName(document, "md"), "text/markdown; charset=UTF-8",
                MinutesMarkdown.write(document, locale).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String fileName(MinutesView.Document document, String extension) {
        String date = document.startsAt().atZone(BERLIN).toLocalDate().toString();
        String slug = document.groupSlug() == null ? "gruppe" : document.groupSlug();
        return "protokoll-" + slug + "-" + date + (document.isApproved() ? "" : "-entwurf") + "." + extension;
    }

    private static RenderedText render(String markdown) {
        // Minutes mention nobody: @[Name] stays text, so no one is notified by a note.
        return RENDERER.render(markdown, name -> null).text();
    }

    private Meeting readableMeeting(Long meetingId) {
        Meeting meeting = meetingId == null ? null : em.find(Meeting.class, meetingId);
        if (meeting == null) {
            throw new NotFoundException();
        }
        policy.require(caller.viewer(), MeetingAction.READ, AccessPolicy.GroupFacts.of(meeting.getGroup()), null);
        return meeting;
    }

    private de.zusammenwachsen.workspace.meeting.entity.Minutes find(Meeting meeting) {
        return em.createQuery("select m from Minutes m where m.meeting = :m",
                        de.zusammenwachsen.workspace.meeting.entity.Minutes.class)
                .setParameter("m", meeting).getResultStream().findFirst().orElse(null);
    }

    private de.zusammenwachsen.workspace.meeting.entity.Minutes readableMinutes(Meeting meeting) {
        var minutes = find(meeting);
        if (minutes == null) {
            throw new NotFoundException();
        }
        if (minutes.getState() == MinutesState.DRAFT) {
            policy.require(caller.viewer(), MeetingAction.READ_DRAFT, AccessPolicy.GroupFacts.of(meeting.getGroup()), null);
        }
        return minutes;
    }

    /** The minute-taker, the organiser and the moderators write; the policy is asked for each of the first two. */
    private boolean mayWrite(Viewer viewer, Meeting meeting, de.zusammenwachsen.workspace.meeting.entity.Minutes minutes) {
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(meeting.getGroup());
        return policy.permits(viewer, MeetingAction.WRITE_MINUTES, facts, minutes.getMinuteTakerId())
                || policy.permits(viewer, MeetingAction.WRITE_MINUTES, facts, meeting.getOrganiserId());
    }

    private void requireWriter(Meeting meeting, de.zusammenwachsen.workspace.meeting.entity.Minutes minutes) {
        Viewer viewer = caller.viewer();
        if (!mayWrite(viewer, meeting, minutes)) {
            policy.require(viewer, MeetingAction.WRITE_MINUTES, AccessPolicy.GroupFacts.of(meeting.getGroup()),
                    minutes.getMinuteTakerId());
        }
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            // Someone saved between our read and this write; the caller's text is theirs to keep and send again.
            throw new ConflictException("minutes.conflict");
        }
    }

    private List<Long> memberIds(Meeting meeting) {
        return em.createQuery("select m.account.id from Membership m where m.group = :g", Long.class)
                .setParameter("g", meeting.getGroup()).getResultList();
    }

    private List<AgendaItem> agenda(Meeting meeting) {
        return em.createQuery("select a from AgendaItem a where a.meeting = :m and a.state = :accepted "
                        + "order by a.position, a.id", AgendaItem.class)
                .setParameter("m", meeting).setParameter("accepted", AgendaItemState.ACCEPTED).getResultList();
    }

    private Set<Long> agendaItemIds(Meeting meeting) {
        Set<Long> ids = new HashSet<>();
        agenda(meeting).forEach(a -> ids.add(a.getId()));
        return ids;
    }

    private static void requireItem(Set<Long> items, Long agendaItemId) {
        if (agendaItemId != null && !items.contains(agendaItemId)) {
            throw new InvalidInputException("minutes.agendaItem.unknown");
        }
    }

    static LocalDate decidedOn(Meeting meeting) {
        return meeting.getStartsAt().atZone(BERLIN).toLocalDate();
    }

    private MinutesView.Document document(Meeting meeting, de.zusammenwachsen.workspace.meeting.entity.Minutes minutes) {
        Viewer viewer = caller.viewer();
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(meeting.getGroup());
        MinutesState state = minutes.getState();
        boolean writer = mayWrite(viewer, meeting, minutes);
        Set<Permission> may = EnumSet.noneOf(Permission.class);
        if (writer && state != MinutesState.APPROVED) {
            may.add(Permission.WRITE);
        }
        if (writer && state == MinutesState.DRAFT) {
            may.add(Permission.CIRCULATE);
        }
        if (state == MinutesState.CIRCULATED && policy.permits(viewer, MeetingAction.COMMENT, facts, null)) {
            may.add(Permission.COMMENT);
        }
        boolean approver = policy.permits(viewer, MeetingAction.APPROVE, facts, null);
        if (approver && state == MinutesState.CIRCULATED) {
            may.add(Permission.APPROVE);
        }
        if (approver && state == MinutesState.APPROVED) {
            may.add(Permission.AMEND);
        }
        List<MinutesComment> comments = em.createQuery("select c from MinutesComment c where c.minutes = :m order by c.id",
                MinutesComment.class).setParameter("m", minutes).getResultList();
        List<MinutesAmendment> amendments = em.createQuery("select a from MinutesAmendment a where a.minutes = :m "
                + "order by a.id", MinutesAmendment.class).setParameter("m", minutes).getResultList();
        List<Long> memberIds = may.contains(Permission.WRITE) ? memberIds(meeting) : List.of();
        Set<Long> people = new HashSet<>(minutes.getAttendance().keySet());
        people.addAll(memberIds);
        people.add(minutes.getMinuteTakerId());
        people.add(minutes.getApprovedBy());
        people.add(minutes.getUpdatedBy());
        minutes.getActionItems().forEach(a -> people.add(a.getOwnerId()));
        comments.forEach(c -> people.add(c.getAuthorId()));
        amendments.forEach(a -> people.add(a.getAuthorId()));
        people.remove(null);
        Map<Long, String> names = accountNames.of(people);
        Collator collator = Collator.getInstance(Locale.GERMAN);
        Comparator<MinutesView.Person> byName = Comparator.comparing(p -> p.name() == null ? "" : p.name(), collator);

        Map<Long, AttendanceStatus> attendanceMap = new HashMap<>(minutes.getAttendance());
        if (may.contains(Permission.WRITE)) {
            // Members who joined after the minutes were started appear in the editor, absent until marked.
            memberIds.forEach(id -> attendanceMap.putIfAbsent(id, AttendanceStatus.ABSENT));
        }
        List<MinutesView.Attendee> attendance = attendanceMap.entrySet().stream()
                .map(e -> new MinutesView.Attendee(e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(a -> a.name() == null ? "" : a.name(), collator)).toList();
        List<MinutesView.Person> members = memberIds.stream().map(id -> new MinutesView.Person(id, names.get(id)))
                .sorted(byName).toList();

        LocalDate today = LocalDate.now(BERLIN);
        List<AgendaItem> agenda = agenda(meeting);
        Set<Long> itemIds = new HashSet<>();
        agenda.forEach(a -> itemIds.add(a.getId()));
        Map<Long, MinutesNote> notes = new HashMap<>();
        for (MinutesNote note : minutes.getNotes()) {
            if (note.getHtmlVersion() < MarkdownRenderer.RULES) {
                note.rerender(render(note.getBody()));
            }
            notes.put(note.getAgendaItemId(), note);
        }
        List<MinutesView.Section> sections = new ArrayList<>();
        int number = 1;
        for (AgendaItem item : agenda) {
            MinutesNote note = notes.get(item.getId());
            sections.add(section(item.getId(), number++, item.getTitle(), note, minutes, comments, names, today, itemIds));
        }
        sections.add(section(null, 0, null, null, minutes, comments, names, today, itemIds));
        Meeting approvedAt = minutes.getApprovedByMeetingId() == null ? null
                : em.find(Meeting.class, minutes.getApprovedByMeetingId());
        return new MinutesView.Document(minutes.getId(), meeting.getId(), meeting.getTitle(), meeting.getStartsAt(),
                meeting.getEndsAt(), meeting.getPlace(), meeting.getOnlineUrl(), meeting.getGroup().getId(),
                meeting.getGroup().getSlug(), meeting.getGroup().getName(), state, minutes.getMinuteTakerId(),
                names.get(minutes.getMinuteTakerId()), minutes.getGuests(), attendance, sections,
                amendments.stream().map(a -> new MinutesView.Amendment(a.getId(), names.get(a.getAuthorId()), a.getBody(),
                        a.getBodyHtml(), a.getCreatedAt())).toList(),
                minutes.getCirculatedAt(), minutes.getApprovedAt(), names.get(minutes.getApprovedBy()),
                minutes.getApprovedByMeetingId(), approvedAt == null ? null : approvedAt.getTitle(),
                approvedAt == null ? null : approvedAt.getStartsAt(),
                minutes.getUpdatedAt(), names.get(minutes.getUpdatedBy()), minutes.getVersion(), may, members);
    }

    private static MinutesView.Section section(Long itemId, int number, String title, MinutesNote note,
                                               de.zusammenwachsen.workspace.meeting.entity.Minutes minutes,
                                               List<MinutesComment> comments, Map<Long, String> names, LocalDate today,
                                               Set<Long> itemIds) {
        // Entries whose agenda item is gone (or was never accepted) are shown with what belongs to no item.
        java.util.function.Predicate<Long> here = id -> itemId == null ? id == null || !itemIds.contains(id) : itemId.equals(id);
        List<MinutesView.DecisionEntry> decisions = minutes.getDecisions().stream()
                .filter(d -> here.test(d.getAgendaItemId())).map(Minutes::decision).toList();
        List<MinutesView.ActionItemEntry> items = minutes.getActionItems().stream()
                .filter(a -> here.test(a.getAgendaItemId())).map(a -> actionItem(a, names, today)).toList();
        List<MinutesView.Comment> said = comments.stream().filter(c -> here.test(c.getAgendaItemId()))
                .map(c -> new MinutesView.Comment(c.getId(), c.getAgendaItemId(), c.getAuthorId(), names.get(c.getAuthorId()),
                        c.getBody(), c.getCreatedAt())).toList();
        return new MinutesView.Section(itemId, number, title, note == null ? null : note.getBody(),
                note == null ? null : note.getBodyHtml(), decisions, items, said);
    }

    static MinutesView.DecisionEntry decision(Decision d) {
        return new MinutesView.DecisionEntry(d.getId(), d.getAgendaItemId(), d.getPosition(), d.getWording(),
                d.getVoteMode(), d.getVotesFor(), d.getVotesAgainst(), d.getAbstentions(), d.getOutcome(),
                d.isPublished(), d.getDecidedOn(), d.getApprovedAt());
    }

    static MinutesView.ActionItemEntry actionItem(ActionItem a, Map<Long, String> names, LocalDate today) {
        return new MinutesView.ActionItemEntry(a.getId(), a.getAgendaItemId(), a.getPosition(), a.getTitle(),
                a.getOwnerId(), names.get(a.getOwnerId()), a.getDueOn(), a.getStatus(), a.isOverdue(today),
                a.getVersion());
    }
}
