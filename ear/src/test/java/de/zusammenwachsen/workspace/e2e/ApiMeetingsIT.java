package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Meetings through the REST API end to end: planning invites every member by mail with a calendar file (parsed by
 * ical4j: time zone, UID, sequence), answers, the agenda (proposals, accepting, reordering with conflicts), changes
 * that raise the sequence, cancellation, and the private calendar feed by token (revoked or owner gone: 404). Who may
 * do what in every combination is {@link MeetingPermissionsIT}'s job.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiMeetingsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    private static Fixtures.Account moderator;
    private static Fixtures.Account anton;
    private static Fixtures.Account emma;

    private static synchronized void accounts() {
        if (moderator == null) {
            moderator = Fixtures.createAccount(MAIL, "Mara Moderation");
            anton = Fixtures.createAccount(MAIL, "Anton Autor");
            emma = Fixtures.createAccount(MAIL, "Emma English");
            JsonObject profile = expect(200, emma.api().get("/me")).json();
            expect(200, emma.api().put("/me", Json.createObjectBuilder().add("version", profile.getInt("version"))
                    .add("displayName", profile.getString("displayName")).add("language", "en").build()));
        }
    }

    /** A private group moderated by Mara, with Anton and Emma as members. */
    private static String group() {
        accounts();
        String slug = Fixtures.createGroup("PRIVATE", "OPEN", moderator.email()).getString("slug");
        for (Fixtures.Account member : List.of(anton, emma)) {
            expect(201, member.api().post("/groups/" + slug + "/members"));
        }
        return slug;
    }

    /** A Berlin wall-clock time some days ahead, in the given month of next year (January: winter, July: summer). */
    private static LocalDateTime nextYear(int month, int hour) {
        return LocalDate.now(BERLIN).plusYears(1).withMonth(month).withDayOfMonth(14).atTime(hour, 0);
    }

    private static JsonObject meetingBody(String title, LocalDateTime start, LocalDateTime end, String place) {
        return Json.createObjectBuilder().add("title", title).add("startsAt", start.toString())
                .add("endsAt", end.toString()).add("place", place)
                .add("description", "Bitte, wenn möglich; pünktlich \\ kommen.\nZweite Zeile").build();
    }

    private static long plan(Fixtures.Account as, String slug, String title, LocalDateTime start) {
        return expect(201, as.api().post("/groups/" + slug + "/meetings",
                meetingBody(title, start, start.plusHours(2), "Bürgerhaus, Saal 2"))).json().getJsonNumber("id").longValue();
    }

    @Test
    void planningInvitesEveryMemberWithACalendarFileInTheirLanguage() throws Exception {
        String slug = group();
        String title = Fixtures.unique("Plenum");
        LocalDateTime start = nextYear(1, 18);
        long id = plan(anton, slug, title, start);

        for (Fixtures.Account member : List.of(moderator, anton, emma)) {
            MimeMessage mail = awaitMail(member.email(), m -> subject(m).contains(title), "invitation " + title);
            assertTrue(mail.isMimeType("multipart/mixed"), mail.getContentType());
            String expectedSubject = member == emma ? "Invitation: " : "Einladung: ";
            assertTrue(subject(mail).startsWith(expectedSubject), subject(mail));
            assertTrue(text(mail).contains("/groups/meeting.xhtml?id=" + id), text(mail));
            BodyPart file = calendarPart(mail);
            assertTrue(file.getContentType().toLowerCase().contains("method=request"), file.getContentType());
            Calendar calendar = parse(content(file));
            assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
            VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
            assertTrue(event.getProperty(Property.UID).orElseThrow().getValue().startsWith("meeting-" + id + "@"));
            assertEquals(start.atZone(BERLIN).toInstant(), start(event));
            // 18:00 in Berlin in January is 17:00 UTC.
            assertEquals(17, start(event).atZone(ZoneId.of("UTC")).getHour());
            assertEquals("0", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
            assertEquals(title, event.getProperty(Property.SUMMARY).orElseThrow().getValue());
            assertEquals("Bürgerhaus, Saal 2", event.getProperty(Property.LOCATION).orElseThrow().getValue());
            assertTrue(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue()
                    .startsWith("Bitte, wenn möglich; pünktlich \\ kommen.\nZweite Zeile"));
        }

        // Answers: counted per answer, the caller's own shown, answering again replaces it.
        expect(200, emma.api().put("/meetings/" + id + "/answer", Json.createObjectBuilder().add("answer", "yes").build()));
        expect(200, anton.api().put("/meetings/" + id + "/answer", Json.createObjectBuilder().add("answer", "MAYBE").build()));
        JsonObject detail = expect(200, anton.api().put("/meetings/" + id + "/answer",
                Json.createObjectBuilder().add("answer", "NO").build())).json();
        assertEquals(1, detail.getJsonObject("counts").getInt("yes"));
        assertEquals(1, detail.getJsonObject("counts").getInt("no"));
        assertEquals(0, detail.getJsonObject("counts").getInt("maybe"));
        assertEquals("NO", detail.getString("myAnswer"));
        expect(400, anton.api().put("/meetings/" + id + "/answer", Json.createObjectBuilder().add("answer", "perhaps").build()));

        // Listed as upcoming, not as past; the .ics download parses and says PUBLISH.
        JsonObject upcoming = expect(200, anton.api().get("/groups/" + slug + "/meetings?when=upcoming")).json();
        assertEquals(1, upcoming.getJsonObject("meetings").getInt("total"));
        assertEquals(0, expect(200, anton.api().get("/groups/" + slug + "/meetings?when=past")).json()
                .getJsonObject("meetings").getInt("total"));
        ApiClient.Answer ics = anton.api().get("/meetings/" + id + ".ics", "text/calendar");
        expect(200, ics);
        assertTrue(ics.contentType().startsWith("text/calendar"), ics.contentType());
        assertEquals("PUBLISH", parse(ics.body()).getProperty(Property.METHOD).orElseThrow().getValue());
    }

    @Test
    void aChangeRaisesTheSequenceAndACancellationSaysCancel() throws Exception {
        String slug = group();
        String title = Fixtures.unique("Sommerfest");
        LocalDateTime start = nextYear(7, 18);
        long id = plan(moderator, slug, title, start);
        awaitMail(anton.email(), m -> subject(m).startsWith("Einladung: " + title), "invitation");
        JsonObject detail = expect(200, anton.api().get("/meetings/" + id)).json();
        int version = detail.getInt("version");

        // A member who is not the organiser may not change it; a stale version is a conflict.
        expect(403, anton.api().put("/meetings/" + id, Json.createObjectBuilder(
                meetingBody(title, start, start.plusHours(3), "Park")).add("version", version).build()));
        JsonObject change = Json.createObjectBuilder(meetingBody(title, start.plusHours(1), start.plusHours(3), "Stadtpark"))
                .add("version", version).build();
        JsonObject changed = expect(200, moderator.api().put("/meetings/" + id, change)).json();
        assertEquals(1, changed.getInt("sequence"));
        assertEquals("Stadtpark", changed.getString("place"));
        expectProblem(409, moderator.api().put("/meetings/" + id, change));

        MimeMessage update = awaitMail(anton.email(), m -> subject(m).startsWith("Geändert: " + title), "update");
        VEvent event = parse(content(calendarPart(update))).<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertEquals("1", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        // 19:00 in Berlin in July is 17:00 UTC.
        assertEquals(start.plusHours(1).atZone(BERLIN).toInstant(), start(event));
        assertEquals(17, start(event).atZone(ZoneId.of("UTC")).getHour());

        // End before start: 400.
        expect(400, moderator.api().put("/meetings/" + id, Json.createObjectBuilder(
                meetingBody(title, start, start.minusHours(1), "Park")).add("version", changed.getInt("version")).build()));
        // A link that is not http(s): 400.
        expect(400, moderator.api().put("/meetings/" + id, Json.createObjectBuilder(
                meetingBody(title, start, start.plusHours(1), "Park")).add("onlineUrl", "javascript:alert(1)")
                .add("version", changed.getInt("version")).build()));

        expect(204, moderator.api().delete("/meetings/" + id));
        MimeMessage cancel = awaitMail(emma.email(), m -> subject(m).startsWith("Cancelled: " + title), "cancellation");
        BodyPart file = calendarPart(cancel);
        assertTrue(file.getContentType().toLowerCase().contains("method=cancel"), file.getContentType());
        Calendar calendar = parse(content(file));
        assertEquals("CANCEL", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent cancelled = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertEquals("CANCELLED", cancelled.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("2", cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertTrue(expect(200, anton.api().get("/meetings/" + id)).json().getBoolean("cancelled"));
        expectProblem(409, anton.api().put("/meetings/" + id + "/answer", Json.createObjectBuilder().add("answer", "YES").build()));
    }

    @Test
    void membersProposeAndTheOrganiserAcceptsAndReordersTheAgenda() {
        String slug = group();
        long id = plan(moderator, slug, Fixtures.unique("Klausur"), nextYear(3, 10));
        long first = item(moderator, id, "Begrüßung", 5);
        long second = item(moderator, id, "Haushalt", 30);
        long proposal = item(anton, id, "Öffentlichkeitsarbeit", 20);

        JsonObject detail = expect(200, anton.api().get("/meetings/" + id)).json();
        assertEquals(List.of(first, second), ids(detail, "agenda"));
        assertEquals(List.of(proposal), ids(detail, "proposals"));
        assertEquals(35, detail.getInt("plannedMinutes"));
        assertEquals("PROPOSED", detail.getJsonArray("proposals").getJsonObject(0).getString("state"));

        // Members may not accept or reorder; the organiser's side may.
        expect(403, anton.api().post("/agenda-items/" + proposal + "/accept"));
        expect(204, moderator.api().post("/agenda-items/" + proposal + "/accept"));
        detail = expect(200, moderator.api().get("/meetings/" + id)).json();
        assertEquals(List.of(first, second, proposal), ids(detail, "agenda"));
        assertEquals(3, detail.getJsonArray("agenda").getJsonObject(2).getInt("number"));
        int version = detail.getInt("version");

        JsonObject order = Json.createObjectBuilder().add("version", version)
                .add("items", Json.createArrayBuilder().add(proposal).add(first).add(second)).build();
        expect(403, anton.api().put("/meetings/" + id + "/agenda/order", order));
        detail = expect(200, moderator.api().put("/meetings/" + id + "/agenda/order", order)).json();
        assertEquals(List.of(proposal, first, second), ids(detail, "agenda"));
        // The same order sent again is based on the old version: someone else's reorder would be lost.
        expectProblem(409, moderator.api().put("/meetings/" + id + "/agenda/order", order));
        // An order that leaves out an item is refused too.
        expectProblem(409, moderator.api().put("/meetings/" + id + "/agenda/order", Json.createObjectBuilder()
                .add("version", detail.getInt("version")).add("items", Json.createArrayBuilder().add(first).add(second)).build()));

        // Editing with a stale version: 409; removing: gone.
        JsonObject item = detail.getJsonArray("agenda").getJsonObject(0);
        JsonObject edit = Json.createObjectBuilder().add("title", "Pressearbeit").add("plannedMinutes", 15)
                .add("version", item.getInt("version")).build();
        expect(204, moderator.api().put("/agenda-items/" + proposal, edit));
        expectProblem(409, moderator.api().put("/agenda-items/" + proposal, edit));
        expect(400, moderator.api().put("/agenda-items/" + proposal, Json.createObjectBuilder().add("title", " ")
                .add("version", item.getInt("version") + 1).build()));
        expect(204, moderator.api().delete("/agenda-items/" + second));
        detail = expect(200, anton.api().get("/meetings/" + id)).json();
        assertEquals(List.of(proposal, first), ids(detail, "agenda"));
        assertEquals("Pressearbeit", detail.getJsonArray("agenda").getJsonObject(0).getString("title"));
        assertEquals(20, detail.getInt("plannedMinutes"));
        expect(200, anton.api().get("/meetings/" + id + "/offered-action-items"));
    }

    @Test
    void theCalendarFeedAnswersByTokenUntilRevokedOrTheOwnerLeaves() throws Exception {
        String slug = group();
        String title = Fixtures.unique("Feedtreffen");
        long id = plan(moderator, slug, title, nextYear(7, 18));
        expect(404, anton.api().get("/groups/" + slug + "/calendar-feed"));
        String url = expect(200, anton.api().post("/groups/" + slug + "/calendar-feed")).json().getString("url");
        assertEquals(url, expect(200, anton.api().post("/groups/" + slug + "/calendar-feed")).json().getString("url"));
        assertTrue(url.matches(".*/api/v1/calendar/[A-Za-z0-9_-]{40,}\\.ics"), url);
        String path = url.substring(url.indexOf("/api/v1") + "/api/v1".length());

        ApiClient.Answer feed = ApiClient.guest().get(path, "text/calendar");
        expect(200, feed);
        assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());
        Calendar calendar = parse(feed.body());
        assertEquals("PUBLISH", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertTrue(events.stream().anyMatch(e -> e.getProperty(Property.UID).orElseThrow().getValue()
                .startsWith("meeting-" + id + "@")), feed.body());

        // Regenerating revokes the old address.
        String renewed = expect(200, anton.api().post("/groups/" + slug + "/calendar-feed?regenerate=true")).json().getString("url");
        assertFalse(renewed.equals(url));
        expect(404, ApiClient.guest().get(path, "text/calendar"));
        String renewedPath = renewed.substring(renewed.indexOf("/api/v1") + "/api/v1".length());
        expect(200, ApiClient.guest().get(renewedPath, "text/calendar"));
        expect(204, anton.api().delete("/groups/" + slug + "/calendar-feed"));
        expect(404, ApiClient.guest().get(renewedPath, "text/calendar"));

        // A member's feed stops when they leave the group.
        String emmaUrl = expect(200, emma.api().post("/groups/" + slug + "/calendar-feed")).json().getString("url");
        String emmaPath = emmaUrl.substring(emmaUrl.indexOf("/api/v1") + "/api/v1".length());
        expect(200, ApiClient.guest().get(emmaPath, "text/calendar"));
        expect(204, moderator.api().delete("/groups/" + slug + "/members/" + emma.id()));
        expect(404, ApiClient.guest().get(emmaPath, "text/calendar"));
        expect(404, ApiClient.guest().get("/calendar/unknown-token.ics", "text/calendar"));
    }

    @Test
    void openActionItemsAreOfferedForTheNextAgendaUntilTakenOver() {
        String slug = group();
        long earlier = plan(moderator, slug, Fixtures.unique("Erstes Treffen"), nextYear(2, 18));
        String task = Fixtures.unique("Flyer drucken");
        int version = expect(201, moderator.api().post("/meetings/" + earlier + "/minutes",
                Json.createObjectBuilder().build())).json().getInt("version");
        expect(200, moderator.api().put("/meetings/" + earlier + "/minutes", Json.createObjectBuilder()
                .add("version", version)
                .add("actionItems", Json.createArrayBuilder().add(Json.createObjectBuilder().add("title", task)
                        .add("ownerId", anton.id()).add("dueOn", LocalDate.now(BERLIN).plusDays(20).toString())))
                .build()));

        long next = plan(moderator, slug, Fixtures.unique("Nächstes Treffen"), nextYear(3, 18));
        List<JsonObject> offered = expect(200, anton.api().get("/meetings/" + next + "/offered-action-items")).array()
                .getValuesAs(JsonObject.class);
        JsonObject item = offered.stream().filter(o -> o.getString("title").equals(task)).findFirst()
                .orElseThrow(() -> new AssertionError(task + " not offered: " + offered));
        assertEquals("Anton Autor", item.getString("ownerName"));
        long actionItemId = item.getJsonNumber("id").longValue();

        // Only the organiser's side takes it over, once.
        JsonObject takeOver = Json.createObjectBuilder().add("actionItemId", actionItemId).build();
        expect(403, anton.api().post("/meetings/" + next + "/agenda/action-items", takeOver));
        expect(201, moderator.api().post("/meetings/" + next + "/agenda/action-items", takeOver));
        expectProblem(409, moderator.api().post("/meetings/" + next + "/agenda/action-items", takeOver));
        JsonObject agendaItem = expect(200, anton.api().get("/meetings/" + next)).json().getJsonArray("agenda")
                .getJsonObject(0);
        assertEquals(task, agendaItem.getString("title"));
        assertEquals(actionItemId, agendaItem.getJsonNumber("actionItemId").longValue());
        assertTrue(expect(200, anton.api().get("/meetings/" + next + "/offered-action-items")).array()
                .getValuesAs(JsonObject.class).stream().noneMatch(o -> o.getString("title").equals(task)));
    }

    // --- helpers ---

    private static long item(Fixtures.Account as, long meetingId, String title, int minutes) {
        return expect(201, as.api().post("/meetings/" + meetingId + "/agenda", Json.createObjectBuilder()
                .add("title", title).add("plannedMinutes", minutes).add("presenter", as.displayName()).build()))
                .json().getJsonNumber("id").longValue();
    }

    private static List<Long> ids(JsonObject detail, String list) {
        return detail.getJsonArray(list).getValuesAs(JsonObject.class).stream()
                .map(o -> o.getJsonNumber("id").longValue()).toList();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @SuppressWarnings("unchecked")
    private static Instant start(VEvent event) {
        DtStart<Temporal> start = (DtStart<Temporal>) event.getProperty(Property.DTSTART).orElseThrow();
        assertEquals("Europe/Berlin", start.getParameter("TZID").orElseThrow().getValue());
        return Instant.from(start.getDate());
    }

    private static BodyPart calendarPart(MimeMessage mail) throws IOException, MessagingException {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/calendar")) {
                assertTrue(parts.getBodyPart(i).getFileName().endsWith(".ics"), parts.getBodyPart(i).getFileName());
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no text/calendar part in " + mail.getContentType());
    }

    private static String content(BodyPart part) throws IOException, MessagingException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static ApiClient.Answer expect(int status, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        return answer;
    }

    private static void expectProblem(int status, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType());
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessagesForDomain(email)).toList();
    }

    private static MimeMessage awaitMail(String email, Predicate<MimeMessage> which, String what) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : mailsTo(email)) {
                if (which.test(message)) {
                    return message;
                }
            }
            MAIL.waitForIncomingEmail(500, MAIL.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no " + what + " within 30 s; mails to " + email + ": "
                + mailsTo(email).stream().map(ApiMeetingsIT::subject).toList());
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The readable text of an invitation (its plain-text part, beside the HTML one and the calendar file). */
    private static String text(MimeMessage message) {
        return MailParts.plain(message);
    }
}
