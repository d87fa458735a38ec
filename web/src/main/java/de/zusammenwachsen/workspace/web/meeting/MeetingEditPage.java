package de.zusammenwachsen.workspace.web.meeting;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.ForbiddenException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.meeting.boundary.MeetingView;
import de.zusammenwachsen.workspace.meeting.boundary.Meetings;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Planning a meeting ({@code ?slug=}) or changing one ({@code ?id=}): date, start and end time in Berlin time, place,
 * online link, description; cancelling it. What was typed stays in the form on every refusal, a conflicting edit
 * included; the version the form started from travels as a hidden field.
 */
@Named
@RequestScoped
public class MeetingEditPage {

    static final String FORM = "meetingForm";

    @Inject
    Meetings meetings;

    private String slug;
    private Long id;
    private MeetingView.Detail detail;
    private MeetingView.Board board;
    private String title;
    private String date;
    private String endDate;
    private String start;
    private String end;
    private String place;
    private String onlineUrl;
    private String description;
    private Integer version;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
        id = MeetingPages.longParam(Requests.param("id"));
    }

    /** Fills the form from the meeting on the first request; 403 for whoever may not plan or edit. */
    public void load() {
        if (id != null) {
            MeetingView.Detail d = getDetail();
            if (!d.permission().edit()) {
                throw new ForbiddenException();
            }
            if (!FacesContext.getCurrentInstance().isPostback()) {
                title = d.title();
                ZonedDateTime s = d.startsAt().atZone(MeetingPages.BERLIN);
                ZonedDateTime e = d.endsAt().atZone(MeetingPages.BERLIN);
                date = s.toLocalDate().toString();
                start = s.toLocalTime().toString();
                end = e.toLocalTime().toString();
                endDate = e.toLocalDate().equals(s.toLocalDate()) ? null : e.toLocalDate().toString();
                place = d.place();
                onlineUrl = d.onlineUrl();
                description = d.description();
                version = d.version();
            }
        } else if (!getBoard().permission().plan()) {
            throw new ForbiddenException();
        }
    }

    public MeetingView.Detail getDetail() {
        if (detail == null && id != null) {
            detail = meetings.get(id);
        }
        return detail;
    }

    public MeetingView.Board getBoard() {
        if (board == null && id == null) {
            board = meetings.list(slug, false, 0, 1);
        }
        return board;
    }

    public boolean isEditing() {
        return id != null;
    }

    public String getGroupName() {
        return isEditing() ? getDetail().groupName() : getBoard().groupName();
    }

    public String getGroupSlug() {
        return isEditing() ? getDetail().groupSlug() : getBoard().groupSlug();
    }

    public String getBackLink() {
        return MeetingPages.contextPath() + (isEditing() ? MeetingPages.meetingPath(id) : MeetingPages.meetingsPath(slug));
    }

    public String save() {
        Instant startsAt;
        Instant endsAt;
        if (blank(date) || blank(start) || blank(end)) {
            MeetingPages.refused(new InvalidInputException("meeting.time.required"), FORM + ":date");
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(date.strip());
            LocalDate endDay = blank(endDate) ? day : LocalDate.parse(endDate.strip());
            startsAt = day.atTime(LocalTime.parse(start.strip())).atZone(MeetingPages.BERLIN).toInstant();
            endsAt = endDay.atTime(LocalTime.parse(end.strip())).atZone(MeetingPages.BERLIN).toInstant();
        } catch (DateTimeParseException e) {
            // Browsers without date and time inputs send what was typed; the message says the format.
            MeetingPages.refused(new InvalidInputException("meeting.time.invalid"), FORM + ":date");
            return null;
        }
        MeetingView.Form form = new MeetingView.Form(title, startsAt, endsAt, place, onlineUrl, description);
        try {
            if (isEditing()) {
                meetings.update(id, version == null ? -1 : version, form);
                MeetingPages.info("meetingEdit.changed");
                return MeetingPages.redirect(MeetingPages.meetingPath(id));
            }
            Long created = meetings.plan(slug, form);
            MeetingPages.info("meetingEdit.planned");
            return MeetingPages.redirect(MeetingPages.meetingPath(created));
        } catch (DomainException e) {
            MeetingPages.refused(e, fieldOf(e.key()));
            return null;
        }
    }

    public String cancelMeeting() {
        try {
            meetings.cancel(id);
        } catch (DomainException e) {
            MeetingPages.refused(e, null);
            return null;
        }
        MeetingPages.info("meetingEdit.cancelled");
        return MeetingPages.redirect(MeetingPages.meetingPath(id));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String fieldOf(String key) {
        if (key.startsWith("meeting.title")) {
            return FORM + ":title";
        }
        if (key.startsWith("meeting.time.endBeforeStart") || key.startsWith("meeting.time.tooLong")) {
            return FORM + ":end";
        }
        if (key.startsWith("meeting.time")) {
            return FORM + ":date";
        }
        if (key.startsWith("meeting.place")) {
            return FORM + ":place";
        }
        if (key.startsWith("meeting.onlineUrl")) {
            return FORM + ":onlineUrl";
        }
        if (key.startsWith("meeting.description")) {
            return FORM + ":description";
        }
        return null;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getOnlineUrl() {
        return onlineUrl;
    }

    public void setOnlineUrl(String onlineUrl) {
        this.onlineUrl = onlineUrl;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
