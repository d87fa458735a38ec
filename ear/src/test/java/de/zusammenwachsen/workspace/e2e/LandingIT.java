package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guest's first look: landing page, security headers, the network's data over REST, and English. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LandingIT {

    static final String BASE = "http://localhost:8080";

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Accept-Language", "de").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void landingPageShowsTheActionFieldsAndRegionsAtTheRootContext() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Energie und Klimaschutz"), page.body());
        assertTrue(page.body().contains("Stadt Halle (Saale)"));
        assertTrue(page.body().contains("lang=\"de\""));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[]{"/", "/api/v1/regions"}) {
            var headers = get(path).headers();
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null), path);
            assertEquals("same-origin", headers.firstValue("Referrer-Policy").orElse(null), path);
            assertTrue(headers.firstValue("Content-Security-Policy").isPresent(), path);
        }
        String policy = get("/").headers().firstValue("Content-Security-Policy").orElse("");
        for (String directive : new String[] {"base-uri 'self'", "object-src 'none'", "form-action 'self'", "frame-ancestors 'none'"}) {
            assertTrue(policy.contains(directive), directive + " in " + policy);
        }
        assertTrue(policy.matches(".*script-src 'self' 'nonce-[^']+'.*"), policy);
    }

    /**
     * A guest's page views make no session (the probe's crawler left 17,827 of them after 90 s); the session a login
     * makes has a cookie that scripts cannot read and other sites' requests do not carry.
     */
    @Test
    void aGuestsPageViewsMakeNoSessionAndTheLoginsCookieIsProtected() throws Exception {
        for (String path : new String[] {"/", "/index.xhtml", "/decisions.xhtml", "/search.xhtml?q=energie", "/groups/index.xhtml",
                "/fields/field.xhtml?slug=energie-klimaschutz", "/account/login.xhtml", "/account/register.xhtml",
                "/account/forgot.xhtml", "/gibt-es-nicht.xhtml"}) {
            HttpResponse<String> page = get(path);
            assertTrue(page.statusCode() == 200 || page.statusCode() == 404, path + " " + page.statusCode());
            assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                    path + ": " + page.headers().allValues("Set-Cookie"));
        }
        Fixtures.Account account = Fixtures.createAccount(MAIL, "Kira Keks");
        try (Browser browser = new Browser()) {
            Flows.logIn(browser, account.email(), Fixtures.PASSWORD);
            org.openqa.selenium.Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
            assertTrue(session != null && session.isHttpOnly() && "Lax".equals(session.getSameSite()), String.valueOf(session));
        }
    }

    /** More form fields than the server reads (1,000) get a clear 400 page of the workspace, never a 500 or a trace. */
    @Test
    void aFormWithTooManyFieldsGetsAClearAnswer() throws Exception {
        StringBuilder form = new StringBuilder("loginForm=loginForm");
        for (int i = 0; i < 1100; i++) {
            form.append("&f").append(i).append('=').append(i);
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(BASE + "/account/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "de")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("zu viele Felder"), answer.body());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("at io.") || answer.body().contains("at org."),
                answer.body());
    }

    /**
     * The session ends while a member writes (here: logged out in another tab). Sending the form answered 500 with a
     * stack trace; now the page comes back by way of the login, says what happened, and what was typed is still there.
     */
    @Test
    void aFormSentAfterTheSessionEndedComesBackWithWhatWasTyped() throws Exception {
        Fixtures.Account account = Fixtures.createAccount(MAIL, "Sina Sitzung");
        String slug = Fixtures.createGroup("PRIVATE", "OPEN", account.email()).getString("slug");
        try (Browser browser = new Browser()) {
            try {
                Flows.logIn(browser, account.email(), Fixtures.PASSWORD);
                browser.driver.get(BASE + "/groups/new-thread.xhtml?slug=" + slug);
                Flows.waitFor(browser, By.id("newThreadForm:title"));
                Flows.type(browser, "newThreadForm:title", "Fahrradwerkstatt im Dorfgemeinschaftshaus");
                Flows.type(browser, "newThreadForm:body", "Wir suchen Ehrenamtliche für die Werkstatt.");
                browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "fetch('/account/logout', {method: 'POST', body: new URLSearchParams(new FormData("
                        + "document.getElementById('logoutForm'))), redirect: 'manual'}).then(function () { done(); });");
                Flows.clickAndWaitForNextPage(browser, By.id("newThreadForm:publish"));
                Flows.waitFor(browser, By.id("loginForm:email"));
                Flows.submitLogin(browser, account.email(), Fixtures.PASSWORD);
                // The login page shows the notice too: wait for the way back to the form.
                new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/groups/new-thread.xhtml"));
                Flows.waitFor(browser, By.id("newThreadForm:title"));
                Flows.waitFor(browser, By.id("expiredNotice"));
                assertTrue(browser.driver.getCurrentUrl().contains("slug=" + slug), browser.driver.getCurrentUrl());
                assertTrue(browser.driver.findElement(By.id("expiredNotice")).getText().contains("nicht mehr gültig"));
                assertEquals("Fahrradwerkstatt im Dorfgemeinschaftshaus",
                        browser.driver.findElement(By.id("newThreadForm:title")).getAttribute("value"));
                assertEquals("Wir suchen Ehrenamtliche für die Werkstatt.",
                        browser.driver.findElement(By.id("newThreadForm:body")).getAttribute("value"));
                Flows.assertAccessible(browser);
                assertEquals(0, account.api().get("/groups/" + slug + "/threads").json().getJsonObject("threads")
                        .getJsonArray("items").size(), "nothing was published");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("landing-expired-view");
                throw e;
            }
        }
    }

    /**
     * A form sent without PrimeFaces' script nonce did its work and then answered 500 (the probe made two tokens that
     * way). Now it changes nothing and the page comes back with the notice.
     */
    @Test
    void aFormWithoutItsNonceChangesNothing() throws Exception {
        Fixtures.Account account = Fixtures.createAccount(MAIL, "Nora Nonce");
        int before = account.api().get("/me/tokens").array().size();
        try (Browser browser = new Browser()) {
            try {
                Flows.logIn(browser, account.email(), Fixtures.PASSWORD);
                browser.driver.get(BASE + "/account/profile.xhtml");
                Flows.waitFor(browser, By.id("tokenForm:tokenName"));
                Flows.loaded(browser);
                Flows.type(browser, "tokenForm:tokenName", "ohne Nonce");
                browser.driver.executeScript("document.querySelectorAll(\"#tokenForm input[name='primefaces.nonce']\")"
                        + ".forEach(function (e) { e.remove(); });");
                Flows.clickAndWaitForNextPage(browser, By.id("tokenForm:createToken"));
                Flows.waitFor(browser, By.id("expiredNotice"));
                assertTrue(browser.driver.findElements(By.id("newTokenSecret")).isEmpty(), "no token shown");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("landing-missing-nonce");
                throw e;
            }
        }
        assertEquals(before, account.api().get("/me/tokens").array().size(), "no token made");
    }

    @Test
    void restListsTheSeededActionFieldsAndRegions() throws Exception {
        JsonArray fields = Json.createReader(new StringReader(get("/api/v1/action-fields").body())).readArray();
        assertEquals(10, fields.size());
        assertEquals("Ehrenamt und bürgerschaftliches Engagement", fields.getJsonObject(0).getString("name"));
        JsonArray regions = Json.createReader(new StringReader(get("/api/v1/regions").body())).readArray();
        assertEquals(8, regions.size());
    }

    @Test
    void unknownThingsAnswer404AsProblemJson() throws Exception {
        HttpResponse<String> response = get("/api/v1/action-fields/gibt-es-nicht");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(404, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains("gibt es nicht"), problem.toString());
        assertEquals(404, get("/gibt-es-nicht.xhtml").statusCode());
    }

    @Test
    void aGuestSwitchesToEnglishAndThePagePassesAxe() {
        try (Browser browser = new Browser()) {
            try {
                browser.driver.get(BASE + "/");
                assertEquals("", browser.accessibilityViolations());
                new Select(browser.driver.findElement(By.id("language"))).selectByValue("en");
                browser.driver.findElement(By.id("switchLanguage")).click();
                new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(
                        By.tagName("h1"), "Welcome to the ZusammenWachsen workspace"));
                assertTrue(browser.driver.getPageSource().contains("Energy and climate protection"));
                assertEquals("", browser.accessibilityViolations());
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("landing-language-switch");
                throw e;
            }
        }
    }

    @Test
    void theLanguageSwitchReturnsOnlyToPagesOfTheWorkspaceAndRefusesOtherSites() throws Exception {
        assertEquals("/groups/index.xhtml?page=2", switchLanguage("language=en&back=%2Fgroups%2Findex.xhtml%3Fpage%3D2", null)
                .headers().firstValue("Location").map(l -> l.replace(BASE, "")).orElse(""));
        for (String elsewhere : new String[] {"%2F%2Fevil.example%2F", "https%3A%2F%2Fevil.example%2F", "%2F%5Cevil.example", ""}) {
            assertEquals("/index.xhtml", switchLanguage("language=en&back=" + elsewhere, null).headers().firstValue("Location")
                    .map(l -> l.replace(BASE, "")).orElse(""), elsewhere);
        }
        assertEquals(403, switchLanguage("language=en&back=%2F", "cross-site").statusCode());
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create(BASE + "/language")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private HttpResponse<Void> switchLanguage(String form, String fetchSite) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/language"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void aGuestFindsAGroupWithTheKeyboardAlone() throws Exception {
        try (Browser browser = new Browser()) {
            try {
                browser.driver.get(BASE + "/");
                var actions = new org.openqa.selenium.interactions.Actions(browser.driver);
                actions.sendKeys(org.openqa.selenium.Keys.TAB).perform();
                assertEquals("skip-link", browser.driver.switchTo().activeElement().getAttribute("class"),
                        "the first Tab reaches the skip link");
                actions.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
                assertTrue(browser.driver.getCurrentUrl().endsWith("#main"));
                browser.driver.get(BASE + "/groups/index.xhtml");
                assertEquals("", browser.accessibilityViolations());
                // Tab to the search field, type, and submit the filter with Enter; no mouse involved.
                for (int i = 0; i < 40 && !"q".equals(browser.driver.switchTo().activeElement().getAttribute("id")); i++) {
                    actions.sendKeys(org.openqa.selenium.Keys.TAB).perform();
                }
                assertEquals("q", browser.driver.switchTo().activeElement().getAttribute("id"), "the search field is reachable by Tab");
                actions.sendKeys("zzz-keine-gruppe" + org.openqa.selenium.Keys.ENTER).perform();
                new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("noGroups")));
                assertTrue(browser.driver.getCurrentUrl().contains("q=zzz-keine-gruppe"));
                assertEquals("", browser.accessibilityViolations());
                assertEquals(404, get("/groups/group.xhtml?slug=gibt-es-nicht").statusCode());
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("landing-keyboard");
                throw e;
            }
        }
    }
}
