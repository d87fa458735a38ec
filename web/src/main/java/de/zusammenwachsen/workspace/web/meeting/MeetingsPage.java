package de.zusammenwachsen.workspace.web.meeting;

import de.zusammenwachsen.workspace.meeting.boundary.CalendarFeeds;
import de.zusammenwachsen.workspace.meeting.boundary.MeetingView;
import de.zusammenwachsen.workspace.meeting.boundary.Meetings;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A group's meetings: upcoming or past (paged), a month as a calendar table with links to the months before and
 * after, and the viewer's private calendar feed. List, page and month travel as GET parameters.
 */
@Named
@RequestScoped
public class MeetingsPage {

    /** One day cell of the calendar; {@code day} is null for the padding before the 1st and after the last. */
    public record Day(LocalDate day, boolean today, List<MeetingView.Summary> meetings) {
    }

    @Inject
    Meetings meetings;

    @Inject
    CalendarFeeds feeds;

    private String slug;
    private String when;
    private Integer page;
    private String month;
    private MeetingView.Board board;
    private MeetingView.Month calendar;
    private Optional<MeetingView.Feed> feed;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
        when = "past".equals(Requests.param("when")) ? "past" : null;
        page = Requests.intParam("page");
        month = Requests.param("month");
    }

    public void load() {
        getBoard();
    }

    public MeetingView.Board getBoard() {
        if (board == null) {
            board = meetings.list(slug, isPast(), Paging.first(page, Paging.SIZE), Paging.SIZE);
        }
        return board;
    }

    public Paging getPaging() {
        return Paging.of(getBoard().meetings());
    }

    public boolean isPast() {
        return "past".equals(when);
    }

    public MeetingView.Month getCalendar() {
        if (calendar == null) {
            calendar = meetings.month(slug, shownMonth());
        }
        return calendar;
    }

    private YearMonth shownMonth() {
        try {
            return month == null ? YearMonth.now(MeetingPages.BERLIN) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            // A hand-edited month parameter: show the current month rather than an error.
            return YearMonth.now(MeetingPages.BERLIN);
        }
    }

    /** The weeks of the month, Monday first, as rows of seven cells. */
    public List<List<Day>> getWeeks() {
        YearMonth shown = YearMonth.of(getCalendar().year(), getCalendar().month());
        LocalDate today = LocalDate.now(MeetingPages.BERLIN);
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>();
        int lead = shown.atDay(1).getDayOfWeek().getValue() - 1;
        for (int i = 0; i < lead; i++) {
            week.add(new Day(null, false, List.of()));
        }
        for (int d = 1; d <= shown.lengthOfMonth(); d++) {
            LocalDate date = shown.atDay(d);
            List<MeetingView.Summary> onDay = getCalendar().meetings().stream()
                    .filter(m -> !m.startsAt().atZone(MeetingPages.BERLIN).toLocalDate().isAfter(date)
                            && !m.endsAt().minusNanos(1).atZone(MeetingPages.BERLIN).toLocalDate().isBefore(date))
                    .toList();
            week.add(new Day(date, date.equals(today), onDay));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Day(null, false, List.of()));
            }
            weeks.add(week);
        }
        return weeks;
    }

    public List<String> getWeekdays() {
        List<String> names = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            names.add(d.getDisplayName(TextStyle.SHORT, MeetingPages.locale()));
        }
        return names;
    }

    public List<String> getWeekdayNames() {
        List<String> names = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            names.add(d.getDisplayName(TextStyle.FULL, MeetingPages.locale()));
        }
        return names;
    }

    public String getMonthName() {
        return DateTimeFormatter.ofPattern("LLLL yyyy", MeetingPages.locale())
                .format(YearMonth.of(getCalendar().year(), getCalendar().month()));
    }

    public String monthLink(int delta) {
        YearMonth target = YearMonth.of(getCalendar().year(), getCalendar().month()).plusMonths(delta);
        return MeetingPages.contextPath() + MeetingPages.meetingsPath(slug) + (isPast() ? "&when=past" : "")
                + "&month=" + target + "#calendarHeading";
    }

    public String dayLabel(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofPattern("EEEE, d. MMMM", MeetingPages.locale()).format(day);
    }

    public String listLink(boolean past) {
        return MeetingPages.contextPath() + MeetingPages.meetingsPath(slug) + (past ? "&when=past" : "");
    }

    public String meetingLink(Long id) {
        return MeetingPages.contextPath() + MeetingPages.meetingPath(id);
    }

    public String planLink() {
        return MeetingPages.contextPath() + "/groups/meeting-edit.xhtml?slug=" + MeetingPages.encode(slug);
    }

    public String span(MeetingView.Summary m) {
        return MeetingPages.span(m.startsAt(), m.endsAt());
    }

    public String time(java.time.Instant instant) {
        return MeetingPages.time(instant);
    }

    public MeetingView.Feed getFeed() {
        if (feed == null) {
            feed = feeds.mine(slug);
        }
        return feed.orElse(null);
    }

    public String createFeed() {
        return Messages.attempt(() -> feeds.create(slug), "meetings.feed.created") ? self() : null;
    }

    public String regenerateFeed() {
        return Messages.attempt(() -> feeds.regenerate(slug), "meetings.feed.regenerated") ? self() : null;
    }

    public String revokeFeed() {
        return Messages.attempt(() -> feeds.revoke(slug), "meetings.feed.revoked") ? self() : null;
    }

    private String self() {
        return MeetingPages.redirect(MeetingPages.meetingsPath(slug) + "#feedHeading");
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getWhen() {
        return when;
    }

    public void setWhen(String when) {
        // Read in identify(); the view parameter only keeps it for the pager's links.
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        // Read in identify(); the view parameter only keeps it for the pager's links.
    }
}
