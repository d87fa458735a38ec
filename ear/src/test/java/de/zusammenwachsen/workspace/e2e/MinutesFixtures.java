package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Meetings with agenda and minutes through the API, and waiting for mails, for the minutes tests. */
final class MinutesFixtures {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private MinutesFixtures() {
    }

    record Meeting(long id, String title, long firstItem, long secondItem) {
    }

    /**
     * A meeting of two hours that began three hours ago, planned by {@code organiser} with two accepted agenda items.
     * Relative to now, not "yesterday at 18 h": a meeting may be planned at most a day back, which a fixed hour of
     * yesterday exceeds every evening.
     */
    static Meeting meeting(Fixtures.Account organiser, String slug) {
        String title = Fixtures.unique("Treffen");
        long id = plan(organiser, slug, title, ZonedDateTime.now(BERLIN).truncatedTo(ChronoUnit.MINUTES).minusHours(3));
        long first = item(organiser, id, "Streuobstwiese");
        long second = item(organiser, id, "Mitfahrbank");
        return new Meeting(id, title, first, second);
    }

    /** A meeting of two hours from {@code start}, without agenda; its id. */
    static long plan(Fixtures.Account organiser, String slug, String title, ZonedDateTime start) {
        return expect(201, organiser.api().post("/groups/" + slug + "/meetings", Json.createObjectBuilder()
                .add("title", title).add("startsAt", start.toOffsetDateTime().toString())
                .add("endsAt", start.plusHours(2).toOffsetDateTime().toString()).add("place", "Bürgerhaus Zeitz")
                .build())).json().getJsonNumber("id").longValue();
    }

    static long item(Fixtures.Account organiser, long meetingId, String title) {
        return expect(201, organiser.api().post("/meetings/" + meetingId + "/agenda",
                Json.createObjectBuilder().add("title", title).build())).json().getJsonNumber("id").longValue();
    }

    static JsonObject start(Fixtures.Account as, long meetingId, Long minuteTakerId) {
        var body = Json.createObjectBuilder();
        if (minuteTakerId != null) {
            body.add("minuteTakerId", minuteTakerId);
        }
        return expect(201, as.api().post("/meetings/" + meetingId + "/minutes", body.build())).json();
    }

    /** A draft with notes on the first item, one counted decision and one action item for {@code owner}. */
    static JsonObject draft(int version, Meeting meeting, long ownerId, String wording, String task, LocalDate due,
                            List<Long> present) {
        JsonArrayBuilder attendance = Json.createArrayBuilder();
        present.forEach(id -> attendance.add(Json.createObjectBuilder().add("accountId", id).add("status", "PRESENT")));
        var item = Json.createObjectBuilder().add("agendaItemId", meeting.firstItem()).add("title", task)
                .add("ownerId", ownerId).add("status", "OPEN");
        if (due != null) {
            item.add("dueOn", due.toString());
        }
        return Json.createObjectBuilder().add("version", version).add("guests", "Gerda Gast\nHerr Müller")
                .add("attendance", attendance)
                .add("notes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("agendaItemId", meeting.firstItem())
                        .add("body", "Die **Wiese** an der Weißen Elster wird gepflegt.\n\n- Äpfel ernten\n- Saft pressen")))
                .add("decisions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("agendaItemId", meeting.firstItem()).add("wording", wording).add("voteMode", "COUNTED")
                        .add("votesFor", 7).add("votesAgainst", 1).add("abstentions", 2).add("outcome", "ADOPTED")
                        .add("published", true)))
                .add("actionItems", Json.createArrayBuilder().add(item))
                .build();
    }

    static ApiClient.Answer expect(int status, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        return answer;
    }

    static void expectProblem(int status, String code, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(code, answer.json().getString("code"), answer.body());
    }

    static List<MimeMessage> mailsTo(GreenMailOperations mail, String email) {
        return Arrays.stream(mail.getReceivedMessagesForDomain(email)).toList();
    }

    static MimeMessage awaitMail(GreenMailOperations mail, String email, Predicate<MimeMessage> which, String what) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : mailsTo(mail, email)) {
                if (which.test(message)) {
                    return message;
                }
            }
            mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no " + what + " within 30 s; mails to " + email + ": "
                + mailsTo(mail, email).stream().map(MinutesFixtures::subject).toList());
    }

    static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage message) {
        return MailParts.plain(message);
    }
}
