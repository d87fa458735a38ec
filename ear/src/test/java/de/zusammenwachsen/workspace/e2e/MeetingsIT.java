package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.clickAndWaitForNextPage;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Meetings in the browser: a member plans a meeting through the form (a German message next to the end time when
 * it ends before it starts), the members get the invitation, the organiser answers, builds the agenda and reorders it
 * with the keyboard (the up and down buttons), and the group's page shows the meeting. The meetings, meeting and
 * edit pages pass axe-core and fit a 390 px phone without horizontal scrolling.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetingsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void planAnswerBuildAndReorderTheAgenda() throws Exception {
        Fixtures.Account anna = Fixtures.createAccount(MAIL, "Anna Arnold");
        Fixtures.Account berta = Fixtures.createAccount(MAIL, "Berta Brenner");
        Fixtures.Account moritz = Fixtures.createAccount(MAIL, "Moritz Moderator");
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", moritz.email()).getString("slug");
        for (Fixtures.Account member : List.of(anna, berta)) {
            assertEquals(201, member.api().post("/groups/" + slug + "/members").status());
        }
        String day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusYears(1).withMonth(1).withDayOfMonth(14).toString();
        String title = Fixtures.unique("Plenum");

        try (Browser a = new Browser()) {
            try {
                Flows.logIn(a, anna.email(), Fixtures.PASSWORD);
                a.driver.get(BASE + "/groups/meetings.xhtml?slug=" + slug);
                waitFor(a, By.id("noMeetings"));
                waitFor(a, By.id("calendar"));
                assertAccessible(a);
                clickAndWaitForNextPage(a, By.id("planMeetingLink"));
                waitFor(a, By.id("meetingForm:title"));
                assertAccessible(a);

                // The end before the start: a German message next to the end time, and what was typed stays.
                Flows.type(a, "meetingForm:title", title);
                setValue(a, "meetingForm:date", day);
                setValue(a, "meetingForm:start", "18:00");
                setValue(a, "meetingForm:end", "17:00");
                Flows.type(a, "meetingForm:place", "Bürgerhaus, Saal 2");
                clickAndWaitForNextPage(a, By.id("meetingForm:save"));
                assertTrue(a.driver.findElement(By.id("meetingForm:endMessage")).getText()
                        .contains("Das Ende muss nach dem Beginn liegen"), a.driver.getPageSource());
                assertEquals(title, a.driver.findElement(By.id("meetingForm:title")).getAttribute("value"));
                assertAccessible(a);

                setValue(a, "meetingForm:end", "20:00");
                clickAndWaitForNextPage(a, By.id("meetingForm:save"));
                waitFor(a, By.id("meetingTitle"));
                assertEquals(title, a.driver.findElement(By.id("meetingTitle")).getText());
                String when = a.driver.findElement(By.id("meetingWhen")).getText();
                assertTrue(when.contains("18:00") && when.contains("20:00"), when);
                assertAccessible(a);
                awaitMail(berta.email(), "Einladung: " + title);

                // Answering: the current answer is shown.
                clickAndWaitForNextPage(a, By.id("answerForm:answerYES"));
                assertTrue(a.driver.findElement(By.id("myAnswer")).getText().contains("Ja"),
                        a.driver.findElement(By.id("myAnswer")).getText());
                assertTrue(a.driver.findElement(By.id("answerCounts")).getText().contains("Ja: 1"));

                // The organiser's items go on the agenda at once.
                for (String item : List.of("Begrüßung", "Haushalt", "Verschiedenes")) {
                    Flows.type(a, "proposeForm:itemTitle", item);
                    Flows.type(a, "proposeForm:itemMinutes", "10");
                    clickAndWaitForNextPage(a, By.id("proposeForm:propose"));
                }
                assertEquals(List.of("Begrüßung", "Haushalt", "Verschiedenes"), agenda(a));
                assertTrue(a.driver.findElement(By.id("agendaTotal")).getText().contains("30"));

                // Reordering by keyboard: "Nach unten" on the first item, pressed with Enter.
                WebElement down = a.driver.findElement(By.cssSelector("#agenda li.agenda-item:first-child [id$=':down']"));
                down.sendKeys(Keys.ENTER);
                Flows.waitForNextPage(a, down);
                waitFor(a, By.id("agenda"));
                assertEquals(List.of("Haushalt", "Begrüßung", "Verschiedenes"), agenda(a));
                WebElement up = a.driver.findElement(By.cssSelector("#agenda li.agenda-item:last-child [id$=':up']"));
                up.sendKeys(Keys.ENTER);
                Flows.waitForNextPage(a, up);
                waitFor(a, By.id("agenda"));
                assertEquals(List.of("Haushalt", "Verschiedenes", "Begrüßung"), agenda(a));
                assertTrue(a.driver.findElement(By.cssSelector("#agenda li.agenda-item:first-child")).getText().contains("TOP 1"));
                assertAccessible(a);

                // Drag and drop (the page's script): the last item dropped on the top half of the first.
                WebElement page = a.driver.findElement(By.tagName("html"));
                a.driver.executeScript(DRAG, a.driver.findElement(By.cssSelector("#agenda li.agenda-item:last-child")),
                        a.driver.findElement(By.cssSelector("#agenda li.agenda-item:first-child")));
                Flows.waitForNextPage(a, page);
                waitFor(a, By.id("agenda"));
                assertEquals(List.of("Begrüßung", "Haushalt", "Verschiedenes"), agenda(a));
                String meetingUrl = a.driver.getCurrentUrl();

                // The group's page shows the next meeting.
                a.driver.get(BASE + "/groups/group.xhtml?slug=" + slug);
                waitFor(a, By.id("nextMeetings"));
                assertTrue(a.driver.findElement(By.id("nextMeetings")).getText().contains(title));

                // A phone: no horizontal scrolling on any of the three pages.
                a.driver.manage().window().setSize(new Dimension(390, 844));
                for (String url : List.of(BASE + "/groups/meetings.xhtml?slug=" + slug, meetingUrl,
                        BASE + "/groups/meeting-edit.xhtml?slug=" + slug)) {
                    a.driver.get(url);
                    waitFor(a, By.tagName("h1"));
                    Object overflow = a.driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                    assertTrue(((Number) overflow).intValue() <= 0, "no horizontal scrolling at 390 px on " + url + ": " + overflow);
                }
            } catch (AssertionError | RuntimeException e) {
                a.screenshot("meetings-failure");
                throw e;
            }
        }
    }

    /** Fires the events of a mouse drag from arguments[0] onto the top edge of arguments[1], as Chromium would. */
    private static final String DRAG = """
            var source = arguments[0], target = arguments[1], data = new DataTransfer();
            var box = target.getBoundingClientRect();
            function fire(element, type) {
                element.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data,
                    clientX: box.left + 5, clientY: box.top + 2}));
            }
            fire(source, 'dragstart');
            fire(target, 'dragover');
            fire(target, 'drop');
            """;

    private static List<String> agenda(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#agenda li.agenda-item h3")).stream()
                .map(h -> h.getText().replaceFirst("^TOP \\d+:\\s*", "")).toList();
    }

    /** Date and time inputs take keys in the browser's locale; the value is set the way the form sends it. */
    private static void setValue(Browser browser, String id, String value) {
        browser.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private static void awaitMail(String recipient, String subject) throws Exception {
        long until = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage message : MAIL.getReceivedMessagesForDomain(recipient)) {
                if (String.valueOf(message.getSubject()).startsWith(subject)) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        fail("no mail '" + subject + "' to " + recipient);
    }
}
