package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.meeting.entity.Meeting;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes iCalendar (RFC 5545) by hand: the few properties calendar apps need, with a VTIMEZONE for Europe/Berlin so
 * that events keep their local time across daylight saving. Text is escaped, lines are folded at 75 octets without
 * splitting a UTF-8 character, and lines end in CRLF.
 */
public final class IcsWriter {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final String TZID = "Europe/Berlin";
    public static final String CONTENT_TYPE = "text/calendar";

    /** REQUEST for invitations and updates, CANCEL for cancellations, PUBLISH for feeds and downloads. */
    public enum Method {
        REQUEST, CANCEL, PUBLISH
    }

    /** One event with what a calendar shows; {@code link} is the meeting's page. */
    public record Event(long id, String title, Instant startsAt, Instant endsAt, String place, String onlineUrl,
                        String description, String link, int sequence, boolean cancelled, Instant stamp) {

        public static Event of(Meeting meeting, String link, Instant stamp) {
            return new Event(meeting.getId(), meeting.getTitle(), meeting.getStartsAt(), meeting.getEndsAt(),
                    meeting.getPlace(), meeting.getOnlineUrl(), meeting.getDescription(), link,
                    meeting.getIcalSequence(), meeting.isCancelled(), stamp);
        }
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String host;
    private final String calendarName;

    /** {@code baseUrl} gives the host that makes event UIDs unique worldwide. */
    public IcsWriter(String baseUrl, String calendarName) {
        String h = null;
        try {
            h = URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            // A malformed setting must not stop invitations; the UIDs then use a fixed host.
            java.util.logging.Logger.getLogger(IcsWriter.class.getName()).warning("Base URL without host: " + e.getMessage());
        }
        this.host = h == null ? "zusammenwachsen.local" : h;
        this.calendarName = calendarName;
    }

    public String uid(long meetingId) {
        return "meeting-" + meetingId + "@" + host;
    }

    public String write(Method method, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//ZusammenWachsen//Workspace//DE");
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:" + method.name());
        if (calendarName != null) {
            line(out, "X-WR-CALNAME:" + text(calendarName));
        }
        line(out, "X-WR-TIMEZONE:" + TZID);
        timezone(out);
        for (Event event : events) {
            event(out, method, event);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private void event(StringBuilder out, Method method, Event e) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid(e.id()));
        line(out, "DTSTAMP:" + UTC.format(e.stamp()));
        line(out, "DTSTART;TZID=" + TZID + ":" + LOCAL.format(e.startsAt().atZone(BERLIN)));
        line(out, "DTEND;TZID=" + TZID + ":" + LOCAL.format(e.endsAt().atZone(BERLIN)));
        line(out, "SEQUENCE:" + e.sequence());
        line(out, "SUMMARY:" + text(e.title()));
        String description = e.description() == null ? "" : e.description();
        if (e.onlineUrl() != null) {
            description = (description.isEmpty() ? "" : description + "\n\n") + e.onlineUrl();
        }
        if (e.link() != null) {
            description = (description.isEmpty() ? "" : description + "\n\n") + e.link();
        }
        if (!description.isEmpty()) {
            line(out, "DESCRIPTION:" + text(description));
        }
        String location = e.place() != null ? e.place() : e.onlineUrl();
        if (location != null) {
            line(out, "LOCATION:" + text(location));
        }
        if (e.link() != null) {
            line(out, "URL:" + e.link());
        }
        line(out, "STATUS:" + (e.cancelled() || method == Method.CANCEL ? "CANCELLED" : "CONFIRMED"));
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
    }

    /** Central European Time with the EU's daylight-saving rules (last Sunday of March and October). */
    private static void timezone(StringBuilder out) {
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + TZID);
        line(out, "X-LIC-LOCATION:" + TZID);
        line(out, "BEGIN:DAYLIGHT");
        line(out, "TZOFFSETFROM:+0100");
        line(out, "TZOFFSETTO:+0200");
        line(out, "TZNAME:CEST");
        line(out, "DTSTART:19700329T020000");
        line(out, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        line(out, "END:DAYLIGHT");
        line(out, "BEGIN:STANDARD");
        line(out, "TZOFFSETFROM:+0200");
        line(out, "TZOFFSETTO:+0100");
        line(out, "TZNAME:CET");
        line(out, "DTSTART:19701025T030000");
        line(out, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
    }

    /** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545, 3.3.11). */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        escaped.append("\\n");
                    }
                }
                default -> escaped.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /** Appends a content line folded at 75 octets; a continuation starts with a space, which counts to its 75. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
