package de.zusammenwachsen.workspace.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Points in time as people in the region read them: local time in Germany, in the page's language. */
@Named
@ApplicationScoped
public class Dates {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public String dateTime(Instant instant) {
        return format(instant, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
    }

    public String date(Instant instant) {
        return format(instant, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
    }

    private static String format(Instant instant, DateTimeFormatter formatter) {
        if (instant == null) {
            return "";
        }
        return formatter.withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale()).withZone(ZONE).format(instant);
    }
}
