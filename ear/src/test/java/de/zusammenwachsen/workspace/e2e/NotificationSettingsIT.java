package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.clickAndWaitForNextPage;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * E-mail choices and following in the browser: a member chooses the daily overview by default and no mail for one
 * group, which holds after a reload; replies then send her no instant mail, and the administrator's digest run sends
 * her one overview without the silenced group. The unfollow link of a real notification mail shows what it refers
 * to on GET (as a mail scanner would open it) and unfollows only on the button's POST, without logging in; no mail
 * follows afterwards. The group page shows its discussions to members, not to outsiders of a private group. Every
 * page visited passes axe-core.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationSettingsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Long enough for the outbox to send a mail committed before (it sends right after the commit). */
    private static final long QUIET_MILLIS = 3_000;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void dailyOverviewSilencedGroupAndUnfollowFromMail() throws Exception {
        Fixtures.Account mara = Fixtures.createAccount(MAIL, "Mara Mailwahl");
        Fixtures.Account nils = Fixtures.createAccount(MAIL, "Nils Nachricht");
        JsonObject daily = Fixtures.createGroup("PRIVATE", "OPEN");
        JsonObject silent = Fixtures.createGroup("PRIVATE", "OPEN");
        for (Fixtures.Account a : List.of(mara, nils)) {
            for (JsonObject g : List.of(daily, silent)) {
                assertEquals(201, a.api().post("/groups/" + g.getString("slug") + "/members").status());
            }
        }

        try (Browser maraBrowser = new Browser(); Browser nilsBrowser = new Browser(); Browser scanner = new Browser()) {
            Browser current = maraBrowser;
            try {
                // Mara chooses the daily overview by default and no mail for the silent group.
                Flows.logIn(maraBrowser, mara.email(), Fixtures.PASSWORD);
                maraBrowser.driver.get(BASE + "/account/profile.xhtml");
                waitFor(maraBrowser, By.id("notificationSettingsLink"));
                clickAndWaitForNextPage(maraBrowser, By.id("notificationSettingsLink"));
                waitFor(maraBrowser, By.id("mailForm:save"));
                assertAccessible(maraBrowser);
                assertTrue(radio(maraBrowser, "INSTANT").isSelected(), "the default is at once");
                String dailyLabel = maraBrowser.driver.findElement(By.cssSelector("label[for='" + radio(maraBrowser, "DAILY")
                        .getAttribute("id") + "']")).getText();
                assertEquals("Tägliche Übersicht um 7 Uhr", dailyLabel);
                assertEquals("DEFAULT", groupMode(maraBrowser, daily).getFirstSelectedOption().getAttribute("value"));
                assertEquals("Wie Standard", groupMode(maraBrowser, daily).getFirstSelectedOption().getText());
                radio(maraBrowser, "DAILY").click();
                groupMode(maraBrowser, silent).selectByValue("OFF");
                clickAndWaitForNextPage(maraBrowser, By.id("mailForm:save"));
                waitFor(maraBrowser, By.cssSelector(".ui-messages-info"));
                assertTrue(maraBrowser.driver.findElement(By.id("messages")).getText().contains("gespeichert"));
                assertAccessible(maraBrowser);
                maraBrowser.screenshot("notification-settings");

                maraBrowser.driver.navigate().refresh();
                waitFor(maraBrowser, By.id("mailForm:save"));
                assertTrue(radio(maraBrowser, "DAILY").isSelected(), "the default holds after a reload");
                assertEquals("OFF", groupMode(maraBrowser, silent).getFirstSelectedOption().getAttribute("value"));
                assertEquals("DEFAULT", groupMode(maraBrowser, daily).getFirstSelectedOption().getAttribute("value"));

                // Mara starts a thread in each group (and so follows them); Nils replies in both.
                String dailyTitle = "Streuobst-Ernte " + System.nanoTime();
                String silentTitle = "Stilles Thema " + System.nanoTime();
                long dailyThread = start(mara, daily, dailyTitle, "Wer hilft beim Pflücken am Samstag?");
                long silentThread = start(mara, silent, silentTitle, "Hier bitte keine E-Mails.");
                reply(nils, dailyThread, "Ich komme mit zwei Leitern.");
                reply(nils, silentThread, "Ich auch.");
                // Mara answers: Nils, who wants mail at once, gets it; by then Mara's mails would have gone too.
                reply(mara, dailyThread, "Danke, Nils!");
                String toNils = mailText(MAIL, nils.email(), "Neue Antwort in „" + dailyTitle + "“");
                Thread.sleep(QUIET_MILLIS);
                assertEquals(0, mails(mara.email(), "Neue Antwort").size(), "Mara chose no instant mail");

                // The administrator sends the overviews now: one for Mara, with the daily group, without the silent one.
                current = maraBrowser;
                ApiClient.Answer run = Fixtures.admin().post("/admin/digests");
                assertEquals(200, run.status(), "POST /admin/digests: " + run);
                assertEquals(403, mara.api().post("/admin/digests").status(), "only administrators run the digest");
                String digest = mailText(MAIL, mara.email(), "Ihre Übersicht vom");
                assertTrue(digest.contains(dailyTitle) && digest.contains("Nils Nachricht hat geantwortet"), digest);
                assertFalse(digest.contains(silentTitle), "nothing from the group Mara silenced: " + digest);
                assertEquals(200, Fixtures.admin().post("/admin/digests").status());
                Thread.sleep(QUIET_MILLIS);
                assertEquals(1, mails(mara.email(), "Ihre Übersicht vom").size(), "one overview, not one per run");

                // The unfollow link of Nils's mail: opening it (as a mail scanner does) changes nothing.
                String unfollowLink = Flows.link(toNils, "/unfollow.xhtml");
                assertEquals(200, status(unfollowLink), "the link works without a session");
                current = scanner;
                scanner.driver.get(unfollowLink);
                waitFor(scanner, By.id("unfollowForm:unfollow"));
                assertAccessible(scanner);
                scanner.screenshot("unfollow-question");
                assertEquals("Thema „" + dailyTitle + "“ in der Gruppe „" + daily.getString("name") + "“",
                        scanner.driver.findElement(By.id("unfollowTarget")).getText());
                assertFalse(scanner.driver.findElements(By.id("loginLink")).isEmpty(), "the page does not need a login");

                current = nilsBrowser;
                Flows.logIn(nilsBrowser, nils.email(), Fixtures.PASSWORD);
                nilsBrowser.driver.get(BASE + "/account/notifications.xhtml");
                waitFor(nilsBrowser, By.id("followingForm:following"));
                assertAccessible(nilsBrowser);
                List<String> followed = followedTitles(nilsBrowser);
                assertTrue(followed.contains(dailyTitle) && followed.contains(silentTitle), "opening the link unfollowed nothing: " + followed);

                // The button unfollows, without logging in.
                current = scanner;
                clickAndWaitForNextPage(scanner, By.id("unfollowForm:unfollow"));
                waitFor(scanner, By.id("unfollowDone"));
                assertAccessible(scanner);
                scanner.screenshot("unfollow-done");
                assertTrue(scanner.driver.findElements(By.id("unfollowForm:unfollow")).isEmpty());
                assertTrue(scanner.driver.findElement(By.id("mailSettingsLink")).getAttribute("href").endsWith("/account/notifications.xhtml"));
                scanner.driver.get(unfollowLink);
                waitFor(scanner, By.id("unfollowDone"));
                assertEquals(404, status(BASE + "/unfollow.xhtml?token=kein-gueltiges-zeichen"), "an unknown token is 404");
                assertEquals(404, status(BASE + "/unfollow.xhtml"), "no token is 404");

                current = nilsBrowser;
                nilsBrowser.driver.navigate().refresh();
                waitFor(nilsBrowser, By.id("followingForm:following"));
                followed = followedTitles(nilsBrowser);
                assertFalse(followed.contains(dailyTitle), "unfollowed: " + followed);
                assertTrue(followed.contains(silentTitle), followed.toString());

                // No more mail for replies there; the thread Nils still follows mails him (and shows the outbox works).
                reply(mara, dailyThread, "Noch jemand mit Leiter?");
                reply(mara, silentThread, "Eine Antwort im stillen Thema.");
                mailText(MAIL, nils.email(), "Neue Antwort in „" + silentTitle + "“");
                Thread.sleep(QUIET_MILLIS);
                assertEquals(1, mails(nils.email(), "Neue Antwort in „" + dailyTitle + "“").size(),
                        "no mail after unfollowing");

                // Unfollowing on the settings page.
                nilsBrowser.driver.findElement(By.cssSelector("[aria-label='Nicht mehr folgen: " + silentTitle + "']")).click();
                waitFor(nilsBrowser, By.cssSelector(".ui-messages-info"));
                assertTrue(nilsBrowser.driver.findElement(By.id("messages")).getText().contains(silentTitle));
                assertFalse(followedTitles(nilsBrowser).contains(silentTitle));
                assertAccessible(nilsBrowser);
                nilsBrowser.screenshot("notification-settings-following");
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("notification-settings-failed");
                throw e;
            }
        }
    }

    @Test
    void groupPageShowsDiscussionsToMembersOnly() throws Exception {
        Fixtures.Account member = Fixtures.createAccount(MAIL, "Greta Gruppenmitglied");
        Fixtures.Account starter = Fixtures.createAccount(MAIL, "Sami Starter");
        Fixtures.Account outsider = Fixtures.createAccount(MAIL, "Olaf Außenstehend");
        JsonObject group = Fixtures.createGroup("PRIVATE", "OPEN");
        String slug = group.getString("slug");
        for (Fixtures.Account a : List.of(member, starter)) {
            assertEquals(201, a.api().post("/groups/" + slug + "/members").status());
        }
        String title = "Dorffest <planen> " + System.nanoTime();
        start(starter, group, title, "Wer bringt Bänke mit?");

        try (Browser mem = new Browser(); Browser out = new Browser()) {
            Browser current = mem;
            try {
                Flows.logIn(mem, member.email(), Fixtures.PASSWORD);
                mem.driver.get(BASE + "/groups/group.xhtml?slug=" + slug);
                waitFor(mem, By.id("discussionsLink"));
                assertAccessible(mem);
                assertEquals(title, mem.driver.findElement(By.cssSelector("#latestThreads .thread-title")).getText());
                assertTrue(mem.driver.findElement(By.cssSelector("#latestThreads .thread-title")).getAttribute("href")
                        .contains("/groups/thread.xhtml?slug=" + slug + "&id="));
                assertTrue(mem.driver.findElement(By.id("discussionsLink")).getAttribute("href")
                        .endsWith("/groups/discussions.xhtml?slug=" + slug));

                // Following the group: every new thread is mailed.
                clickAndWaitForNextPage(mem, By.id("followForm:followBoard"));
                waitFor(mem, By.id("followingBoard"));
                assertTrue(mem.driver.findElement(By.id("messages")).getText().contains("folgen jetzt"));
                assertAccessible(mem);
                mem.screenshot("group-discussions");
                String second = "Zweites Thema " + System.nanoTime();
                start(starter, group, second, "Ein neues Thema für alle, die der Gruppe folgen.");
                assertTrue(mailText(MAIL, member.email(), second).contains(second));
                mem.driver.navigate().refresh();
                waitFor(mem, By.id("latestThreads"));
                assertEquals(second, mem.driver.findElements(By.cssSelector("#latestThreads .thread-title")).get(0).getText(),
                        "the most recently active thread comes first");
                clickAndWaitForNextPage(mem, By.id("followForm:unfollowBoard"));
                waitFor(mem, By.id("followForm:followBoard"));

                current = out;
                Flows.logIn(out, outsider.email(), Fixtures.PASSWORD);
                out.driver.get(BASE + "/groups/group.xhtml?slug=" + slug);
                waitFor(out, By.id("groupName"));
                assertAccessible(out);
                assertTrue(out.driver.findElements(By.id("discussionsLink")).isEmpty(), "outsiders of a private group see no discussions");
                assertTrue(out.driver.findElements(By.id("latestThreads")).isEmpty());
                assertFalse(out.driver.getPageSource().contains("Dorffest"), "not even a title");
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("group-discussions-failed");
                throw e;
            }
        }
    }

    private static WebElement radio(Browser browser, String mode) {
        return browser.driver.findElement(By.cssSelector("input[name='mailForm:defaultMode'][value='" + mode + "']"));
    }

    private static Select groupMode(Browser browser, JsonObject group) {
        return new Select(browser.driver.findElement(By.cssSelector("select[data-group='" + group.getString("slug") + "']")));
    }

    private static List<String> followedTitles(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#followingForm\\:following .followed-title")).stream()
                .map(WebElement::getText).toList();
    }

    private static long start(Fixtures.Account author, JsonObject group, String title, String body) {
        ApiClient.Answer created = author.api().post("/groups/" + group.getString("slug") + "/threads",
                Json.createObjectBuilder().add("title", title).add("body", body).build());
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("threadId").longValue();
    }

    private static void reply(Fixtures.Account author, long threadId, String body) {
        ApiClient.Answer created = author.api().post("/threads/" + threadId + "/posts",
                Json.createObjectBuilder().add("body", body).build());
        assertEquals(201, created.status(), created.body());
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits up to 30 s for a mail to {@code recipient} whose subject contains {@code subject}; its plain text. */
    static String mailText(GreenMailExtension mail, String recipient, String subject) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage message : mail.getReceivedMessagesForDomain(recipient)) {
                if (message.getSubject().contains(subject)) {
                    return plainText(message);
                }
            }
            Thread.sleep(250);
        }
        fail("no mail '" + subject + "' to " + recipient);
        return null;
    }

    /** The mails to {@code recipient} so far whose subject contains {@code subject}. */
    private static List<MimeMessage> mails(String recipient, String subject) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessagesForDomain(recipient)) {
            if (message.getSubject().contains(subject)) {
                found.add(message);
            }
        }
        return found;
    }

    /** The text/plain part of a mail (notification mails are multipart/alternative with an HTML part). */
    static String plainText(MimeMessage message) throws IOException, MessagingException {
        return MailParts.plain(message);
    }
}
