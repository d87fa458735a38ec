package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.clickAndWaitForNextPage;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Minutes in the browser: the organiser starts them on the page, writes notes, a decision and an action item for a
 * member, saves and circulates; the member comments; the moderator approves; the PDF export link delivers the
 * decision; the owner finds the task on "Meine Aufgaben" and ticks it off. Every page visited passes axe-core, and
 * the minutes page fits a 390 px phone. Minutes approved by the group's decision at a later meeting say so, on the
 * page and in the export.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MinutesIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void takeCirculateApproveExportAndTick() throws Exception {
        Fixtures.Account mara = Fixtures.createAccount(MAIL, "Mara Moderation");
        Fixtures.Account berta = Fixtures.createAccount(MAIL, "Berta Böhme");
        String slug = Fixtures.createGroup("PRIVATE", "OPEN", mara.email()).getString("slug");
        MinutesFixtures.expect(201, berta.api().post("/groups/" + slug + "/members"));
        MinutesFixtures.Meeting meeting = MinutesFixtures.meeting(mara, slug);
        String page = BASE + "/groups/minutes.xhtml?id=" + meeting.id();
        String wording = "Die Gruppe richtet im Mai 2027 ein Apfelfest in Zeitz aus.";
        String task = "Bühne beim Ordnungsamt anmelden";

        try (Browser m = new Browser(); Browser b = new Browser()) {
            Browser current = m;
            try {
                Flows.logIn(m, mara.email(), Fixtures.PASSWORD);
                m.driver.get(page);
                waitFor(m, By.id("noMinutes"));
                assertAccessible(m);
                clickAndWaitForNextPage(m, By.id("startForm:startMinutes"));
                waitFor(m, By.id("minutesForm"));
                assertTrue(m.driver.findElement(By.cssSelector(".ui-messages-info, .notice")).getText().contains("angelegt"));

                m.driver.findElement(By.cssSelector("textarea.notes")).sendKeys("Die **Wiese** ist gemäht.");
                m.driver.findElement(By.cssSelector("[id$=':addDecision']")).click();
                WebElement wordingField = visible(m, By.cssSelector(".decision-row textarea[id$=':wording']"));
                wordingField.sendKeys(wording);
                m.driver.findElement(By.cssSelector(".decision-row input[id$=':votesFor']")).sendKeys("9");
                m.driver.findElement(By.cssSelector(".decision-row input[id$=':votesAgainst']")).sendKeys("0");
                m.driver.findElement(By.cssSelector(".decision-row input[id$=':abstentions']")).sendKeys("1");
                m.driver.findElement(By.cssSelector(".decision-row input[id$=':published']")).click();
                m.driver.findElement(By.cssSelector("[id$=':addActionItem']")).click();
                WebElement itemTitle = visible(m, By.cssSelector(".item-row input[id$=':itemTitle']"));
                assertEquals(wording, m.driver.findElement(By.cssSelector(".decision-row textarea[id$=':wording']"))
                        .getAttribute("value"), "the decision typed before survives adding a row");
                itemTitle.sendKeys(task);
                new Select(m.driver.findElement(By.cssSelector(".item-row select[id$=':owner']"))).selectByVisibleText("Berta Böhme");
                m.driver.executeScript("arguments[0].value = arguments[1];",
                        m.driver.findElement(By.cssSelector(".item-row input[id$=':dueOn']")),
                        LocalDate.now(MinutesFixtures.BERLIN).minusDays(1).toString());
                assertAccessible(m);
                m.driver.findElement(By.id("minutesForm:save")).click();
                waitForAjax(m);
                new WebDriverWait(m.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d ->
                        d.findElement(By.id("minutesForm")).getText().contains("gespeichert"));
                m.driver.navigate().refresh();
                waitFor(m, By.id("minutesForm"));
                assertEquals(wording, m.driver.findElement(By.cssSelector(".decision-row textarea[id$=':wording']"))
                        .getAttribute("value"));

                // On a phone the editor still fits.
                m.driver.manage().window().setSize(new Dimension(390, 844));
                Number overflow = (Number) m.driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow.intValue() <= 0, "horizontal overflow of " + overflow + " px at 390 px");
                m.driver.manage().window().setSize(new Dimension(1280, 900));

                Flows.clickAndConfirm(m, By.id("minutesForm:circulate"));
                waitFor(m, By.id("readForm"));
                assertTrue(m.driver.findElement(By.id("minutesState")).getText().contains("Zur Durchsicht verschickt"));

                // Berta reads, comments and finds her (overdue) task.
                current = b;
                Flows.logIn(b, berta.email(), Fixtures.PASSWORD);
                b.driver.get(page);
                waitFor(b, By.id("readForm"));
                assertTrue(b.driver.findElement(By.id("readForm")).getText().contains(wording));
                assertAccessible(b);
                b.driver.findElement(By.cssSelector("textarea[id$=':comment']")).sendKeys("Ich kümmere mich darum.");
                clickAndWaitForNextPage(b, By.cssSelector("[id$=':sendComment']"));
                waitFor(b, By.cssSelector(".comment"));
                assertTrue(b.driver.findElement(By.cssSelector(".comment")).getText().contains("Ich kümmere mich darum."));
                clickAndWaitForNextPage(b, By.id("navTasks"));
                waitFor(b, By.id("tasks"));
                String tasks = b.driver.findElement(By.id("tasks")).getText();
                assertTrue(tasks.contains(task) && tasks.contains("Überfällig"), tasks);
                assertAccessible(b);

                // Mara approves; the PDF link delivers the decision.
                current = m;
                m.driver.get(page);
                waitFor(m, By.id("readForm"));
                Flows.clickAndConfirm(m, By.id("readForm:approve"));
                new WebDriverWait(m.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d ->
                        d.findElement(By.id("minutesState")).getText().contains("Genehmigt"));
                assertTrue(m.driver.findElement(By.id("approvalLine")).getText().contains("Mara Moderation"));
                assertAccessible(m);
                String href = m.driver.findElement(By.id("exportPdf")).getAttribute("href");
                Cookie session = m.driver.manage().getCookieNamed("JSESSIONID");
                HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, pdf.statusCode());
                assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
                assertTrue(ApiMinutesIT.pdfText(pdf.body()).replaceAll("\\s+", " ").contains(wording));

                // Berta ticks the task off.
                current = b;
                b.driver.get(BASE + "/tasks.xhtml");
                waitFor(b, By.id("tasks"));
                clickAndWaitForNextPage(b, By.cssSelector("[id$=':done']"));
                waitFor(b, By.id("noTasks"));
                assertAccessible(b);
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("minutes-failure");
                throw e;
            }
        }
    }

    @Test
    void approvedByTheGroupAtALaterMeeting() throws Exception {
        Fixtures.Account mara = Fixtures.createAccount(MAIL, "Mara Moderation");
        String slug = Fixtures.createGroup("PRIVATE", "OPEN", mara.email()).getString("slug");
        MinutesFixtures.Meeting meeting = MinutesFixtures.meeting(mara, slug);
        // The group met again half an hour ago and approved the minutes there; tomorrow's meeting has not decided yet.
        ZonedDateTime laterStart = ZonedDateTime.now(MinutesFixtures.BERLIN).minusMinutes(30).withSecond(0).withNano(0);
        String laterTitle = Fixtures.unique("Folgetreffen");
        long later = MinutesFixtures.plan(mara, slug, laterTitle, laterStart);
        long tomorrow = MinutesFixtures.plan(mara, slug, Fixtures.unique("Ausblick"), laterStart.plusDays(1));
        String path = "/meetings/" + meeting.id() + "/minutes";
        MinutesFixtures.start(mara, meeting.id(), null);
        MinutesFixtures.expect(200, mara.api().post(path + "/circulate"));
        for (long notDeciding : new long[]{tomorrow, meeting.id()}) {
            MinutesFixtures.expectProblem(400, "minutes.approve.meetingUnknown",
                    mara.api().post(path + "/approve?byMeetingId=" + notDeciding));
        }
        String page = BASE + "/groups/minutes.xhtml?id=" + meeting.id();
        String date = DateTimeFormatter.ofPattern("dd.MM.yyyy").format(laterStart);
        String approval = "Genehmigt durch Beschluss im Treffen „" + laterTitle + "“ am " + date + ".";

        try (Browser m = new Browser()) {
            try {
                Flows.logIn(m, mara.email(), Fixtures.PASSWORD);
                m.driver.get(page);
                waitFor(m, By.id("readForm:approvedBy"));
                Select choice = new Select(m.driver.findElement(By.id("readForm:approvedBy")));
                assertEquals(List.of("die Moderation (jetzt)", "Beschluss im Treffen „" + laterTitle + "“ am " + date),
                        choice.getOptions().stream().map(WebElement::getText).toList());
                assertEquals("Genehmigt durch", m.driver.findElement(By.cssSelector("label[for='readForm:approvedBy']")).getText());
                assertAccessible(m);
                choice.selectByValue(String.valueOf(later));
                Flows.clickAndConfirm(m, By.id("readForm:approve"));
                new WebDriverWait(m.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d ->
                        d.findElement(By.id("minutesState")).getText().contains("Genehmigt"));
                assertEquals(approval, m.driver.findElement(By.id("approvalLine")).getText());
                assertTrue(m.driver.findElements(By.id("readForm:approvedBy")).isEmpty(), "approved: no choice left");
                assertAccessible(m);

                // The export says the same.
                Cookie session = m.driver.manage().getCookieNamed("JSESSIONID");
                HttpResponse<String> markdown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(page + "&export=md")).header("Cookie", "JSESSIONID=" + session.getValue()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, markdown.statusCode());
                assertTrue(markdown.body().contains(approval), markdown.body());
            } catch (AssertionError | RuntimeException e) {
                m.screenshot("minutes-approved-by-meeting-failure");
                throw e;
            }
        }
    }

    private static WebElement visible(Browser browser, By element) {
        return Flows.visible(browser, element);
    }

    private static void waitForAjax(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> Boolean.TRUE.equals(
                browser.driver.executeScript("return !!window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty();")));
    }
}
