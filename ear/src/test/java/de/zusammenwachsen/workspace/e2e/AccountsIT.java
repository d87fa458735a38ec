package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration with a confirmation mail read from an in-process SMTP server, then login and logout. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {

    static final String BASE = LandingIT.BASE;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("it.smtp.port", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void registerConfirmByMailLogInAndOut() throws Exception {
        String email = "anna." + System.nanoTime() + "@verein-example.de";
        try (Browser browser = new Browser()) {
            try {
                browser.driver.get(BASE + "/account/register.xhtml");
                assertEquals("", browser.accessibilityViolations());
                browser.driver.findElement(By.id("registerForm:displayName")).sendKeys("Anna <script>alert(1)</script>");
                browser.driver.findElement(By.id("registerForm:email")).sendKeys(email);
                browser.driver.findElement(By.id("registerForm:password")).sendKeys("Kurz");
                browser.driver.findElement(By.id("registerForm:register")).click();
                Flows.waitFor(browser, By.cssSelector(".ui-messages-error"));
                assertTrue(browser.driver.getPageSource().contains("mindestens 10 Zeichen"));

                browser.driver.findElement(By.id("registerForm:password")).clear();
                browser.driver.findElement(By.id("registerForm:password")).sendKeys("Streuobstwiesen im Saalekreis");
                browser.driver.findElement(By.id("registerForm:register")).click();
                Flows.waitFor(browser, By.id("registered"));

                assertTrue(MAIL.waitForIncomingEmail(30_000, 1), "no confirmation mail arrived");
                MimeMessage mail = MAIL.getReceivedMessagesForDomain(email)[0];
                assertEquals("Bitte bestätigen Sie Ihre E-Mail-Adresse", mail.getSubject());
                String body = MailParts.plain(mail);
                Matcher link = Pattern.compile("(http://localhost:8080/account/confirm\\.xhtml\\?token=[A-Za-z0-9_%-]+)").matcher(body);
                assertTrue(link.find(), body);

                browser.driver.get(BASE + "/account/register.xhtml");
                browser.driver.findElement(By.id("registerForm:displayName")).sendKeys("Anna Zwei");
                browser.driver.findElement(By.id("registerForm:email")).sendKeys(email.toUpperCase());
                browser.driver.findElement(By.id("registerForm:password")).sendKeys("Ein anderes langes Passwort");
                browser.driver.findElement(By.id("registerForm:register")).click();
                Flows.waitFor(browser, By.cssSelector(".ui-messages-error"));
                assertTrue(browser.driver.getPageSource().contains("gibt es schon ein Konto"), "a second account for the same address is refused");

                browser.driver.get(BASE + "/account/login.xhtml");
                Flows.submitLogin(browser, email, "Streuobstwiesen im Saalekreis");
                Flows.waitFor(browser, By.cssSelector(".ui-messages-error"));
                assertTrue(browser.driver.getPageSource().contains("bestätigen Sie zuerst"));

                browser.driver.get(link.group(1));
                Flows.waitFor(browser, By.id("confirmed"));
                assertEquals("", browser.accessibilityViolations());
                browser.driver.get(link.group(1));
                Flows.waitFor(browser, By.id("confirmProblem"));
                assertTrue(browser.driver.findElement(By.id("confirmProblem")).getText().contains("schon benutzt"));

                browser.driver.get(BASE + "/account/login.xhtml");
                String before = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
                Flows.submitLogin(browser, email, "Streuobstwiesen im Saalekreis");
                Flows.waitFor(browser, By.id("logout"));
                assertNotEquals(before, browser.driver.manage().getCookieNamed("JSESSIONID").getValue(),
                        "login must issue a new session id");
                assertEquals("", browser.accessibilityViolations());

                // Logout is a plain form carrying the session's secret: a POST without it, or one another site made
                // the browser send, logs nobody out.
                String session = "JSESSIONID=" + browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
                String token = browser.driver.findElement(By.cssSelector("#logoutForm input[name='token']")).getAttribute("value");
                assertEquals(403, logout(session, "token=falsch", null));
                assertEquals(403, logout(session, "", null));
                assertEquals(403, logout(session, "token=" + token, "cross-site"));
                browser.driver.navigate().refresh();
                Flows.waitFor(browser, By.id("logout"));

                Flows.logOut(browser);
                assertEquals(302, logout(session, "token=" + token, null), "an ended session just goes to the start page");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("accounts-register-confirm-login");
                throw e;
            }
        }
    }


    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
        String email = "lotte." + System.nanoTime() + "@verein-example.de";
        try (Browser browser = new Browser()) {
            try {
                Flows.registerAndLogIn(browser, MAIL, email, "Lotte Lock", "Richtiges Passwort am Tagebausee");
                Flows.logOut(browser);
                for (int i = 1; i <= 5; i++) {
                    browser.driver.get(BASE + "/account/login.xhtml");
                    Flows.submitLogin(browser, email, "Falsches Passwort Nummer " + i);
                    Flows.waitFor(browser, By.cssSelector(".ui-messages-error"));
                }
                assertTrue(browser.driver.getPageSource().contains("Zu viele Fehlversuche"), "the fifth failure locks");
                browser.driver.get(BASE + "/account/login.xhtml");
                Flows.submitLogin(browser, email, "Richtiges Passwort am Tagebausee");
                Flows.waitFor(browser, By.cssSelector(".ui-messages-error"));
                assertTrue(browser.driver.getPageSource().contains("Zu viele Fehlversuche"), "even the right password waits");
                Thread.sleep(2_500); // the test server locks for 2 s instead of 15 min
                Flows.logIn(browser, email, "Richtiges Passwort am Tagebausee");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("accounts-lockout");
                throw e;
            }
        }
    }

    /** POST /account/logout as a browser's form would send it; the status. */
    private static int logout(String session, String form, String fetchSite) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + "/account/logout")).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
