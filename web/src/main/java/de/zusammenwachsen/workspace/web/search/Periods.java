package de.zusammenwachsen.workspace.web.search;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days a period facet stands for, so that choosing a period becomes the search's {@code from} and {@code to}:
 * the boundary counts items of the last 30 days ({@code month}), of the last 365 days ({@code year}) and older ones
 * ({@code older}), counted back from now; here the same spans in whole days of German time.
 */
final class Periods {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Periods() {
    }

    /** The first and last day (either null: open) of the period up to today; null for a key that names none. */
    static LocalDate[] range(String key) {
        return range(key, LocalDate.now(BERLIN));
    }

    static LocalDate[] range(String key, LocalDate today) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "month" -> new LocalDate[]{today.minusDays(30), null};
            case "year" -> new LocalDate[]{today.minusDays(365), null};
            case "older" -> new LocalDate[]{null, today.minusDays(366)};
            default -> null;
        };
    }
}
