package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.core.Settings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the daily digest goes out: at {@code zw.digest.hour} (0–23, default 7) Berlin time. A digest collects what
 * came before the latest such hour, so that a run delayed by a restart still sends exactly one mail per day.
 */
public final class DigestSchedule {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private DigestSchedule() {
    }

    public static int hour() {
        try {
            int hour = Integer.parseInt(Settings.get("zw.digest.hour", "7").strip());
            return hour >= 0 && hour <= 23 ? hour : 7;
        } catch (NumberFormatException e) {
            return 7;
        }
    }

    /**
     * The latest digest hour at or before {@code now}. Yesterday's hour is taken from yesterday's date, not by moving
     * today's back a day (which keeps today's UTC offset where it can): around the days the clocks change the two
     * differ, and a second cutoff in one day would send a second digest.
     */
    public static Instant cutoff(Instant now, int hour) {
        ZonedDateTime local = now.atZone(BERLIN);
        LocalDate date = LocalDate.from(local);
        ZonedDateTime today = date.atTime(hour, 0).atZone(BERLIN);
        return (today.isAfter(local) ? date.minusDays(1).atTime(hour, 0).atZone(BERLIN) : today).toInstant();
    }
}
