package de.zusammenwachsen.workspace.web.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * File sizes as people read them ({@code 1,2 MB}, {@code 5 GB}, {@code 830 Bytes}) in the page's language. Units of
 * 1024, like the limits in the settings, so that "100 MB" on the page is exactly the configured limit.
 */
@Named("sizes")
@ApplicationScoped
public class FileSizes {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    public String of(long bytes) {
        return format(bytes, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    static String format(long bytes, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        if (bytes < 1024) {
            return number.format(Math.max(0, bytes)) + " Bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // One decimal below 10 (1,2 MB), none above (230 MB): precise enough, short enough for a table cell.
        number.setMaximumFractionDigits(value < 10 ? 1 : 0);
        return number.format(value) + " " + UNITS[unit];
    }
}
