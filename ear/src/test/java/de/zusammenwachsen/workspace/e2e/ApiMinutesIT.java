package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static de.zusammenwachsen.workspace.e2e.MinutesFixtures.awaitMail;
import static de.zusammenwachsen.workspace.e2e.MinutesFixtures.expect;
import static de.zusammenwachsen.workspace.e2e.MinutesFixtures.expectProblem;
import static de.zusammenwachsen.workspace.e2e.MinutesFixtures.mailsTo;
import static de.zusammenwachsen.workspace.e2e.MinutesFixtures.subject;
import static de.zusammenwachsen.workspace.e2e.MinutesFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The minutes and "my tasks" API end to end: starting minutes with attendance from the invitation's answers, the
 * draft saved as one document with a 409 on a stale version, circulating with mail, comments per agenda item,
 * approval by a moderator, the lock afterwards and the amendment instead, the PDF and Markdown exports, the owner's
 * task list with status changes, and the reminder mail that comes exactly once. Who may do what is
 * {@link MinutesPermissionsIT}'s job.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiMinutesIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    private static Fixtures.Account mara;
    private static Fixtures.Account anton;
    private static Fixtures.Account berta;

    private static synchronized void accounts() {
        if (mara == null) {
            mara = Fixtures.createAccount(MAIL, "Mara Moderation");
            anton = Fixtures.createAccount(MAIL, "Anton Protokoll");
            berta = Fixtures.createAccount(MAIL, "Berta Böhme");
        }
    }

    /** A private group moderated by Mara with Anton and Berta as members. */
    private static String group() {
        accounts();
        String slug = Fixtures.createGroup("PRIVATE", "OPEN", mara.email()).getString("slug");
        expect(201, anton.api().post("/groups/" + slug + "/members"));
        expect(201, berta.api().post("/groups/" + slug + "/members"));
        return slug;
    }

    @Test
    void minutesGoFromDraftThroughCirculationToApprovalAndAreLockedThen() {
        String slug = group();
        MinutesFixtures.Meeting meeting = MinutesFixtures.meeting(mara, slug);
        expect(200, anton.api().put("/meetings/" + meeting.id() + "/answer",
                Json.createObjectBuilder().add("answer", "YES").build()));
        String path = "/meetings/" + meeting.id() + "/minutes";

        expect(404, anton.api().get(path));
        JsonObject started = MinutesFixtures.start(mara, meeting.id(), anton.id());
        assertEquals("DRAFT", started.getString("state"));
        assertEquals(anton.id(), started.getJsonNumber("minuteTakerId").longValue());
        assertEquals("PRESENT", attendance(started, anton.id()));
        assertEquals("ABSENT", attendance(started, berta.id()));
        // Starting again is harmless and answers the minutes there are.
        assertEquals(started.getJsonNumber("id").longValue(), expect(200, mara.api().post(path,
                Json.createObjectBuilder().build())).json().getJsonNumber("id").longValue());
        // Members read the draft.
        assertEquals("DRAFT", expect(200, berta.api().get(path)).json().getString("state"));

        String wording = "Die Gruppe pflegt die Streuobstwiese an der Weißen Elster ab März 2027 gemeinsam mit dem NABU.";
        String task = Fixtures.unique("Mähplan für die Wiese erstellen");
        int version = started.getInt("version");
        JsonObject saved = expect(200, anton.api().put(path, MinutesFixtures.draft(version, meeting, berta.id(), wording,
                task, LocalDate.now(MinutesFixtures.BERLIN).plusDays(10), List.of(anton.id(), berta.id())))).json();
        assertTrue(saved.getInt("version") > version);
        assertEquals("PRESENT", attendance(saved, berta.id()));
        assertEquals("Gerda Gast\nHerr Müller", saved.getString("guests"));
        JsonObject first = section(saved, meeting.firstItem());
        assertTrue(first.getString("notesHtml").contains("<strong>Wiese</strong>"), first.toString());
        JsonObject decision = first.getJsonArray("decisions").getJsonObject(0);
        assertEquals(wording, decision.getString("wording"));
        assertEquals(7, decision.getInt("votesFor"));
        assertEquals("ADOPTED", decision.getString("outcome"));
        JsonObject item = first.getJsonArray("actionItems").getJsonObject(0);
        assertEquals("Berta Böhme", item.getString("ownerName"));

        // A second writer with the old version is refused, and nothing of theirs is stored.
        expectProblem(409, "minutes.conflict", mara.api().put(path, MinutesFixtures.draft(version, meeting, anton.id(),
                "Überschrieben", "Überschrieben", null, List.of())));
        assertEquals(wording, section(expect(200, anton.api().get(path)).json(), meeting.firstItem())
                .getJsonArray("decisions").getJsonObject(0).getString("wording"));
        // Saving the same document again keeps the decision's and the item's ids.
        JsonObject again = expect(200, anton.api().put(path, Json.createObjectBuilder(
                        MinutesFixtures.draft(saved.getInt("version"), meeting, berta.id(), wording, task, null, List.of(anton.id())))
                .add("decisions", Json.createArrayBuilder().add(Json.createObjectBuilder(decision).remove("approvedAt")))
                .add("actionItems", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", item.getJsonNumber("id"))
                        .add("agendaItemId", meeting.firstItem()).add("title", task).add("ownerId", berta.id())
                        .add("dueOn", LocalDate.now(MinutesFixtures.BERLIN).plusDays(10).toString())))
                .build())).json();
        assertEquals(decision.getJsonNumber("id"), section(again, meeting.firstItem()).getJsonArray("decisions")
                .getJsonObject(0).getJsonNumber("id"));
        assertEquals("ABSENT", attendance(again, berta.id()));

        // Not out yet: no task for Berta, no comments.
        assertTrue(tasks(berta, "ALL").stream().noneMatch(t -> t.getString("title").equals(task)));
        expectProblem(409, "minutes.comment.notCirculated", berta.api().post(path + "/comments",
                Json.createObjectBuilder().add("agendaItemId", meeting.firstItem()).add("body", "Zu früh").build()));

        JsonObject circulated = expect(200, anton.api().post(path + "/circulate")).json();
        assertEquals("CIRCULATED", circulated.getString("state"));
        MimeMessage mail = awaitMail(MAIL, berta.email(), m -> subject(m).startsWith("Protokoll zur Durchsicht: „" + meeting.title()),
                "circulation mail");
        assertEquals("Protokoll zur Durchsicht: „" + meeting.title() + "“ (Gruppe " + slug + ")", subject(mail));
        assertTrue(text(mail).contains("/groups/minutes.xhtml?id=" + meeting.id()), text(mail));
        JsonObject notice = expect(200, berta.api().get("/notifications?size=100")).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(n -> n.getString("kind").equals("MINUTES_CIRCULATED"))
                .findFirst().orElseThrow(() -> new AssertionError("no notification of the circulated minutes"));
        // It leads to the minutes themselves, not to the group.
        assertEquals("/groups/minutes.xhtml?id=" + meeting.id(), notice.getString("link"), notice.toString());
        assertEquals(meeting.title(), notice.getString("meetingTitle"));
        expectProblem(409, "minutes.circulate.notDraft", anton.api().post(path + "/circulate"));

        // Comments per agenda item while circulated.
        JsonObject comment = expect(201, berta.api().post(path + "/comments", Json.createObjectBuilder()
                .add("agendaItemId", meeting.firstItem()).add("body", "Bitte den NABU-Termin ergänzen.").build())).json();
        assertEquals("Berta Böhme", comment.getString("authorName"));
        assertEquals("Bitte den NABU-Termin ergänzen.", section(expect(200, anton.api().get(path)).json(), meeting.firstItem())
                .getJsonArray("comments").getJsonObject(0).getString("body"));
        // The task is out now.
        JsonObject mine = tasks(berta, "OPEN").stream().filter(t -> t.getString("title").equals(task)).findFirst()
                .orElseThrow(() -> new AssertionError("task not on Berta's list"));
        assertEquals(meeting.title(), mine.getString("meetingTitle"));
        assertFalse(mine.getBoolean("overdue"));
        assertTrue(tasks(anton, "ALL").stream().noneMatch(t -> t.getString("title").equals(task)));

        // Only moderators approve.
        assertEquals(403, anton.api().post(path + "/approve").status());
        JsonObject approved = expect(200, mara.api().post(path + "/approve")).json();
        assertEquals("APPROVED", approved.getString("state"));
        assertEquals("Mara Moderation", approved.getString("approvedByName"));
        assertNotNull(section(approved, meeting.firstItem()).getJsonArray("decisions").getJsonObject(0).getString("approvedAt"));

        // Locked: no edit, no comment; a correction is an amendment that everyone sees.
        expectProblem(409, "minutes.locked", anton.api().put(path, MinutesFixtures.draft(approved.getInt("version"),
                meeting, berta.id(), "Still geändert", task, null, List.of())));
        expectProblem(409, "minutes.comment.notCirculated", berta.api().post(path + "/comments",
                Json.createObjectBuilder().add("body", "Zu spät").build()));
        assertEquals(403, anton.api().post(path + "/amendments", Json.createObjectBuilder().add("body", "x").build()).status());
        expect(201, mara.api().post(path + "/amendments", Json.createObjectBuilder()
                .add("body", "Der Termin mit dem NABU ist der **14. März 2027**.").build()));
        JsonObject amended = expect(200, berta.api().get(path)).json();
        assertTrue(amended.getJsonArray("amendments").getJsonObject(0).getString("bodyHtml")
                .contains("<strong>14. März 2027</strong>"));
        awaitMail(MAIL, anton.email(), m -> subject(m).startsWith("Änderung am Protokoll „" + meeting.title()), "amendment mail");

        // Exports: the PDF has the letterhead, the decision, the task and the amendment; the Markdown too.
        ApiClient.Binary pdf = berta.api().download(path + "/pdf");
        assertEquals(200, pdf.status(), pdf.toString());
        assertEquals("application/pdf", pdf.header("Content-Type"));
        String pdfText = pdfText(pdf.bytes());
        assertTrue(pdfText.contains("ZusammenWachsen – Engagiert im Revier"), pdfText);
        assertTrue(pdfText.replaceAll("\\s+", " ").contains(wording), pdfText);
        assertTrue(pdfText.contains(task), pdfText);
        assertTrue(pdfText.contains("Genehmigt am") && pdfText.contains("Mara Moderation"), pdfText);
        assertTrue(pdfText.contains("7 dafür, 1 dagegen, 2 Enthaltungen"), pdfText);
        assertTrue(pdfText.contains("14. März 2027"), pdfText);
        assertFalse(pdfText.contains("ENTWURF"), pdfText);
        ApiClient.Binary markdown = berta.api().download(path + "/markdown");
        assertEquals(200, markdown.status());
        String md = new String(markdown.bytes(), StandardCharsets.UTF_8);
        assertTrue(md.contains(wording) && md.contains("## TOP 1: Streuobstwiese") && md.contains("Gerda Gast"), md);
    }

    @Test
    void draftExportsAreMarkedAsDraft() {
        String slug = group();
        MinutesFixtures.Meeting meeting = MinutesFixtures.meeting(mara, slug);
        MinutesFixtures.start(mara, meeting.id(), null);
        String path = "/meetings/" + meeting.id() + "/minutes";
        String text = pdfText(berta.api().download(path + "/pdf").bytes());
        assertTrue(text.contains("ENTWURF"), text);
        assertTrue(new String(berta.api().download(path + "/markdown").bytes(), StandardCharsets.UTF_8).contains("ENTWURF"));
    }

    @Test
    void ownersKeepTheirTasksAndAStaleChangeIsRefused() {
        String slug = group();
        MinutesFixtures.Meeting meeting = MinutesFixtures.meeting(mara, slug);
        JsonObject started = MinutesFixtures.start(mara, meeting.id(), anton.id());
        String path = "/meetings/" + meeting.id() + "/minutes";
        String task = Fixtures.unique("Förderantrag prüfen");
        expect(200, anton.api().put(path, MinutesFixtures.draft(started.getInt("version"), meeting, berta.id(),
                "Wir stellen einen Förderantrag.", task, LocalDate.now(MinutesFixtures.BERLIN).minusDays(1), List.of())));
        JsonObject circulated = expect(200, anton.api().post(path + "/circulate")).json();
        JsonObject mine = tasks(berta, "OPEN").stream().filter(t -> t.getString("title").equals(task)).findFirst()
                .orElseThrow(() -> new AssertionError("task not on Berta's list"));
        assertTrue(mine.getBoolean("overdue"), mine.toString());
        String itemPath = "/action-items/" + mine.getJsonNumber("id").longValue();
        // Not the owner, not a moderator.
        assertEquals(403, anton.api().put(itemPath, Json.createObjectBuilder().add("version", mine.getInt("version"))
                .add("status", "DONE").build()).status());
        JsonObject done = expect(200, berta.api().put(itemPath, Json.createObjectBuilder()
                .add("version", mine.getInt("version")).add("status", "DONE").build())).json();
        assertEquals("DONE", done.getString("status"));
        assertFalse(done.getBoolean("overdue"));
        // The minute-taker, still on the circulated minutes as loaded before, cannot save the old status over it.
        expectProblem(409, "minutes.conflict", anton.api().put(path, MinutesFixtures.draft(circulated.getInt("version"),
                meeting, berta.id(), "Wir stellen einen Förderantrag.", task, null, List.of())));
        JsonObject reread = section(expect(200, anton.api().get(path)).json(), meeting.firstItem())
                .getJsonArray("actionItems").getJsonObject(0);
        assertEquals("DONE", reread.getString("status"), reread.toString());
        expectProblem(409, "tasks.conflict", berta.api().put(itemPath, Json.createObjectBuilder()
                .add("version", mine.getInt("version")).add("status", "OPEN").build()));
        assertTrue(tasks(berta, "OPEN").stream().noneMatch(t -> t.getString("title").equals(task)));
        assertTrue(tasks(berta, "DONE").stream().anyMatch(t -> t.getString("title").equals(task)));
        // The moderator may reopen it and give it a new date.
        JsonObject reopened = expect(200, mara.api().put(itemPath, Json.createObjectBuilder()
                .add("version", done.getInt("version")).add("status", "OPEN")
                .add("dueOn", LocalDate.now(MinutesFixtures.BERLIN).plusDays(5).toString()).build())).json();
        assertEquals("OPEN", reopened.getString("status"));
        assertEquals(401, ApiClient.guest().get("/me/tasks").status());
    }

    @Test
    void theReminderIsMailedOnceEvenWhenTriggeredTwice() {
        String slug = group();
        MinutesFixtures.Meeting meeting = MinutesFixtures.meeting(mara, slug);
        JsonObject started = MinutesFixtures.start(mara, meeting.id(), anton.id());
        String path = "/meetings/" + meeting.id() + "/minutes";
        String task = Fixtures.unique("Plakate drucken");
        String later = Fixtures.unique("Später erledigen");
        JsonObject draft = Json.createObjectBuilder(MinutesFixtures.draft(started.getInt("version"), meeting, berta.id(),
                        "Wir laden zum Apfelfest ein.", task, LocalDate.now(MinutesFixtures.BERLIN).plusDays(1), List.of()))
                .add("actionItems", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("title", task).add("ownerId", berta.id())
                                .add("dueOn", LocalDate.now(MinutesFixtures.BERLIN).plusDays(1).toString()))
                        .add(Json.createObjectBuilder().add("title", later).add("ownerId", berta.id())
                                .add("dueOn", LocalDate.now(MinutesFixtures.BERLIN).plusDays(30).toString())))
                .build();
        expect(200, anton.api().put(path, draft));
        // A draft's items are not reminded.
        expect(200, Fixtures.admin().post("/admin/task-reminders"));
        expect(200, anton.api().post(path + "/circulate"));
        assertEquals(403, berta.api().post("/admin/task-reminders").status());
        expect(200, Fixtures.admin().post("/admin/task-reminders"));
        expect(200, Fixtures.admin().post("/admin/task-reminders"));
        MimeMessage reminder = awaitMail(MAIL, berta.email(), m -> subject(m).contains(task), "reminder");
        assertTrue(subject(reminder).startsWith("Erinnerung: „" + task + "“ ist am "), subject(reminder));
        assertTrue(text(reminder).contains("/tasks.xhtml"), text(reminder));
        try {
            Thread.sleep(6000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertEquals(1, mailsTo(MAIL, berta.email()).stream().filter(m -> subject(m).contains(task)).count());
        assertEquals(0, mailsTo(MAIL, berta.email()).stream().filter(m -> subject(m).contains(later)).count());
    }

    private static List<JsonObject> tasks(Fixtures.Account who, String status) {
        return expect(200, who.api().get("/me/tasks?size=100&status=" + status)).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    private static String attendance(JsonObject minutes, long accountId) {
        return minutes.getJsonArray("attendance").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getJsonNumber("accountId").longValue() == accountId).findFirst()
                .map(a -> a.getString("status")).orElse(null);
    }

    private static JsonObject section(JsonObject minutes, long agendaItemId) {
        return minutes.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.containsKey("agendaItemId") && !s.isNull("agendaItemId")
                        && s.getJsonNumber("agendaItemId").longValue() == agendaItemId)
                .findFirst().orElseThrow(() -> new AssertionError("no section " + agendaItemId + " in " + minutes));
    }

    static String pdfText(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }
}
