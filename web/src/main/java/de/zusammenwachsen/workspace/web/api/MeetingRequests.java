package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.meeting.boundary.MeetingView;
import de.zusammenwachsen.workspace.meeting.entity.Answer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What clients send to the meeting resources, turned into what the boundaries take; a value that does not convert
 * is a 400 naming the field.
 */
public final class MeetingRequests {

    static final int LIST_PAGE = 20;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Times as ISO 8601 with offset ({@code 2027-01-14T18:00:00+01:00}, {@code …Z}) or local Berlin time. */
    public record MeetingBody(String title, String startsAt, String endsAt, String place, String onlineUrl,
                       String description, Integer version) {

        MeetingView.Form form() {
            return new MeetingView.Form(title, time("startsAt", startsAt), time("endsAt", endsAt), place, onlineUrl,
                    description);
        }
    }

    public record ItemBody(String title, String description, String presenter, Integer plannedMinutes, Integer version) {

        MeetingView.ItemForm form() {
            return new MeetingView.ItemForm(title, description, presenter, plannedMinutes);
        }
    }

    private MeetingRequests() {
    }

    static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("meeting.time.required");
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            // No offset given: the time is meant as Berlin wall-clock time.
            try {
                return LocalDateTime.parse(v).atZone(BERLIN).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("rest.parameter.invalid", field, value);
            }
        }
    }

    /** upcoming (default) or past. */
    static boolean past(String when) {
        if (when == null || when.isBlank() || when.strip().equalsIgnoreCase("upcoming")) {
            return false;
        }
        if (when.strip().equalsIgnoreCase("past")) {
            return true;
        }
        throw new InvalidInputException("rest.parameter.invalid", "when", when);
    }

    static Answer answer(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("meeting.answer.required");
        }
        try {
            return Answer.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rest.parameter.invalid", "answer", value);
        }
    }
}
