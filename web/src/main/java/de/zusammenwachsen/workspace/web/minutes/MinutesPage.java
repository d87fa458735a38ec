package de.zusammenwachsen.workspace.web.minutes;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.meeting.boundary.Minutes;
import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemStatus;
import de.zusammenwachsen.workspace.meeting.entity.ActionItemTerms;
import de.zusammenwachsen.workspace.meeting.entity.AttendanceStatus;
import de.zusammenwachsen.workspace.meeting.entity.DecisionTerms;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import de.zusammenwachsen.workspace.meeting.entity.VoteMode;
import de.zusammenwachsen.workspace.web.shell.ContentDisposition;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The minutes of a meeting ({@code groups/minutes.xhtml?id=<meeting>}): the draft editor for the minute-taker, the
 * organiser and the moderators (attendance, guests, notes, decisions and action items per agenda item; saved as
 * one document, autosaved every half minute), and the read view with comments while circulated, approval,
 * amendments and the exports ({@code &export=pdf|md}). On a conflicting save what was typed stays in the form and
 * the other version is shown next to it; an autosave never overwrites anything.
 */
@Named
@ViewScoped
public class MinutesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Long GENERAL = 0L;

    @Inject
    Minutes minutes;

    @Inject
    LanguageView language;

    private Long meetingId;
    private MinutesView.Status status;
    private MinutesView.Document document;
    private MinutesView.Document theirs;
    private boolean conflict;
    private boolean autosaveRefused;

    private int version;
    private Long minuteTakerId;
    private String guests;
    private List<AttendanceRow> attendance = new ArrayList<>();
    private List<SectionForm> sections = new ArrayList<>();
    private final Map<Long, String> comments = new HashMap<>();
    private String amendment;
    private String savedAt;
    private List<MinutesView.LaterMeeting> laterMeetings;
    private Long approvingMeetingId;

    /** First request only: exports answer with the file, everything else loads the minutes. */
    public void load() {
        meetingId = longParam(Requests.param("id"));
        if (meetingId == null) {
            throw new NotFoundException();
        }
        String export = Requests.param("export");
        if ("pdf".equals(export) || "md".equals(export)) {
            // The session's language: the view root has not taken it from the template yet, and would fall back
            // to the request's (or, without Accept-Language, the server's) locale.
            Locale locale = language.getLocale();
            send("pdf".equals(export) ? minutes.pdf(meetingId, locale) : minutes.markdown(meetingId, locale));
            return;
        }
        reload();
    }

    private void reload() {
        status = minutes.status(meetingId);
        if (status.exists() && !status.readable()) {
            throw new NotFoundException();
        }
        document = status.exists() ? minutes.get(meetingId) : null;
        if (document != null && document.may("WRITE")) {
            fill(document);
        }
    }

    private void fill(MinutesView.Document d) {
        version = d.version();
        minuteTakerId = d.minuteTakerId();
        guests = d.guests();
        attendance = new ArrayList<>();
        d.attendance().forEach(a -> attendance.add(new AttendanceRow(a.accountId(), a.name(), a.status())));
        sections = new ArrayList<>();
        for (MinutesView.Section s : d.sections()) {
            SectionForm form = new SectionForm(s.agendaItemId(), s.number(), s.title(), s.notes());
            s.decisions().forEach(x -> form.decisions.add(new DecisionRow(x)));
            s.actionItems().forEach(x -> form.actionItems.add(new ItemRow(x)));
            sections.add(form);
        }
    }

    private void send(MinutesView.Export export) {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        external.responseReset();
        external.setResponseContentType(export.contentType());
        external.setResponseContentLength(export.content().length);
        external.setResponseHeader("Content-Disposition", ContentDisposition.of(false, export.fileName()));
        external.setResponseHeader("Cache-Control", "private, no-store");
        try {
            external.getResponseOutputStream().write(export.content());
        } catch (IOException e) {
            throw new UncheckedIOException("Sending the export of meeting " + meetingId + " failed", e);
        }
        context.responseComplete();
    }

    // --- actions ---

    public String start() {
        if (attempt(() -> minutes.start(meetingId, null), "minutes.started")) {
            return redirect();
        }
        return null;
    }

    /** Saves the document; on a conflict the typed text stays and the other version is shown. */
    public void save() {
        store(false);
    }

    /** The page's timer: saves quietly, and only over the version this page started from. */
    public void autosave() {
        if (!conflict && !autosaveRefused) {
            store(true);
        }
    }

    private boolean store(boolean quietly) {
        try {
            MinutesView.Document saved = minutes.save(meetingId, version, draft());
            document = saved;
            theirs = null;
            conflict = false;
            autosaveRefused = false;
            fill(saved);
            savedAt = DateTimeFormatter.ofPattern("HH:mm:ss").format(java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Berlin")));
            if (!quietly) {
                info("minutes.saved");
            }
            return true;
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 401) {
                throw e;
            }
            if ("minutes.conflict".equals(e.key()) && quietly) {
                // The timer only reports it: the writer sees the other version when saving by hand.
                autosaveRefused = true;
            } else if ("minutes.conflict".equals(e.key())) {
                theirs = minutes.get(meetingId);
                conflict = true;
                // Saving again after seeing the other version is a deliberate overwrite; the timer never does it.
                version = theirs.version();
                error("minutes.conflict");
            } else if (quietly) {
                // Half-typed rows (a decision without wording yet) are normal between two autosaves.
                autosaveRefused = false;
            } else {
                error(e.key(), e.arguments());
            }
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        }
    }

    public String circulate() {
        if (!store(true)) {
            return null;
        }
        if (attempt(() -> minutes.circulate(meetingId), "minutes.circulated")) {
            return redirect();
        }
        return null;
    }

    public String approve() {
        if (attempt(() -> minutes.approve(meetingId, approvingMeetingId), "minutes.approved")) {
            return redirect();
        }
        return null;
    }

    public String comment(Long agendaItemId) {
        Long key = agendaItemId == null ? GENERAL : agendaItemId;
        String body = comments.get(key);
        if (attempt(() -> minutes.comment(meetingId, agendaItemId, body), "minutes.commented")) {
            comments.remove(key);
            return redirect();
        }
        return null;
    }

    public String amend() {
        if (attempt(() -> minutes.amend(meetingId, amendment), "minutes.amended")) {
            amendment = null;
            return redirect();
        }
        return null;
    }

    public void addDecision(SectionForm section) {
        section.decisions.add(new DecisionRow());
    }

    public void removeDecision(SectionForm section, DecisionRow row) {
        section.decisions.remove(row);
    }

    public void addActionItem(SectionForm section) {
        section.actionItems.add(new ItemRow());
    }

    public void removeActionItem(SectionForm section, ItemRow row) {
        section.actionItems.remove(row);
    }

    private MinutesView.Draft draft() {
        Map<Long, AttendanceStatus> present = new LinkedHashMap<>();
        attendance.forEach(a -> present.put(a.accountId, a.status == null ? AttendanceStatus.ABSENT : a.status));
        Map<Long, String> notes = new LinkedHashMap<>();
        List<DecisionTerms> decisions = new ArrayList<>();
        List<ActionItemTerms> items = new ArrayList<>();
        for (SectionForm s : sections) {
            if (s.agendaItemId != null) {
                notes.put(s.agendaItemId, s.notes == null ? "" : s.notes);
            }
            for (DecisionRow d : s.decisions) {
                boolean counted = d.voteMode != VoteMode.CONSENSUS;
                decisions.add(new DecisionTerms(d.id, s.agendaItemId, d.wording, d.voteMode, counted ? d.votesFor : null,
                        counted ? d.votesAgainst : null, counted ? d.abstentions : null, d.outcome, d.published));
            }
            for (ItemRow a : s.actionItems) {
                items.add(new ActionItemTerms(a.id, s.agendaItemId, a.title, a.ownerId, a.dueOn, a.status));
            }
        }
        return new MinutesView.Draft(minuteTakerId, guests, present, notes, decisions, items);
    }

    private String redirect() {
        return "/groups/minutes.xhtml?faces-redirect=true&id=" + meetingId;
    }

    private boolean attempt(Runnable action, String doneKey) {
        try {
            action.run();
            info(doneKey);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return true;
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 401) {
                throw e;
            }
            error(e.key(), e.arguments());
            return false;
        }
    }

    private static void info(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                Texts.get(context.getViewRoot().getLocale(), key), null));
    }

    private static void error(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                Texts.get(context.getViewRoot().getLocale(), key, arguments), null));
    }

    private static Long longParam(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            // Not an id: no such minutes.
            return null;
        }
    }

    // --- for the page ---

    public String day(LocalDate date) {
        return date == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale()).format(date);
    }

    public String vote(MinutesView.DecisionEntry d) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return d.voteMode() == VoteMode.CONSENSUS ? Texts.get(locale, "minutes.vote.CONSENSUS")
                : Texts.get(locale, "minutes.vote.counted", d.votesFor() == null ? 0 : d.votesFor(),
                String.valueOf(d.votesAgainst() == null ? 0 : d.votesAgainst()),
                String.valueOf(d.abstentions() == null ? 0 : d.abstentions()));
    }

    /** Names of the members with this attendance, for the read view. */
    public String attendees(String status) {
        List<String> names = document.attendance().stream().filter(a -> a.status().name().equals(status))
                .map(MinutesView.Attendee::name).toList();
        return names.isEmpty() ? "–" : String.join(", ", names);
    }

    public String getExportPdf() {
        return context() + "/groups/minutes.xhtml?id=" + meetingId + "&export=pdf";
    }

    public String getExportMarkdown() {
        return context() + "/groups/minutes.xhtml?id=" + meetingId + "&export=md";
    }

    public String getMeetingLink() {
        return context() + "/groups/meeting.xhtml?id=" + meetingId;
    }

    private static String context() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    public AttendanceStatus[] getAttendanceStatuses() {
        return AttendanceStatus.values();
    }

    public VoteMode[] getVoteModes() {
        return VoteMode.values();
    }

    public Outcome[] getOutcomes() {
        return Outcome.values();
    }

    public ActionItemStatus[] getItemStatuses() {
        return ActionItemStatus.values();
    }

    public boolean isEditing() {
        return document != null && document.may("WRITE");
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public MinutesView.Status getStatus() {
        return status;
    }

    public MinutesView.Document getDocument() {
        return document;
    }

    public MinutesView.Document getTheirs() {
        return theirs;
    }

    public boolean isConflict() {
        return conflict;
    }

    public int getVersion() {
        return version;
    }

    public Long getMinuteTakerId() {
        return minuteTakerId;
    }

    public void setMinuteTakerId(Long minuteTakerId) {
        this.minuteTakerId = minuteTakerId;
    }

    public String getGuests() {
        return guests;
    }

    public void setGuests(String guests) {
        this.guests = guests;
    }

    public List<AttendanceRow> getAttendance() {
        return attendance;
    }

    public List<SectionForm> getSections() {
        return sections;
    }

    public Map<Long, String> getComments() {
        return comments;
    }

    public Long key(Long agendaItemId) {
        return agendaItemId == null ? GENERAL : agendaItemId;
    }

    public String getAmendment() {
        return amendment;
    }

    public void setAmendment(String amendment) {
        this.amendment = amendment;
    }

    public boolean isAutosaveRefused() {
        return autosaveRefused;
    }

    /** "Genehmigt am … von …", or by the group's decision at a later meeting, or "not yet approved". */
    public String getApprovalLine() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        if (document == null || !document.isApproved()) {
            return Texts.get(locale, "minutes.export.notApproved");
        }
        if (document.approvedByMeetingId() != null) {
            // The date of the meeting that decided, not of the moderator's recording it.
            return Texts.get(locale, "minutes.export.approvedByMeeting", document.approvedByMeetingTitle(),
                    shortDate(document.approvedByMeetingStartsAt(), locale));
        }
        return Texts.get(locale, "minutes.export.approvedBy", shortDate(document.approvedAt(), locale),
                document.approvedByName());
    }

    private static String shortDate(Instant at, Locale locale) {
        return at == null ? "?" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(at.atZone(ZoneId.of("Europe/Berlin")));
    }

    /** The meetings the approval can name as the group's decision (for approvers only; asked once per view). */
    public List<MinutesView.LaterMeeting> getLaterMeetings() {
        if (laterMeetings == null) {
            laterMeetings = document != null && document.may("APPROVE") ? minutes.laterMeetings(meetingId) : List.of();
        }
        return laterMeetings;
    }

    /** "Beschluss im Treffen „…“ am 12.03.2027", an option of the approval's choice. */
    public String choice(MinutesView.LaterMeeting meeting) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return Texts.get(locale, "minutes.page.approvedBy.meeting", meeting.title(), shortDate(meeting.startsAt(), locale));
    }

    public Long getApprovingMeetingId() {
        return approvingMeetingId;
    }

    public void setApprovingMeetingId(Long approvingMeetingId) {
        this.approvingMeetingId = approvingMeetingId;
    }

    public String getSavedAt() {
        return savedAt;
    }

    // --- the editor's rows ---

    public static class AttendanceRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Long accountId;
        private final String name;
        private AttendanceStatus status;

        AttendanceRow(Long accountId, String name, AttendanceStatus status) {
            this.accountId = accountId;
            this.name = name;
            this.status = status;
        }

        public Long getAccountId() {
            return accountId;
        }

        public String getName() {
            return name;
        }

        public AttendanceStatus getStatus() {
            return status;
        }

        public void setStatus(AttendanceStatus status) {
            this.status = status;
        }
    }

    public static class SectionForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Long agendaItemId;
        private final int number;
        private final String title;
        private String notes;
        private final List<DecisionRow> decisions = new ArrayList<>();
        private final List<ItemRow> actionItems = new ArrayList<>();

        SectionForm(Long agendaItemId, int number, String title, String notes) {
            this.agendaItemId = agendaItemId;
            this.number = number;
            this.title = title;
            this.notes = notes;
        }

        public Long getAgendaItemId() {
            return agendaItemId;
        }

        public int getNumber() {
            return number;
        }

        public String getTitle() {
            return title;
        }

        public String getNotes() {
            return notes;
        }

        public void setNotes(String notes) {
            this.notes = notes;
        }

        public List<DecisionRow> getDecisions() {
            return decisions;
        }

        public List<ItemRow> getActionItems() {
            return actionItems;
        }
    }

    public static class DecisionRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long id;
        private String wording;
        private VoteMode voteMode = VoteMode.COUNTED;
        private Integer votesFor;
        private Integer votesAgainst;
        private Integer abstentions;
        private Outcome outcome = Outcome.ADOPTED;
        private boolean published;

        DecisionRow() {
        }

        DecisionRow(MinutesView.DecisionEntry d) {
            this.id = d.id();
            this.wording = d.wording();
            this.voteMode = d.voteMode();
            this.votesFor = d.votesFor();
            this.votesAgainst = d.votesAgainst();
            this.abstentions = d.abstentions();
            this.outcome = d.outcome();
            this.published = d.published();
        }

        public Long getId() {
            return id;
        }

        public String getWording() {
            return wording;
        }

        public void setWording(String wording) {
            this.wording = wording;
        }

        public VoteMode getVoteMode() {
            return voteMode;
        }

        public void setVoteMode(VoteMode voteMode) {
            this.voteMode = voteMode;
        }

        public Integer getVotesFor() {
            return votesFor;
        }

        public void setVotesFor(Integer votesFor) {
            this.votesFor = votesFor;
        }

        public Integer getVotesAgainst() {
            return votesAgainst;
        }

        public void setVotesAgainst(Integer votesAgainst) {
            this.votesAgainst = votesAgainst;
        }

        public Integer getAbstentions() {
            return abstentions;
        }

        public void setAbstentions(Integer abstentions) {
            this.abstentions = abstentions;
        }

        public Outcome getOutcome() {
            return outcome;
        }

        public void setOutcome(Outcome outcome) {
            this.outcome = outcome;
        }

        public boolean isPublished() {
            return published;
        }

        public void setPublished(boolean published) {
            this.published = published;
        }
    }

    public static class ItemRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long id;
        private String title;
        private Long ownerId;
        private LocalDate dueOn;
        private ActionItemStatus status = ActionItemStatus.OPEN;

        ItemRow() {
        }

        ItemRow(MinutesView.ActionItemEntry a) {
            this.id = a.id();
            this.title = a.title();
            this.ownerId = a.ownerId();
            this.dueOn = a.dueOn();
            this.status = a.status();
        }

        public Long getId() {
            return id;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public Long getOwnerId() {
            return ownerId;
        }

        public void setOwnerId(Long ownerId) {
            this.ownerId = ownerId;
        }

        public LocalDate getDueOn() {
            return dueOn;
        }

        public void setDueOn(LocalDate dueOn) {
            this.dueOn = dueOn;
        }

        public ActionItemStatus getStatus() {
            return status;
        }

        public void setStatus(ActionItemStatus status) {
            this.status = status;
        }
    }
}
