package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The discussion and notification pages for someone who chose English: the page says it is English, the page's own
 * texts are English (none of the German words of its buttons and headings show), and it passes axe-core in English
 * too. The content people wrote stays as written.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnglishPagesIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    /** German texts of these pages' own controls and headings; none may show on an English page. */
    private static final List<String> GERMAN = List.of("Antworten", "Zitieren", "Reagieren", "Diskussionen",
            "Benachrichtigungen", "Neues Thema", "Veröffentlichen", "Vorschau", "Folgen", "Speichern", "Abmelden");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void discussionAndNotificationPagesInEnglish() {
        Fixtures.Account amy = Fixtures.createAccount(MAIL, "Amy Walker");
        Fixtures.Account ben = Fixtures.createAccount(MAIL, "Ben Becker");
        JsonObject me = amy.api().get("/me").json();
        ApiClient.Answer english = amy.api().put("/me", Json.createObjectBuilder()
                .add("version", me.getInt("version")).add("displayName", me.getString("displayName"))
                .add("language", "en").build());
        assertEquals(200, english.status(), english.body());
        JsonObject group = Fixtures.createGroup("PRIVATE", "OPEN", amy.email());
        String slug = group.getString("slug");
        assertEquals(201, ben.api().post("/groups/" + slug + "/members").status());
        ApiClient.Answer started = ben.api().post("/groups/" + slug + "/threads", Json.createObjectBuilder()
                .add("title", "Cycle paths to the lake").add("body", "What do you think, @[Amy Walker]?").build());
        assertEquals(201, started.status(), started.body());
        long threadId = started.json().getJsonNumber("threadId").longValue();

        Map<String, String> pages = Map.of(
                "/groups/discussions.xhtml?slug=" + slug, "Discussions",
                "/groups/thread.xhtml?slug=" + slug + "&id=" + threadId, "Reply",
                "/groups/new-thread.xhtml?slug=" + slug, "New thread",
                "/notifications.xhtml", "Notifications",
                "/account/notifications.xhtml", "Notifications and e-mail");
        try (Browser browser = new Browser()) {
            Flows.logIn(browser, amy.email(), Fixtures.PASSWORD);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.driver.get(BASE + page.getKey());
                waitFor(browser, By.tagName("h1"));
                assertEquals("en", browser.driver.findElement(By.tagName("html")).getAttribute("lang"), page.getKey());
                String text = browser.driver.findElement(By.tagName("body")).getText();
                assertTrue(text.contains(page.getValue()), page.getKey() + " shows " + page.getValue() + ": " + text);
                for (String german : GERMAN) {
                    assertTrue(!text.contains(german), page.getKey() + " shows the German \"" + german + "\": " + text);
                }
                assertAccessible(browser);
            }
            // The mention reached her, in English.
            browser.driver.get(BASE + "/notifications.xhtml");
            waitFor(browser, By.id("notificationsHeading"));
            assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("Cycle paths to the lake"));
        }
    }
}
