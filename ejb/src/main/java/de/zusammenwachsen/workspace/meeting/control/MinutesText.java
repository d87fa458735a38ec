package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.meeting.entity.AttendanceStatus;
import de.zusammenwachsen.workspace.meeting.entity.VoteMode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wording both exports share: labels, dates in Berlin time, votes, outcomes, attendance lists. */
final class MinutesText {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Locale locale;

    MinutesText(Locale locale) {
        this.locale = Locale.ENGLISH.getLanguage().equals(locale == null ? "" : locale.getLanguage())
                ? Locale.ENGLISH : Locale.GERMAN;
    }

    String get(String key, Object... arguments) {
        return Texts.get(locale, key, arguments);
    }

    String date(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(at.atZone(BERLIN));
    }

    String shortDate(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(at.atZone(BERLIN));
    }

    String day(LocalDate date) {
        return date == null ? get("minutes.export.none")
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    String when(MinutesView.Document d) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        return date(d.startsAt()) + ", " + get("minutes.export.time", time.format(d.startsAt().atZone(BERLIN)),
                time.format(d.endsAt().atZone(BERLIN)));
    }

    String place(MinutesView.Document d) {
        String place = d.place() == null || d.place().isBlank() ? null : d.place();
        String online = d.onlineUrl() == null || d.onlineUrl().isBlank() ? null : d.onlineUrl();
        if (place != null && online != null) {
            return place + " / " + get("minutes.export.online") + ": " + online;
        }
        if (online != null) {
            return get("minutes.export.online") + ": " + online;
        }
        return place == null ? get("minutes.export.none") : place;
    }

    String attendees(MinutesView.Document d, AttendanceStatus status) {
        List<String> names = d.attendance().stream().filter(a -> a.status() == status)
                .map(a -> a.name() == null ? "?" : a.name()).toList();
        return names.isEmpty() ? get("minutes.export.none") : String.join(", ", names);
    }

    String guests(MinutesView.Document d) {
        if (d.guests() == null || d.guests().isBlank()) {
            return get("minutes.export.none");
        }
        return d.guests().lines().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
    }

    String vote(MinutesView.DecisionEntry decision) {
        if (decision.voteMode() == VoteMode.CONSENSUS) {
            return get("minutes.vote.CONSENSUS");
        }
        return get("minutes.vote.counted", n(decision.votesFor()), String.valueOf(n(decision.votesAgainst())),
                String.valueOf(n(decision.abstentions())));
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }

    String outcome(MinutesView.DecisionEntry decision) {
        return get("minutes.outcome." + decision.outcome().name());
    }

    String status(MinutesView.ActionItemEntry item) {
        return get("minutes.actionItem.status." + item.status().name());
    }

    String approval(MinutesView.Document d) {
        if (!d.isApproved()) {
            return get("minutes.export.notApproved");
        }
        if (d.approvedByMeetingId() != null) {
            // The date of the meeting that decided, not of the moderator's recording it.
            return get("minutes.export.approvedByMeeting",
                    d.approvedByMeetingTitle() == null ? "?" : d.approvedByMeetingTitle(),
                    d.approvedByMeetingStartsAt() == null ? "?" : shortDate(d.approvedByMeetingStartsAt()));
        }
        return get("minutes.export.approvedBy", shortDate(d.approvedAt()),
                d.approvedByName() == null ? "?" : d.approvedByName());
    }

    String sectionTitle(MinutesView.Section section) {
        return section.agendaItemId() == null ? get("minutes.section.general")
                : get("minutes.section.item", section.number(), section.title());
    }

    static boolean hasContent(MinutesView.Section section) {
        return section.agendaItemId() != null || !section.decisions().isEmpty() || !section.actionItems().isEmpty();
    }
}
