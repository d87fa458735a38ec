package de.zusammenwachsen.workspace.web.meeting;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.web.shell.PageFlow;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** What the meeting pages share: addresses, redirects, field messages, times in Berlin. */
final class MeetingPages {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private MeetingPages() {
    }

    static String meetingPath(Long id) {
        return "/groups/meeting.xhtml?id=" + id;
    }

    static String meetingsPath(String slug) {
        return "/groups/meetings.xhtml?slug=" + encode(slug);
    }

    static String contextPath() {
        return PageFlow.contextPath();
    }

    /** Redirects after a successful form (post/redirect/get); messages survive in the flash. */
    static String redirect(String path) {
        return PageFlow.redirect(path);
    }

    /** A refusal the viewer can fix, next to its field ({@code clientId}; null: at the top); 404 and 401 go on. */
    static void refused(DomainException e, String clientId) {
        if (e.status() == 404 || e.status() == 401) {
            throw e;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(e.key(), e.arguments()), null));
        context.validationFailed();
    }

    static void info(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
        context.getExternalContext().getFlash().setKeepMessages(true);
    }

    static String text(String key, Object... arguments) {
        return PageFlow.text(key, arguments);
    }

    static Locale locale() {
        return PageFlow.locale();
    }

    static String encode(String value) {
        return PageFlow.encode(value);
    }

    static Long longParam(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            // A hand-edited address: treated as absent, which the page answers with 404.
            return null;
        }
    }

    static Integer intParam(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            // A hand-edited address: treated as absent, which the page answers with 404.
            return null;
        }
    }

    static String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale())
                .withZone(BERLIN).format(instant);
    }

    static String longDate(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale())
                .withZone(BERLIN).format(instant);
    }

    /** "Donnerstag, 14. Januar 2027, 18:00–20:00" or with the end date when it ends on another day. */
    static String span(Instant start, Instant end) {
        boolean sameDay = start.atZone(BERLIN).toLocalDate().equals(end.atZone(BERLIN).toLocalDate());
        return longDate(start) + ", " + time(start) + "–" + (sameDay ? "" : longDate(end) + ", ") + time(end);
    }
}
