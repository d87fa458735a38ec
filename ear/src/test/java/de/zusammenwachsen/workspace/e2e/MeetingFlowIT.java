package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.clickAndWaitForNextPage;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5 as people live it, through the pages only (the API just sets up people and the group): a moderator plans
 * a meeting of a private group, the members get the invitation with a calendar file, the agenda is built (a member
 * proposes, the moderator accepts and reorders), the minutes are taken with a decision and an action item,
 * circulated, commented and approved; the published decision shows in the register for members and guests (guests
 * never reach the minutes), the owner finishes the task on "Meine Aufgaben", and the approved minutes export as a
 * PDF. Every page of the flow passes axe-core.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetingFlowIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void fromPlanningToApprovedMinutesRegisterTasksAndPdf() throws Exception {
        Fixtures.Account mara = Fixtures.createAccount(MAIL, "Mara Moderation");
        Fixtures.Account max = Fixtures.createAccount(MAIL, "Max Mitglied");
        Fixtures.Account mia = Fixtures.createAccount(MAIL, "Mia Mitglied");
        var group = Fixtures.createGroup("PRIVATE", "OPEN", mara.email());
        String slug = group.getString("slug");
        String groupName = group.getString("name");
        for (Fixtures.Account member : List.of(max, mia)) {
            assertEquals(201, member.api().post("/groups/" + slug + "/members").status());
        }
        String title = Fixtures.unique("Plenum");
        // Tomorrow evening: members may still propose items, and the date is in the future whatever the clock says.
        LocalDateTime start = LocalDate.now(BERLIN).plusDays(1).atTime(18, 30);
        String token = "flow" + Long.toString(System.nanoTime(), 36);
        String wording = "Die Streuobstwiese am Bürgerhaus wird gemeinsam gepflegt (" + token + ").";
        String task = "Mähtermine mit dem Bauhof abstimmen " + token;
        LocalDate due = LocalDate.now(BERLIN).plusDays(14);

        try (Browser moderator = new Browser(); Browser member = new Browser()) {
            Browser current = moderator;
            try {
                // 1. The moderator plans the meeting.
                Flows.logIn(moderator, mara.email(), Fixtures.PASSWORD);
                moderator.driver.get(BASE + "/groups/meetings.xhtml?slug=" + slug);
                waitFor(moderator, By.id("meetingsHeading"));
                assertAccessible(moderator);
                clickAndWaitForNextPage(moderator, By.id("planMeetingLink"));
                waitFor(moderator, By.id("meetingForm:title"));
                assertAccessible(moderator);
                Flows.type(moderator, "meetingForm:title", title);
                setValue(moderator, "meetingForm:date", start.toLocalDate().toString());
                setValue(moderator, "meetingForm:start", "18:30");
                setValue(moderator, "meetingForm:end", "20:30");
                Flows.type(moderator, "meetingForm:place", "Bürgerhaus Zeitz, Saal 2");
                clickAndWaitForNextPage(moderator, By.id("meetingForm:save"));
                waitFor(moderator, By.id("meetingTitle"));
                assertEquals(title, moderator.driver.findElement(By.id("meetingTitle")).getText());
                long meetingId = idOf(moderator.driver.getCurrentUrl());
                assertAccessible(moderator);

                // 2. Both members get the invitation with a calendar file at the chosen Berlin time.
                String invitationText = null;
                String invitationHtml = null;
                for (Fixtures.Account invited : List.of(max, mia)) {
                    MimeMessage mail = MinutesFixtures.awaitMail(MAIL, invited.email(),
                            m -> MinutesFixtures.subject(m).contains(title), "invitation to " + title);
                    assertTrue(MinutesFixtures.subject(mail).startsWith("Einladung: "), MinutesFixtures.subject(mail));
                    VEvent event = parse(calendarPart(mail)).<VEvent>getComponent(Component.VEVENT).orElseThrow();
                    assertEquals(title, event.getProperty(Property.SUMMARY).orElseThrow().getValue());
                    @SuppressWarnings("unchecked")
                    DtStart<Temporal> dtStart = (DtStart<Temporal>) event.getProperty(Property.DTSTART).orElseThrow();
                    assertEquals("Europe/Berlin", dtStart.getParameter("TZID").orElseThrow().getValue());
                    assertEquals(start.atZone(BERLIN).toInstant(), java.time.Instant.from(dtStart.getDate()));
                    assertTrue(dtStart.getValue().endsWith("T183000"), dtStart.getValue());
                    if (invited == max) {
                        invitationText = MailParts.plain(mail);
                        invitationHtml = MailParts.html(mail);
                    }
                }
                String meetingUrl = BASE + "/groups/meeting.xhtml?id=" + meetingId;
                assertTrue(invitationText.contains("/groups/meeting.xhtml?id=" + meetingId), invitationText);
                // The HTML alternative says the same, with the link clickable.
                assertTrue(invitationHtml.matches("(?s).*<a href=\"https?://[^\"]+/groups/meeting\\.xhtml\\?id=" + meetingId
                        + "\">.*"), invitationHtml);
                assertTrue(invitationHtml.contains("<html lang=\"de\">"), invitationHtml);

                // 3. The agenda: the moderator adds an item, Max proposes one, the moderator accepts and reorders.
                addItem(moderator, "Haushalt 2027", "20");
                current = member;
                Flows.logIn(member, max.email(), Fixtures.PASSWORD);
                member.driver.get(meetingUrl);
                waitFor(member, By.id("meetingTitle"));
                assertAccessible(member);
                clickAndWaitForNextPage(member, By.id("answerForm:answerYES"));
                assertTrue(member.driver.findElement(By.id("myAnswer")).getText().contains("Ja"),
                        member.driver.findElement(By.id("myAnswer")).getText());
                assertTrue(member.driver.findElement(By.id("answerCounts")).getText().contains("Ja: 1"),
                        member.driver.findElement(By.id("answerCounts")).getText());
                addItem(member, "Streuobstwiese", "15");
                assertEquals(List.of("Haushalt 2027"), agenda(member), "a proposal waits for the moderator");
                assertAccessible(member);

                current = moderator;
                moderator.driver.get(meetingUrl);
                waitFor(moderator, By.id("proposals"));
                assertTrue(moderator.driver.findElement(By.id("proposals")).getText().contains("Streuobstwiese"));
                assertAccessible(moderator);
                clickAndWaitForNextPage(moderator, By.cssSelector("#proposals li.proposal [id$=':accept']"));
                assertEquals(List.of("Haushalt 2027", "Streuobstwiese"), agenda(moderator));
                clickAndWaitForNextPage(moderator, By.cssSelector("#agenda li.agenda-item:last-child [id$=':up']"));
                assertEquals(List.of("Streuobstwiese", "Haushalt 2027"), agenda(moderator));
                assertTrue(moderator.driver.findElement(By.cssSelector("#agenda li.agenda-item:first-child")).getText()
                        .contains("TOP 1"));
                assertAccessible(moderator);

                // 4. The minutes: attendance, notes, a decision and an action item for Max; circulated, commented, approved.
                clickAndWaitForNextPage(moderator, By.id("minutesLink"));
                String minutesUrl = BASE + "/groups/minutes.xhtml?id=" + meetingId;
                assertTrue(moderator.driver.getCurrentUrl().startsWith(minutesUrl), moderator.driver.getCurrentUrl());
                waitFor(moderator, By.id("minutesHeading"));
                assertAccessible(moderator);
                Minutes.take(moderator, "Streuobstwiese", wording, task, due, max.displayName(),
                        List.of(mara.displayName(), max.displayName()), List.of(mia.displayName()));
                assertAccessible(moderator);
                Minutes.circulate(moderator);
                assertAccessible(moderator);

                current = member;
                member.driver.get(minutesUrl);
                waitFor(member, By.id("minutesHeading"));
                assertTrue(member.driver.findElement(By.tagName("main")).getText().contains(wording));
                assertAccessible(member);
                Minutes.comment(member, "Streuobstwiese", "Bitte die Uhrzeit der Pflege ergänzen.");
                assertAccessible(member);

                current = moderator;
                moderator.driver.get(minutesUrl);
                waitFor(moderator, By.id("minutesHeading"));
                assertTrue(moderator.driver.findElement(By.tagName("main")).getText()
                        .contains("Bitte die Uhrzeit der Pflege ergänzen."), "the moderator reads the member's comment");
                Minutes.approve(moderator);
                assertAccessible(moderator);

                // 5. The decision in the register: the member with a link to the minutes.
                current = member;
                String registerUrl = BASE + "/decisions.xhtml?q=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
                member.driver.get(registerUrl);
                waitFor(member, By.id("registerHeading"));
                assertEquals(1, member.driver.findElements(By.cssSelector(".decision-card")).size());
                WebElement card = member.driver.findElement(By.cssSelector(".decision-card"));
                assertTrue(card.getText().contains(wording), card.getText());
                assertTrue(card.getText().contains(groupName), card.getText());
                assertFalse(card.findElements(By.cssSelector("a.minutes-link[href$='id=" + meetingId + "']")).isEmpty(),
                        "the member may open the minutes from the register");
                assertAccessible(member);

                // 6. "Meine Aufgaben": Max sees the task and marks it done.
                member.driver.findElement(By.id("navTasks")).click();
                waitFor(member, By.id("tasksHeading"));
                WebElement taskRow = taskRow(member, task);
                assertTrue(taskRow.getText().contains(groupName), taskRow.getText());
                assertAccessible(member);
                clickAndWaitForNextPage(member, By.cssSelector("#" + taskRow.getAttribute("id") + " [id$=':done']"));
                waitFor(member, By.id("tasksHeading"));
                assertTrue(member.driver.findElements(By.xpath("//li[contains(@class,'task')][contains(., '" + task + "')]")).isEmpty(),
                        "a done task leaves the open tasks");
                member.driver.get(BASE + "/tasks.xhtml?status=DONE");
                waitFor(member, By.id("tasksHeading"));
                assertTrue(taskRow(member, task).getText().contains("erledigt"), taskRow(member, task).getText());
                assertAccessible(member);

                // 7. The PDF of the approved minutes, fetched with Max's session.
                member.driver.get(minutesUrl);
                waitFor(member, By.id("minutesHeading"));
                WebElement pdfLink = member.driver.findElement(By.id("exportPdf"));
                HttpResponse<byte[]> pdf = get(pdfLink.getAttribute("href"), member);
                assertEquals(200, pdf.statusCode());
                assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"),
                        pdf.headers().toString());
                String text = pdfText(pdf.body());
                assertTrue(flat(text).contains(flat(wording)), text);
                assertTrue(flat(text).contains(flat(groupName)), text);
                assertTrue(text.contains("ZusammenWachsen"), text);
                assertEquals(404, get(pdfLink.getAttribute("href"), null).statusCode(), "guests get no PDF");

                // 5 (guests). The published decision for everyone, never the minutes.
                Flows.logOut(member);
                member.driver.get(registerUrl);
                waitFor(member, By.id("registerHeading"));
                assertEquals(1, member.driver.findElements(By.cssSelector(".decision-card")).size(),
                        "a published decision of a private group is public");
                assertTrue(member.driver.findElement(By.id("decisions")).getText().contains(wording));
                assertTrue(member.driver.findElements(By.cssSelector("a.minutes-link")).isEmpty(),
                        "guests get no link to a private group's minutes");
                assertAccessible(member);
                member.driver.get(minutesUrl);
                waitFor(member, By.tagName("h1"));
                assertEquals("Diese Seite gibt es nicht, oder Sie haben keinen Zugriff darauf.",
                        member.driver.findElement(By.tagName("h1")).getText());
                assertFalse(member.driver.getPageSource().contains(wording), "the minutes stay hidden from guests");
                assertAccessible(member);
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("meeting-flow-failure");
                saveSource(current, "meeting-flow-failure");
                throw e;
            }
        }
    }

    /** The steps on groups/minutes.xhtml; sections are found by their agenda item's title. */
    private static final class Minutes {

        private Minutes() {
        }

        /** Starts the minutes and writes attendance, notes, one decision and one action item into a section. */
        static void take(Browser b, String section, String wording, String task, LocalDate due, String owner,
                         List<String> present, List<String> excused) {
            clickAndWaitForNextPage(b, By.id("startForm:startMinutes"));
            waitFor(b, By.id("minutesForm"));
            for (String name : present) {
                attendance(b, name, "PRESENT").click();
            }
            for (String name : excused) {
                attendance(b, name, "EXCUSED").click();
            }
            Flows.type(b, "minutesForm:guests", "Gerda Gast (Bauhof)");
            WebElement notes = editorSection(b, section).findElement(By.cssSelector("textarea[id$=':notes']"));
            notes.clear();
            notes.sendKeys("Die **Wiese** wird zweimal im Jahr gemäht.\n\n- Termine abstimmen\n- Äpfel ernten");

            editorSection(b, section).findElement(By.cssSelector("[id$=':addDecision']")).click();
            WebElement decision = until(b, d -> editorSection(b, section).findElements(By.cssSelector(".decision-row"))
                    .stream().findFirst().orElse(null));
            decision.findElement(By.cssSelector("textarea[id$=':wording']")).sendKeys(wording);
            new Select(decision.findElement(By.cssSelector("select[id$=':voteMode']"))).selectByValue("COUNTED");
            decision.findElement(By.cssSelector("input[id$=':votesFor']")).sendKeys("7");
            decision.findElement(By.cssSelector("input[id$=':votesAgainst']")).sendKeys("1");
            decision.findElement(By.cssSelector("input[id$=':abstentions']")).sendKeys("2");
            new Select(decision.findElement(By.cssSelector("select[id$=':outcome']"))).selectByValue("ADOPTED");
            WebElement published = decision.findElement(By.cssSelector("input[type='checkbox'][id$=':published']"));
            if (!published.isSelected()) {
                published.click();
            }

            editorSection(b, section).findElement(By.cssSelector("[id$=':addActionItem']")).click();
            WebElement item = until(b, d -> editorSection(b, section).findElements(By.cssSelector(".item-row"))
                    .stream().findFirst().orElse(null));
            item.findElement(By.cssSelector("input[id$=':itemTitle']")).sendKeys(task);
            new Select(item.findElement(By.cssSelector("select[id$=':owner']"))).selectByVisibleText(owner);
            b.driver.executeScript("arguments[0].value = arguments[1];",
                    item.findElement(By.cssSelector("input[id$=':dueOn']")), due.toString());
            new Select(item.findElement(By.cssSelector("select[id$=':itemStatus']"))).selectByValue("OPEN");
            // What the add buttons sent back must still hold what was typed before them.
            assertEquals(wording, editorSection(b, section).findElement(By.cssSelector("textarea[id$=':wording']"))
                    .getAttribute("value"));

            b.driver.findElement(By.id("minutesForm:save")).click();
            // The info message, or the note under the heading naming the time of the last successful save.
            try {
                until(b, d -> d.findElement(By.tagName("main")).getText().contains("Das Protokoll ist gespeichert")
                        || d.findElement(By.cssSelector("[id$='autosaveNote']")).getText().matches("(?s).*\\d\\d:\\d\\d:\\d\\d.*")
                        ? Boolean.TRUE : null);
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("saving the minutes showed no confirmation; page: "
                        + b.driver.findElement(By.tagName("main")).getText(), e);
            }
            assertTrue(b.driver.findElements(By.cssSelector("#minutesForm .problem, #minutesForm .ui-messages-error")).isEmpty(),
                    b.driver.findElement(By.id("minutesForm")).getText());

            // Saved for real: a fresh page load shows it.
            b.driver.navigate().refresh();
            waitFor(b, By.id("minutesForm"));
            WebElement saved = editorSection(b, section);
            assertEquals(wording, saved.findElement(By.cssSelector("textarea[id$=':wording']")).getAttribute("value"));
            assertEquals(task, saved.findElement(By.cssSelector("input[id$=':itemTitle']")).getAttribute("value"));
            assertEquals(due.toString(), saved.findElement(By.cssSelector("input[id$=':dueOn']")).getAttribute("value"));
            assertEquals(owner, new Select(saved.findElement(By.cssSelector("select[id$=':owner']")))
                    .getFirstSelectedOption().getText());
            assertTrue(saved.findElement(By.cssSelector("input[id$=':published']")).isSelected());
            assertTrue(attendance(b, present.get(0), "PRESENT").isSelected());
        }

        static void circulate(Browser b) {
            WebElement page = b.driver.findElement(By.tagName("html"));
            Flows.clickAndConfirm(b, By.id("minutesForm:circulate"));
            Flows.waitForNextPage(b, page);
            waitFor(b, By.id("minutesState"));
            assertTrue(b.driver.findElement(By.id("minutesState")).getText().contains("Zur Durchsicht verschickt"),
                    b.driver.findElement(By.id("minutesState")).getText());
        }

        static void comment(Browser b, String section, String text) {
            WebElement read = readSection(b, section);
            read.findElement(By.cssSelector("textarea[id$=':comment']")).sendKeys(text);
            WebElement page = b.driver.findElement(By.tagName("html"));
            read.findElement(By.cssSelector("[id$=':sendComment']")).click();
            Flows.waitForNextPage(b, page);
            waitFor(b, By.id("minutesHeading"));
            assertTrue(readSection(b, section).findElement(By.cssSelector(".comments")).getText().contains(text),
                    readSection(b, section).getText());
        }

        static void approve(Browser b) {
            WebElement page = b.driver.findElement(By.tagName("html"));
            Flows.clickAndConfirm(b, By.id("readForm:approve"));
            Flows.waitForNextPage(b, page);
            waitFor(b, By.id("minutesState"));
            assertTrue(b.driver.findElement(By.id("minutesState")).getText().contains("Genehmigt"),
                    b.driver.findElement(By.id("minutesState")).getText());
            assertTrue(b.driver.findElement(By.id("approvalLine")).getText().contains("Mara Moderation"),
                    b.driver.findElement(By.id("approvalLine")).getText());
            assertTrue(b.driver.findElements(By.id("minutesForm")).isEmpty(), "approved minutes are locked");
        }

        private static WebElement attendance(Browser b, String name, String status) {
            return b.driver.findElement(By.xpath("//ul[@id='attendance']/li[.//legend[normalize-space()='" + name
                    + "']]//input[@type='radio'][@value='" + status + "']"));
        }

        private static WebElement editorSection(Browser b, String title) {
            return b.driver.findElement(By.xpath("//form[@id='minutesForm']//section[contains(@class,'minutes-section')]"
                    + "[h2[normalize-space()='" + title + "']]"));
        }

        private static WebElement readSection(Browser b, String title) {
            return b.driver.findElement(By.xpath("//form[@id='readForm']//section[contains(@class,'minutes-section')]"
                    + "[h2[normalize-space()='" + title + "']]"));
        }
    }

    private static void addItem(Browser b, String itemTitle, String minutes) {
        Flows.type(b, "proposeForm:itemTitle", itemTitle);
        Flows.type(b, "proposeForm:itemMinutes", minutes);
        clickAndWaitForNextPage(b, By.id("proposeForm:propose"));
        waitFor(b, By.id("meetingTitle"));
    }

    private static List<String> agenda(Browser b) {
        return until(b, d -> d.findElements(By.cssSelector("#agenda li.agenda-item h3")).stream()
                .map(h -> h.getText().replaceFirst("^TOP \\d+:\\s*", "")).toList());
    }

    private static WebElement taskRow(Browser b, String task) {
        return until(b, d -> d.findElements(By.cssSelector("#tasks li.task")).stream()
                .filter(li -> li.getText().contains(task)).findFirst().orElse(null));
    }

    /** Polls until the answer is there, retrying when the page is being replaced meanwhile. */
    private static <T> T until(Browser b, Function<org.openqa.selenium.WebDriver, T> what) {
        return new WebDriverWait(b.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(what::apply);
    }

    private static void saveSource(Browser b, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name + ".html"), b.driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the page source " + name + ": " + e);
        }
    }

    /** Date and time inputs take keys in the browser's locale; the value is set the way the form sends it. */
    private static void setValue(Browser b, String id, String value) {
        b.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private static long idOf(String url) {
        Matcher m = Pattern.compile("[?&]id=(\\d+)").matcher(url);
        assertTrue(m.find(), url);
        return Long.parseLong(m.group(1));
    }

    private static Calendar parse(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return new CalendarBuilder().build(new StringReader(out.toString(StandardCharsets.UTF_8)));
        }
    }

    private static BodyPart calendarPart(MimeMessage mail) throws IOException, MessagingException {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/calendar")) {
                assertTrue(String.valueOf(part.getFileName()).endsWith(".ics"), part.getFileName());
                return part;
            }
        }
        throw new AssertionError("no text/calendar part in " + mail.getContentType());
    }

    /** GET with the browser's session cookie (null: as a guest). */
    private static HttpResponse<byte[]> get(String url, Browser as) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (as != null) {
            Cookie session = as.driver.manage().getCookieNamed("JSESSIONID");
            assertNotNull(session, "the browser has a session");
            request.header("Cookie", "JSESSIONID=" + session.getValue());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"), "a PDF file");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** PDF text breaks lines wherever the layout wraps: compare with all whitespace folded. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
