package de.zusammenwachsen.workspace.e2e;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.type;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first-run page of a fresh installation. Named to run first (failsafe runs the classes alphabetically), before
 * {@link Fixtures} creates the administrator that the other tests share and the page disappears.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AaFirstRunIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void theSetupPageIsAccessibleAndRefusesAWrongCodeWithoutCreatingAnything() {
        try (Browser browser = new Browser()) {
            try {
                browser.driver.get(BASE + "/setup.xhtml");
                waitFor(browser, By.id("setupForm:code"));
                assertAccessible(browser);
                type(browser, "setupForm:code", "falscher-code");
                type(browser, "setupForm:displayName", "Eve Eindringling");
                type(browser, "setupForm:email", "eve@example.org");
                type(browser, "setupForm:password", "Ein langes Passwort ohne Code");
                browser.driver.findElement(By.id("setupForm:create")).click();
                waitFor(browser, By.cssSelector(".ui-messages-error"));
                assertTrue(browser.driver.getPageSource().contains("Einrichtungscode stimmt nicht"));
                assertAccessible(browser);
                browser.driver.get(BASE + "/setup.xhtml");
                waitFor(browser, By.id("setupForm:code"));
                browser.driver.get(BASE + "/account/login.xhtml");
                waitFor(browser, By.id("loginForm:email"));
                assertAccessible(browser);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("first-run");
                throw e;
            }
        }
    }
}
