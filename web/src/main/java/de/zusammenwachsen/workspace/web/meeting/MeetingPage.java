package de.zusammenwachsen.workspace.web.meeting;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.meeting.boundary.Agenda;
import de.zusammenwachsen.workspace.meeting.boundary.MeetingView;
import de.zusammenwachsen.workspace.meeting.boundary.Meetings;
import de.zusammenwachsen.workspace.meeting.entity.Answer;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * One meeting: details in Berlin time, answering, the agenda (reordered by drag and drop or by the up and down
 * buttons), proposals to accept, proposing items, and the group's open action items to take over. Forms repeat the
 * meeting id and the version the page showed as hidden fields, so a reorder based on an old order is refused.
 */
@Named
@RequestScoped
public class MeetingPage {

    static final String PROPOSE_FORM = "proposeForm";

    @Inject
    Meetings meetings;

    @Inject
    Agenda agenda;

    private Long id;
    private Integer shownVersion;
    private MeetingView.Detail detail;
    private List<MeetingView.Offered> offered;
    private String itemTitle;
    private String itemDescription;
    private String itemPresenter;
    private String itemMinutes;
    private String order;

    @PostConstruct
    void identify() {
        id = MeetingPages.longParam(Requests.param("id"));
        shownVersion = Requests.intParam("version");
    }

    public void load() {
        getDetail();
    }

    public MeetingView.Detail getDetail() {
        if (detail == null) {
            detail = meetings.get(id);
        }
        return detail;
    }

    public List<MeetingView.Offered> getOffered() {
        if (offered == null) {
            offered = getDetail().permission().manageAgenda() && !getDetail().started()
                    ? agenda.offeredActionItems(id) : List.of();
        }
        return offered;
    }

    public List<Answer> getAnswers() {
        return List.of(Answer.values());
    }

    public String getSpan() {
        return MeetingPages.span(getDetail().startsAt(), getDetail().endsAt());
    }

    public String due(java.time.LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(MeetingPages.locale()).format(date);
    }

    public String getIcsLink() {
        return MeetingPages.contextPath() + "/groups/meeting.ics?id=" + id;
    }

    public String getEditLink() {
        return MeetingPages.contextPath() + "/groups/meeting-edit.xhtml?id=" + id;
    }

    public String getMeetingsLink() {
        return MeetingPages.contextPath() + MeetingPages.meetingsPath(getDetail().groupSlug());
    }

    public String getMinutesLink() {
        return MeetingPages.contextPath() + "/groups/minutes.xhtml?id=" + id;
    }

    public String answer(String value) {
        return Messages.attempt(() -> meetings.answer(id, Answer.valueOf(value)), "meeting.answered") ? self("answerHeading") : null;
    }

    public String move(Long itemId, boolean up) {
        return Messages.attempt(() -> agenda.move(itemId, version(), up), null) ? self("agenda-item-" + itemId) : null;
    }

    /** The order the drag and drop script wrote into the hidden field: item ids separated by commas. */
    public String saveOrder() {
        List<Long> ids = new ArrayList<>();
        for (String part : (order == null ? "" : order).split(",")) {
            Long itemId = MeetingPages.longParam(part);
            if (itemId != null) {
                ids.add(itemId);
            }
        }
        return Messages.attempt(() -> agenda.reorder(id, version(), ids), "meeting.agenda.reordered") ? self("agendaHeading") : null;
    }

    public String accept(Long itemId) {
        return Messages.attempt(() -> agenda.accept(itemId), "meeting.agenda.accepted") ? self("agendaHeading") : null;
    }

    public String remove(Long itemId) {
        return Messages.attempt(() -> agenda.remove(itemId), "meeting.agenda.removed") ? self("agendaHeading") : null;
    }

    public String takeOver(Long actionItemId) {
        return Messages.attempt(() -> agenda.takeOver(id, actionItemId), "meeting.offered.taken") ? self("agendaHeading") : null;
    }

    public String propose() {
        Integer minutes;
        try {
            minutes = itemMinutes == null || itemMinutes.isBlank() ? null : Integer.valueOf(itemMinutes.strip());
        } catch (NumberFormatException e) {
            // Typed by hand: refused next to the field like any other invalid duration.
            MeetingPages.refused(new InvalidInputException("agenda.minutes.invalid"),
                    PROPOSE_FORM + ":itemMinutes");
            return null;
        }
        boolean manager = getDetail().permission().manageAgenda();
        try {
            agenda.propose(id, new MeetingView.ItemForm(itemTitle, itemDescription, itemPresenter, minutes));
        } catch (DomainException e) {
            String key = e.key();
            MeetingPages.refused(e, key.startsWith("agenda.title") ? PROPOSE_FORM + ":itemTitle"
                    : key.startsWith("agenda.presenter") ? PROPOSE_FORM + ":itemPresenter"
                    : key.startsWith("agenda.minutes") ? PROPOSE_FORM + ":itemMinutes"
                    : key.startsWith("agenda.description") ? PROPOSE_FORM + ":itemDescription" : null);
            return null;
        }
        MeetingPages.info(manager ? "meeting.agenda.added" : "meeting.agenda.proposed");
        return self("agendaHeading");
    }

    private int version() {
        return shownVersion == null ? -1 : shownVersion;
    }

    private String self(String anchor) {
        return MeetingPages.redirect(MeetingPages.meetingPath(id) + "#" + anchor);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getItemTitle() {
        return itemTitle;
    }

    public void setItemTitle(String itemTitle) {
        this.itemTitle = itemTitle;
    }

    public String getItemDescription() {
        return itemDescription;
    }

    public void setItemDescription(String itemDescription) {
        this.itemDescription = itemDescription;
    }

    public String getItemPresenter() {
        return itemPresenter;
    }

    public void setItemPresenter(String itemPresenter) {
        this.itemPresenter = itemPresenter;
    }

    public String getItemMinutes() {
        return itemMinutes;
    }

    public void setItemMinutes(String itemMinutes) {
        this.itemMinutes = itemMinutes;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }
}
