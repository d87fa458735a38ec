package de.zusammenwachsen.workspace.meeting.control;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcsWriterTest {

    private final IcsWriter writer = new IcsWriter("https://workspace.example.org", "AG Umwelt");

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(IcsWriter.BERLIN).toInstant();
    }

    private IcsWriter.Event event(long id, String start, String end, String title, String description) {
        return new IcsWriter.Event(id, title, berlin(start), berlin(end), "Bürgerhaus, Saal 2", null, description,
                "https://workspace.example.org/groups/meeting.xhtml?id=" + id, 3, false, Instant.parse("2026-01-01T10:00:00Z"));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static Instant start(VEvent event) {
        DtStart<Temporal> start = event.getProperty(Property.DTSTART).map(p -> (DtStart<Temporal>) p).orElseThrow();
        assertEquals("Europe/Berlin", start.getParameter("TZID").orElseThrow().getValue());
        return Instant.from(start.getDate());
    }

    @Test
    void winterAndSummerTimesKeepTheirLocalHour() throws Exception {
        String ics = writer.write(IcsWriter.Method.REQUEST, List.of(
                event(7, "2027-01-14T18:00", "2027-01-14T20:00", "Plenum", null),
                event(8, "2027-07-14T18:00", "2027-07-14T20:00", "Sommerplenum", null)));
        Calendar calendar = parse(ics);
        assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        assertTrue(calendar.getComponent(Component.VTIMEZONE).isPresent());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(2, events.size());
        assertEquals(Instant.parse("2027-01-14T17:00:00Z"), start(events.get(0)));
        assertEquals(Instant.parse("2027-07-14T16:00:00Z"), start(events.get(1)));
        assertEquals("meeting-7@workspace.example.org", events.get(0).getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("3", events.get(0).getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:20270114T180000\r\n"), ics);
    }

    @Test
    void escapesTextAndFoldsLongLinesWithoutBreakingCharacters() throws Exception {
        String title = "Haushalt; Räume, Öffnungszeiten \\ und „Ümläute“ ".repeat(4).strip();
        String description = "Zeile eins\nZeile zwei; mit, Zeichen";
        String ics = writer.write(IcsWriter.Method.PUBLISH, List.of(event(9, "2027-03-01T10:00", "2027-03-01T11:00",
                title, description)));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertTrue(!ics.replace("\r\n", "").contains("\n"), "bare line feeds");
        VEvent parsed = parse(ics).<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertEquals(title, parsed.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertTrue(parsed.getProperty(Property.DESCRIPTION).orElseThrow().getValue()
                .startsWith("Zeile eins\nZeile zwei; mit, Zeichen"));
        assertEquals("Bürgerhaus, Saal 2", parsed.getProperty(Property.LOCATION).orElseThrow().getValue());
    }

    @Test
    void cancellationCarriesMethodAndStatus() throws Exception {
        IcsWriter.Event e = event(10, "2027-05-01T10:00", "2027-05-01T11:00", "Plenum", null);
        Calendar calendar = parse(writer.write(IcsWriter.Method.CANCEL, List.of(e)));
        assertEquals("CANCEL", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent parsed = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertEquals("CANCELLED", parsed.getProperty(Property.STATUS).orElseThrow().getValue());
    }

    @Test
    void foldingCountsOctetsNotCharacters() {
        StringBuilder out = new StringBuilder();
        IcsWriter.line(out, "SUMMARY:" + "ä".repeat(100));
        String[] lines = out.toString().split("\r\n");
        assertTrue(lines.length > 2);
        for (String line : lines) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75);
        }
        assertEquals("SUMMARY:" + "ä".repeat(100), out.toString().replace("\r\n ", "").strip());
    }
}
