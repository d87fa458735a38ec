package de.zusammenwachsen.workspace.notification.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the daily digest's cut-off lies: the latest digest hour (Berlin time) at or before now, so that each day has
 * exactly one, also on the days the clocks change (last Sunday of March: 02:00 → 03:00; last Sunday of October:
 * 03:00 → 02:00).
 */
class DigestScheduleTest {

    private static final String HOUR = "zw.digest.hour";

    @AfterEach
    void forgetTheHour() {
        System.clearProperty(HOUR);
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DigestSchedule.BERLIN).toInstant();
    }

    @Test
    void beforeTheHourTheCutoffIsYesterdays() {
        // Summer time (UTC+2): 06:59 in Berlin is before 07:00, so yesterday's 07:00 counts.
        assertEquals(Instant.parse("2026-06-09T05:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-06-10T04:59:00Z"), 7));
        // Winter time (UTC+1).
        assertEquals(Instant.parse("2026-01-14T06:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-01-15T05:30:00Z"), 7));
    }

    @Test
    void atAndAfterTheHourTheCutoffIsTodays() {
        assertEquals(Instant.parse("2026-06-10T05:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-06-10T05:00:00Z"), 7));
        assertEquals(Instant.parse("2026-06-10T05:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-06-10T05:00:01Z"), 7));
        assertEquals(Instant.parse("2026-06-10T05:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-06-10T21:59:59Z"), 7));
        assertEquals(Instant.parse("2026-01-15T06:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-01-15T22:00:00Z"), 7));
    }

    @Test
    void theBerlinDayCountsNotTheUtcDay() {
        // 23:30 UTC on 9 June is 01:30 on 10 June in Berlin: for hour 0, today's (10 June) midnight counts.
        assertEquals(berlin("2026-06-10T00:00"), DigestSchedule.cutoff(Instant.parse("2026-06-09T23:30:00Z"), 0));
        // For hour 23 and 21:30 UTC = 23:30 Berlin, today's 23:00.
        assertEquals(berlin("2026-06-09T23:00"), DigestSchedule.cutoff(Instant.parse("2026-06-09T21:30:00Z"), 23));
        assertEquals(berlin("2026-06-08T23:00"), DigestSchedule.cutoff(Instant.parse("2026-06-09T20:30:00Z"), 23));
    }

    @Test
    void springForwardKeepsTheLocalHour() {
        // 29 March 2026 is the last Sunday of March: the day before at 07:00 CET, on the day at 07:00 CEST, 23 h apart.
        Instant saturday = DigestSchedule.cutoff(Instant.parse("2026-03-29T04:30:00Z"), 7); // 06:30 CEST
        Instant sunday = DigestSchedule.cutoff(Instant.parse("2026-03-29T05:30:00Z"), 7);   // 07:30 CEST
        assertEquals(Instant.parse("2026-03-28T06:00:00Z"), saturday);
        assertEquals(Instant.parse("2026-03-29T05:00:00Z"), sunday);
        assertEquals(Duration.ofHours(23), Duration.between(saturday, sunday));
    }

    @Test
    void anHourThatDoesNotExistOnTheSpringDayMovesToTheNextOne() {
        // 02:00 does not exist on 29 March 2026 in Berlin; that day's digest is due at 03:00 CEST (01:00 UTC).
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-03-29T01:30:00Z"), 2));
        assertEquals(Instant.parse("2026-03-28T01:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-03-29T00:59:00Z"), 2));
        assertEquals(Instant.parse("2026-03-30T00:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-03-30T00:00:00Z"), 2));
    }

    @Test
    void fallBackKeepsTheLocalHour() {
        // 25 October 2026 is the last Sunday of October: 07:00 CEST the day before, 07:00 CET on the day, 25 h apart.
        Instant saturday = DigestSchedule.cutoff(Instant.parse("2026-10-25T05:30:00Z"), 7); // 06:30 CET
        Instant sunday = DigestSchedule.cutoff(Instant.parse("2026-10-25T06:30:00Z"), 7);   // 07:30 CET
        assertEquals(Instant.parse("2026-10-24T05:00:00Z"), saturday);
        assertEquals(Instant.parse("2026-10-25T06:00:00Z"), sunday);
        assertEquals(Duration.ofHours(25), Duration.between(saturday, sunday));
    }

    @Test
    void anHourThatHappensTwiceOnTheAutumnDayCountsOnce() {
        // 02:00–03:00 happens twice on 25 October 2026; the digest is due at the first 02:00 (CEST, 00:00 UTC) and
        // the second pass through 02:30 must not make a second cut-off.
        Instant first = DigestSchedule.cutoff(Instant.parse("2026-10-25T00:30:00Z"), 2);  // 02:30 CEST
        Instant second = DigestSchedule.cutoff(Instant.parse("2026-10-25T01:30:00Z"), 2); // 02:30 CET
        assertEquals(Instant.parse("2026-10-25T00:00:00Z"), first);
        assertEquals(first, second);
        assertEquals(Instant.parse("2026-10-24T00:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-10-24T23:59:00Z"), 2));
        // The night after: until 02:00 CET on 26 October, the autumn day's own cut-off (02:00 CEST) still counts.
        assertEquals(Instant.parse("2026-10-25T00:00:00Z"), DigestSchedule.cutoff(Instant.parse("2026-10-26T00:30:00Z"), 2));
    }

    @Test
    void everyDayOfAYearHasExactlyOneCutoffAtEveryHour() {
        // Walks 2026 in 20-minute steps for every hour setting: the cut-off is never after now, never older than
        // 25 hours, and the year has one distinct cut-off per day.
        LocalDate first = LocalDate.of(2026, 1, 1);
        Instant start = first.atStartOfDay(DigestSchedule.BERLIN).toInstant();
        Instant end = first.plusYears(1).atStartOfDay(DigestSchedule.BERLIN).toInstant();
        for (int hour = 0; hour <= 23; hour++) {
            Set<Instant> cutoffs = new HashSet<>();
            for (Instant now = start; now.isBefore(end); now = now.plus(Duration.ofMinutes(20))) {
                Instant cutoff = DigestSchedule.cutoff(now, hour);
                assertTrue(!cutoff.isAfter(now), "hour " + hour + ", " + now + ": cut-off " + cutoff + " lies ahead");
                assertTrue(Duration.between(cutoff, now).compareTo(Duration.ofHours(25)) < 0,
                        "hour " + hour + ", " + now + ": cut-off " + cutoff + " is more than a day old");
                ZonedDateTime local = cutoff.atZone(DigestSchedule.BERLIN);
                assertTrue(local.getHour() == hour || (hour == 2 && local.getHour() == 3),
                        "hour " + hour + ": cut-off at " + local);
                cutoffs.add(cutoff);
            }
            // the cut-off before the first step (31 Dec 2025) or on 1 January, plus one per further day
            assertTrue(cutoffs.size() == 365 || cutoffs.size() == 366, "hour " + hour + ": " + cutoffs.size() + " cut-offs");
            assertEquals(365, cutoffs.stream().filter(c -> !c.isBefore(start)).count(), "hour " + hour);
        }
    }

    @Test
    void theHourIsReadFromTheSettingAndFallsBackToSeven() {
        System.clearProperty(HOUR);
        assertEquals(7, DigestSchedule.hour(), "default (unless ZW_DIGEST_HOUR is set in this environment)");
        System.setProperty(HOUR, "9");
        assertEquals(9, DigestSchedule.hour());
        System.setProperty(HOUR, " 0 ");
        assertEquals(0, DigestSchedule.hour());
        System.setProperty(HOUR, "23");
        assertEquals(23, DigestSchedule.hour());
        for (String invalid : new String[]{"24", "-1", "sieben", "7.5", "07:00", "99999999999"}) {
            System.setProperty(HOUR, invalid);
            assertEquals(7, DigestSchedule.hour(), "zw.digest.hour=" + invalid);
        }
    }
}
