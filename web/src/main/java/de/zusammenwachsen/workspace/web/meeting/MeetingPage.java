package de.zusammenwachsen.workspace.web.meeting;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.meeting.boundary.Agenda;
import de.zusammenwachsen.workspace.meeting.boundary.MeetingView;
import de.zusammenwachsen.workspace.meeting.boundary.Meetings;
import de.zusammenwachsen.workspace.meeting.entity.AgendaItemState;
import de.zusammenwachsen.workspace.meeting.entity.Answer;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One meeting: details in Berlin time, answering, the agenda (reordered by drag and drop or by the up and down
 * buttons), proposals to accept, proposing items, editing one ({@code &editItem=<item>} turns the proposal form into
 * its edit form), and the group's open action items to take over. Forms repeat the meeting id and the version the
 * page showed as hidden fields, so a reorder based on an old order is refused and an edit of a changed item is a
 * conflict that keeps what was typed.
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
    private Long editItemId;
    private Integer itemVersion;
    private MeetingView.Item conflict;

    @PostConstruct
    void identify() {
        id = MeetingPages.longParam(Requests.param("id"));
        shownVersion = Requests.intParam("version");
        // The link's parameter, and on saving the edit form's hidden field of the same name.
        editItemId = MeetingPages.longParam(Requests.param("editItem"));
    }

    /** First request only: an item to edit fills the form with what it says now and the version it has. */
    public void load() {
        getDetail();
        MeetingView.Item item = getEditedItem();
        if (item != null) {
            itemTitle = item.title();
            itemDescription = item.description();
            itemPresenter = item.presenter();
            itemMinutes = item.plannedMinutes() == null ? null : String.valueOf(item.plannedMinutes());
            itemVersion = item.version();
        }
    }

    public MeetingView.Detail getDetail() {
        if (detail == null) {
            detail = meetings.get(id);
        }
        return detail;
    }

    /** The item {@code editItem} names if the boundary says the viewer may edit it; otherwise null (ignored). */
    public MeetingView.Item getEditedItem() {
        if (editItemId == null) {
            return null;
        }
        return Stream.concat(getDetail().agenda().stream(), getDetail().proposals().stream())
                .filter(i -> i.id().equals(editItemId) && i.editable()).findFirst().orElse(null);
    }

    /**
     * Whether the item form edits an item: when the page is opened for an item the viewer may edit, and whenever
     * the edit form is sent back, so that a refusal (a member's proposal was accepted meanwhile and is no longer
     * theirs to edit) is shown with the typed text instead of the form silently becoming a new proposal.
     */
    public boolean isEditMode() {
        return editItemId != null && (getEditedItem() != null || FacesContext.getCurrentInstance().isPostback());
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

    public String editItemLink(Long itemId) {
        return MeetingPages.contextPath() + MeetingPages.meetingPath(id) + "&editItem=" + itemId + "#proposeHeading";
    }

    public String getCancelEditLink() {
        return MeetingPages.contextPath() + MeetingPages.meetingPath(id) + "#" + itemAnchor(getEditedItem());
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
        MeetingView.ItemForm form = itemForm();
        if (form == null) {
            return null;
        }
        boolean manager = getDetail().permission().manageAgenda();
        try {
            agenda.propose(id, form);
        } catch (DomainException e) {
            MeetingPages.refused(e, fieldOf(e.key()));
            return null;
        }
        MeetingPages.info(manager ? "meeting.agenda.added" : "meeting.agenda.proposed");
        return self("agendaHeading");
    }

    /**
     * Saves the edit form. When the item changed since the form was filled, the page shows the item as it is now
     * next to the typed text, and takes its new version: saving again replaces it knowingly.
     */
    public String saveItem() {
        MeetingView.ItemForm form = itemForm();
        if (form == null) {
            return null;
        }
        String anchor = itemAnchor(getEditedItem());
        try {
            agenda.edit(editItemId, itemVersion == null ? -1 : itemVersion, form);
        } catch (DomainException e) {
            if ("agenda.conflict".equals(e.key())) {
                detail = null;
                conflict = getEditedItem();
            }
            if (conflict == null) {
                MeetingPages.refused(e, fieldOf(e.key()));
            } else {
                itemVersion = conflict.version();
                FacesContext.getCurrentInstance().validationFailed();
            }
            return null;
        }
        MeetingPages.info("meeting.agenda.changed");
        return self(anchor);
    }

    /** The item form's fields for the boundary; null, with a message next to the field, for a duration typed wrong. */
    private MeetingView.ItemForm itemForm() {
        try {
            Integer minutes = itemMinutes == null || itemMinutes.isBlank() ? null : Integer.valueOf(itemMinutes.strip());
            return new MeetingView.ItemForm(itemTitle, itemDescription, itemPresenter, minutes);
        } catch (NumberFormatException e) {
            // Typed by hand: refused next to the field like any other invalid duration.
            MeetingPages.refused(new InvalidInputException("agenda.minutes.invalid"),
                    PROPOSE_FORM + ":itemMinutes");
            return null;
        }
    }

    private static String fieldOf(String key) {
        return key.startsWith("agenda.title") ? PROPOSE_FORM + ":itemTitle"
                : key.startsWith("agenda.presenter") ? PROPOSE_FORM + ":itemPresenter"
                : key.startsWith("agenda.minutes") ? PROPOSE_FORM + ":itemMinutes"
                : key.startsWith("agenda.description") ? PROPOSE_FORM + ":itemDescription" : null;
    }

    private static String itemAnchor(MeetingView.Item item) {
        return item == null ? "agendaHeading"
                : (item.state() == AgendaItemState.ACCEPTED ? "agenda-item-" : "proposal-") + item.id();
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

    public Long getEditItemId() {
        return editItemId;
    }

    public Integer getItemVersion() {
        return itemVersion;
    }

    public void setItemVersion(Integer itemVersion) {
        this.itemVersion = itemVersion;
    }

    /** The item as it is now after a conflicting save; null otherwise. */
    public MeetingView.Item getConflict() {
        return conflict;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }
}
