package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Steps that several browser tests share: registering with the mailed link, logging in, reading mails. */
final class Flows {

    static final String BASE = LandingIT.BASE;

    private Flows() {
    }

    static void waitFor(Browser browser, By element) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    static WebElement visible(Browser browser, By element) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    static void type(Browser browser, String id, String text) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    static void assertAccessible(Browser browser) {
        assertEquals("", browser.accessibilityViolations(), "axe-core violations on " + browser.driver.getCurrentUrl());
    }

    /** Waits for a mail to {@code recipient} whose subject contains {@code subject}; returns its text. */
    static String mail(GreenMailExtension mail, String recipient, String subject) throws Exception {
        // Mails of an earlier test class may still be leaving the outbox ahead of this one.
        long until = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage message : mail.getReceivedMessagesForDomain(recipient)) {
                if (message.getSubject().contains(subject)) {
                    return MailParts.plain(message);
                }
            }
            Thread.sleep(250);
        }
        fail("no mail '" + subject + "' to " + recipient);
        return null;
    }

    static String link(String mailText, String path) {
        Matcher m = Pattern.compile("(http://localhost:8080" + Pattern.quote(path) + "\\?[A-Za-z0-9_%=&.-]+)").matcher(mailText);
        assertTrue(m.find(), mailText);
        return m.group(1);
    }

    /** Registers, confirms through the mailed link and logs in. */
    static void registerAndLogIn(Browser browser, GreenMailExtension mail, String email, String name, String password) throws Exception {
        browser.driver.get(BASE + "/account/register.xhtml");
        type(browser, "registerForm:displayName", name);
        type(browser, "registerForm:email", email);
        type(browser, "registerForm:password", password);
        browser.driver.findElement(By.id("registerForm:register")).click();
        waitFor(browser, By.id("registered"));
        browser.driver.get(link(mail(mail, email, "bestätigen"), "/account/confirm.xhtml"));
        waitFor(browser, By.id("confirmed"));
        logIn(browser, email, password);
    }

    static void logIn(Browser browser, String email, String password) {
        browser.driver.get(BASE + "/account/login.xhtml");
        submitLogin(browser, email, password);
        waitFor(browser, By.id("logout"));
    }

    /** Fills and sends the login form of the current page, whatever the outcome. */
    static void submitLogin(Browser browser, String email, String password) {
        type(browser, "loginForm:email", email);
        type(browser, "loginForm:password", password);
        browser.driver.findElement(By.id("loginForm:login")).click();
    }

    static void logOut(Browser browser) {
        browser.driver.findElement(By.id("logout")).click();
        waitFor(browser, By.id("loginLink"));
    }

    /** Logs in as the first administrator, whom {@link Fixtures} creates once per test run. */
    static void logInAsAdministrator(Browser browser) {
        Fixtures.adminToken();
        logIn(browser, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
    }

    /** Clicks a button that submits the page and waits until the browser shows the next page. */
    static void clickAndWaitForNextPage(Browser browser, By button) {
        WebElement page = browser.driver.findElement(By.tagName("html"));
        browser.driver.findElement(button).click();
        waitForNextPage(browser, page);
    }

    /**
     * Waits until the page the element belongs to has been replaced. Chromium sometimes reports an element of a
     * page that has just been replaced as "not belonging to the document" instead of stale; both mean: gone.
     */
    static void waitForNextPage(Browser browser, WebElement page) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        loaded(browser);
    }

    /**
     * Waits until the page has run its scripts. PrimeFaces registers a button's handlers (the confirmation dialog
     * among them) from a script at the end of the page; a click before that is lost or submits unconfirmed.
     */
    static void loaded(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
            .until(driver -> "complete".equals(browser.driver.executeScript("return document.readyState;")));
    }

    /** Clicks a button guarded by a confirmation dialog and confirms. */
    static void clickAndConfirm(Browser browser, By button) {
        loaded(browser);
        browser.driver.findElement(button).click();
        visible(browser, By.id("confirmYes")).click();
    }
}
