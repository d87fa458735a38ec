package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.clickAndConfirm;
import static de.zusammenwachsen.workspace.e2e.Flows.link;
import static de.zusammenwachsen.workspace.e2e.Flows.mail;
import static de.zusammenwachsen.workspace.e2e.Flows.type;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The life of a working group in the browser: an administrator creates it and appoints a moderator, a member asks
 * to join and is approved, a new person registers through an invitation, roles change, a member leaves; an
 * invitation admits only the account of its address; every page passes axe-core. Mails are read from an
 * in-process SMTP server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GroupsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("it.smtp.port", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void administratorCreatesGroupMemberIsApprovedInviteeRegistersMemberLeaves() throws Exception {
        long n = System.nanoTime();
        String slug = "radweg-" + n;
        String moderator = "mona." + n + "@verein-example.de";
        String member = "max." + n + "@verein-example.de";
        String invitee = "nora." + n + "@initiative-example.de";
        String password = "Grüne Wiesen statt Tagebau";

        try (Browser mod = new Browser(); Browser admin = new Browser(); Browser mem = new Browser(); Browser inv = new Browser()) {
            Browser current = mod;
            try {
                Flows.registerAndLogIn(mod, MAIL, moderator, "Mona Moderatorin", password);

                current = admin;
                Flows.logInAsAdministrator(admin);
                assertEquals(404, status("/setup.xhtml", admin), "the setup page is gone once an administrator exists");
                admin.driver.get(BASE + "/groups/new.xhtml");
                waitFor(admin, By.id("groupForm:slug"));
                assertAccessible(admin);
                type(admin, "groupForm:slug", slug);
                type(admin, "groupForm:name", "Radweg <script>alert(1)</script> Elsteraue");
                type(admin, "groupForm:description", "Wir planen den Radweg an der Weißen Elster.\nTreffen monatlich.");
                admin.driver.findElement(By.cssSelector("input[name='groupForm:actionFields'][value='mobilitaet']")).click();
                admin.driver.findElement(By.cssSelector("input[name='groupForm:regions'][value='burgenlandkreis']")).click();
                admin.driver.findElement(By.cssSelector("input[name='groupForm:visibility'][value='PRIVATE']")).click();
                admin.driver.findElement(By.cssSelector("input[name='groupForm:joinPolicy'][value='REQUEST']")).click();
                type(admin, "groupForm:moderators", moderator);
                admin.driver.findElement(By.id("groupForm:create")).click();
                waitFor(admin, By.id("groupName"));
                assertEquals("Radweg <script>alert(1)</script> Elsteraue", admin.driver.findElement(By.id("groupName")).getText(),
                        "the name is shown as text, escaped, not run as script");
                assertAccessible(admin);

                // The same slug again is refused with a clear message and creates nothing.
                admin.driver.get(BASE + "/groups/new.xhtml");
                type(admin, "groupForm:slug", slug);
                type(admin, "groupForm:name", "Doppelt");
                admin.driver.findElement(By.cssSelector("input[name='groupForm:actionFields'][value='mobilitaet']")).click();
                admin.driver.findElement(By.id("groupForm:create")).click();
                waitFor(admin, By.cssSelector(".ui-messages-error"));
                assertTrue(admin.driver.getPageSource().contains("schon vergeben"));

                current = mem;
                Flows.registerAndLogIn(mem, MAIL, member, "Max Mitglied", password);
                mem.driver.get(BASE + "/groups/group.xhtml?slug=" + slug);
                waitFor(mem, By.id("membershipForm:request"));
                assertAccessible(mem);
                assertTrue(mem.driver.findElements(By.cssSelector(".people")).isEmpty(), "a private group's members are hidden");
                type(mem, "membershipForm:requestMessage", "Ich fahre die Strecke jeden Tag.");
                mem.driver.findElement(By.id("membershipForm:request")).click();
                waitFor(mem, By.id("requestPending"));
                assertEquals(404, status("/groups/members.xhtml?slug=" + slug, mem), "members of a private group are not visible");
                assertEquals(404, status("/groups/requests.xhtml?slug=" + slug, mem), "nor its join requests");
                assertEquals(404, status("/groups/invitations.xhtml?slug=" + slug, mem), "nor its invitations");

                current = mod;
                String requestMail = mail(MAIL, moderator, "Beitrittsanfrage");
                assertTrue(requestMail.contains("Ich fahre die Strecke jeden Tag."), requestMail);
                mod.driver.get(link(requestMail, "/groups/requests.xhtml"));
                waitFor(mod, By.cssSelector(".requester"));
                assertAccessible(mod);
                assertEquals("Max Mitglied", mod.driver.findElement(By.cssSelector(".requester")).getText());
                mod.driver.findElement(By.cssSelector("[id$=':approve']")).click();
                waitFor(mod, By.id("noRequests"));

                current = mem;
                assertTrue(mail(MAIL, member, "Willkommen").contains(slug));
                mem.driver.get(BASE + "/groups/group.xhtml?slug=" + slug);
                waitFor(mem, By.id("myRole"));
                assertEquals("Mitglied", mem.driver.findElement(By.id("myRole")).getText());
                mem.driver.get(BASE + "/dashboard.xhtml");
                waitFor(mem, By.id("myGroupsHeading"));
                assertTrue(mem.driver.getPageSource().contains("Radweg &lt;script&gt;"), "the dashboard lists the group");
                assertAccessible(mem);

                current = mod;
                mod.driver.get(BASE + "/groups/invitations.xhtml?slug=" + slug);
                waitFor(mod, By.id("inviteForm:email"));
                assertAccessible(mod);
                type(mod, "inviteForm:email", invitee);
                mod.driver.findElement(By.id("inviteForm:invite")).click();
                waitFor(mod, By.id("pendingForm:pending"));
                type(mod, "inviteForm:email", invitee);
                mod.driver.findElement(By.id("inviteForm:invite")).click();
                waitFor(mod, By.cssSelector(".ui-messages-error"));
                assertTrue(mod.driver.getPageSource().contains("schon eine gültige Einladung"));

                current = inv;
                String invitationLink = link(mail(MAIL, invitee, "Einladung"), "/groups/invitation.xhtml");
                inv.driver.get(invitationLink);
                waitFor(inv, By.id("registerForm:displayName"));
                assertAccessible(inv);
                assertEquals(invitee, inv.driver.findElement(By.id("invitedEmail")).getText());
                type(inv, "registerForm:displayName", "Nora Neu");
                type(inv, "registerForm:password", "kurz");
                inv.driver.findElement(By.id("registerForm:register")).click();
                waitFor(inv, By.cssSelector(".ui-messages-error"));
                type(inv, "registerForm:password", password);
                inv.driver.findElement(By.id("registerForm:register")).click();
                waitFor(inv, By.id("myRole"));
                assertEquals("Mitglied", inv.driver.findElement(By.id("myRole")).getText());
                inv.driver.get(invitationLink);
                waitFor(inv, By.id("invitationUnusable"));

                current = mod;
                mod.driver.get(BASE + "/groups/members.xhtml?slug=" + slug + "&q=nora");
                waitFor(mod, By.id("membersForm:members"));
                assertAccessible(mod);
                assertEquals(1, mod.driver.findElements(By.cssSelector(".member-name")).size());
                mod.driver.findElement(By.cssSelector("[id$=':promote']")).click();
                waitFor(mod, By.cssSelector(".ui-messages-info"));
                mod.driver.get(BASE + "/groups/members.xhtml?slug=" + slug + "&q=mona");
                waitFor(mod, By.id("membersForm:members"));
                mod.driver.findElement(By.cssSelector("[id$=':demote']")).click();
                waitFor(mod, By.cssSelector(".ui-messages-info"));
                assertTrue(mod.driver.getPageSource().contains("ist jetzt wieder Mitglied"));
                mod.driver.get(BASE + "/groups/audit.xhtml?slug=" + slug);
                assertTrue(mod.driver.getPageSource().contains("Das dürfen Sie hier nicht"),
                        "after stepping down, Mona may no longer read the group's audit log");
                assertEquals(403, status("/groups/audit.xhtml?slug=" + slug, mod));

                current = inv;
                inv.driver.get(BASE + "/groups/group.xhtml?slug=" + slug);
                waitFor(inv, By.id("auditLink"));
                inv.driver.findElement(By.id("auditLink")).click();
                waitFor(inv, By.id("audit"));
                assertAccessible(inv);
                String log = inv.driver.findElement(By.id("audit")).getText();
                assertTrue(log.contains("Anfrage angenommen") && log.contains("Einladung angenommen") && log.contains("Rolle geändert"), log);

                current = mem;
                mem.driver.get(BASE + "/groups/group.xhtml?slug=" + slug);
                waitFor(mem, By.id("membershipForm:leave"));
                clickAndConfirm(mem, By.id("membershipForm:leave"));
                waitFor(mem, By.cssSelector(".ui-messages-info"));
                assertTrue(mem.driver.findElements(By.id("myRole")).isEmpty());
                assertFalse(mem.driver.findElements(By.id("membershipForm:request")).isEmpty(), "who left may ask again");
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("groups-flow");
                throw e;
            }
        }
    }

    /**
     * The security probe's finding: an invitation link worked for whoever held it, so Mallory, with an account of
     * her own and a link mailed to Anna, joined the hidden group. Now only the account of the invited address may
     * accept: Mallory is refused with a clear message (on the page instead of the button, and 403 from the API),
     * is no member, and the hidden group stays unknown to her; Anna accepts with the same link.
     */
    @Test
    void anInvitationLinkAdmitsOnlyTheAccountOfTheInvitedAddress() throws Exception {
        Fixtures.Account moderator = Fixtures.createAccount(MAIL, "Mia Moderation");
        Fixtures.Account anna = Fixtures.createAccount(MAIL, "Anna Eingeladen");
        Fixtures.Account mallory = Fixtures.createAccount(MAIL, "Mallory Mitleserin");
        String slug = Fixtures.createGroup("HIDDEN", "INVITATION", moderator.email()).getString("slug");
        // Invited with the address as someone might type it: addresses are compared normalised.
        ApiClient.Answer invited = moderator.api().post("/groups/" + slug + "/invitations",
                Json.createObjectBuilder().add("email", anna.email().toUpperCase(Locale.ROOT)).build());
        assertEquals(201, invited.status(), invited.body());
        String secret = Fixtures.invitationSecret(MAIL, anna.email());
        JsonObject token = Json.createObjectBuilder().add("token", secret).build();

        ApiClient.Answer refused = mallory.api().post("/invitations/accept", token);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("invitation.otherAddress", refused.json().getString("code"), refused.body());
        assertTrue(refused.json().getString("detail").contains("andere E-Mail-Adresse"), refused.body());
        assertEquals(404, mallory.api().get("/groups/" + slug).status(), "the hidden group stays unknown to Mallory");
        assertEquals(404, mallory.api().get("/groups/" + slug + "/members").status());

        try (Browser browser = new Browser()) {
            try {
                Flows.logIn(browser, mallory.email(), Fixtures.PASSWORD);
                browser.driver.get(BASE + "/groups/invitation.xhtml?token=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
                waitFor(browser, By.id("invitationOtherAddress"));
                assertTrue(browser.driver.findElement(By.id("invitationOtherAddress")).getText()
                        .contains("andere E-Mail-Adresse"));
                assertTrue(browser.driver.findElements(By.id("acceptForm:accept")).isEmpty(), "no button to accept");
                assertAccessible(browser);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("invitation-other-address");
                throw e;
            }
        }
        assertEquals(404, mallory.api().get("/groups/" + slug).status(), "still not a member");

        ApiClient.Answer joined = anna.api().post("/invitations/accept", token);
        assertEquals(200, joined.status(), joined.body());
        assertEquals(slug, joined.json().getString("slug"));
        assertEquals("MEMBER", joined.json().getString("myRole"));
        assertEquals(404, mallory.api().get("/groups/" + slug).status());
    }

    @Test
    void passwordResetByMail() throws Exception {
        String email = "paula." + System.nanoTime() + "@verein-example.de";
        try (Browser browser = new Browser()) {
            try {
                Flows.registerAndLogIn(browser, MAIL, email, "Paula Passwort", "Altes Passwort vom Dorfverein");
                Flows.logOut(browser);
                browser.driver.get(BASE + "/account/login.xhtml");
                browser.driver.findElement(By.id("forgotLink")).click();
                waitFor(browser, By.id("forgotForm:email"));
                assertAccessible(browser);
                type(browser, "forgotForm:email", email);
                browser.driver.findElement(By.id("forgotForm:send")).click();
                waitFor(browser, By.id("resetRequested"));
                String resetLink = link(mail(MAIL, email, "Passwort zurücksetzen"), "/account/reset.xhtml");
                browser.driver.get(resetLink);
                waitFor(browser, By.id("resetForm:password"));
                assertAccessible(browser);
                type(browser, "resetForm:password", "Neues Passwort für die Streuobstwiese");
                browser.driver.findElement(By.id("resetForm:reset")).click();
                waitFor(browser, By.id("loginForm:email"));
                Flows.logIn(browser, email, "Neues Passwort für die Streuobstwiese");

                browser.driver.get(resetLink);
                type(browser, "resetForm:password", "Noch ein ganz anderes Passwort");
                browser.driver.findElement(By.id("resetForm:reset")).click();
                waitFor(browser, By.cssSelector(".ui-messages-error"));
                assertTrue(browser.driver.getPageSource().contains("schon benutzt"), "a reset link works once");

                browser.driver.get(BASE + "/account/profile.xhtml");
                waitFor(browser, By.id("profileForm:organisation"));
                assertAccessible(browser);
                type(browser, "profileForm:organisation", "Dorfverein <b>Großkayna</b>");
                browser.driver.findElement(By.id("profileForm:save")).click();
                waitFor(browser, By.cssSelector(".ui-messages-info"));
                assertEquals("Dorfverein <b>Großkayna</b>", browser.driver.findElement(By.id("profileForm:organisation")).getAttribute("value"));
                type(browser, "tokenForm:tokenName", "Skript");
                browser.driver.findElement(By.id("tokenForm:createToken")).click();
                waitFor(browser, By.id("newTokenSecret"));
                String token = browser.driver.findElement(By.id("newTokenSecret")).getText();
                assertTrue(token.startsWith("zw_"), token);
                browser.driver.get(BASE + "/account/profile.xhtml");
                waitFor(browser, By.id("tokensForm:tokens"));
                assertFalse(browser.driver.getPageSource().contains(token), "the secret is shown only once");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("password-reset");
                throw e;
            }
        }
    }

    /** The HTTP status of a page for the browser's session (the status is not visible to WebDriver itself). */
    private static int status(String path, Browser browser) throws Exception {
        String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
