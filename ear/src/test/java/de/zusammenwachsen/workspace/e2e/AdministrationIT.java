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
import org.openqa.selenium.WebElement;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.clickAndConfirm;
import static de.zusammenwachsen.workspace.e2e.Flows.type;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator's pages in the browser, each checked with axe-core: editing regions, the network's audit log,
 * group settings, archiving, an action-field page, and the 404 and 403 pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdministrationIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void administratorEditsTheNetworkChangesSettingsAndArchivesAGroup() throws Exception {
        String slug = Fixtures.createGroup("PUBLIC", "OPEN").getString("slug");
        try (Browser admin = new Browser(); Browser member = new Browser()) {
            Browser current = admin;
            try {
                Flows.logInAsAdministrator(admin);
                admin.driver.get(BASE + "/admin/index.xhtml");
                waitFor(admin, By.cssSelector(".admin-row"));
                assertAccessible(admin);
                WebElement regionName = admin.driver.findElement(By.cssSelector("[id^='regions:'][id$=':name']"));
                String before = regionName.getAttribute("value");
                regionName.clear();
                regionName.sendKeys(before + " (geändert)");
                Flows.clickAndWaitForNextPage(admin, By.cssSelector("[id^='regions:'][id$=':save']"));
                waitFor(admin, By.cssSelector(".ui-messages-info"));
                assertTrue(admin.driver.getPageSource().contains(before + " (geändert)"));
                regionName = admin.driver.findElement(By.cssSelector("[id^='regions:'][id$=':name']"));
                regionName.clear();
                regionName.sendKeys(before);
                Flows.clickAndWaitForNextPage(admin, By.cssSelector("[id^='regions:'][id$=':save']"));
                waitFor(admin, By.cssSelector(".ui-messages-info"));

                admin.driver.get(BASE + "/admin/audit.xhtml");
                waitFor(admin, By.id("audit"));
                assertAccessible(admin);
                assertTrue(admin.driver.findElement(By.id("audit")).getText().contains("Region geändert"));

                admin.driver.get(BASE + "/groups/settings.xhtml?slug=" + slug);
                waitFor(admin, By.id("groupForm:description"));
                assertAccessible(admin);
                type(admin, "groupForm:description", "Neue Beschreibung mit <b>Markup</b>, das als Text erscheint.");
                Flows.clickAndWaitForNextPage(admin, By.id("groupForm:save"));
                waitFor(admin, By.id("groupName"));
                assertTrue(admin.driver.findElement(By.cssSelector(".description")).getText().contains("<b>Markup</b>"));

                admin.driver.get(BASE + "/groups/settings.xhtml?slug=" + slug);
                waitFor(admin, By.id("quotaForm:quotaMb"));
                type(admin, "quotaForm:quotaMb", "50");
                Flows.clickAndWaitForNextPage(admin, By.id("quotaForm:allotSpace"));
                waitFor(admin, By.id("quotaForm:quotaMb"));
                assertEquals("50", admin.driver.findElement(By.id("quotaForm:quotaMb")).getAttribute("value"), "the group's own quota is kept");

                current = member;
                Fixtures.Account account = Fixtures.createAccount(MAIL, "Mia Mitglied");
                Flows.logIn(member, account.email(), Fixtures.PASSWORD);
                member.driver.get(BASE + "/groups/group.xhtml?slug=" + slug);
                waitFor(member, By.id("membershipForm:join"));
                Flows.clickAndWaitForNextPage(member, By.id("membershipForm:join"));
                waitFor(member, By.id("myRole"));
                member.driver.get(BASE + "/groups/settings.xhtml?slug=" + slug);
                assertTrue(member.driver.getPageSource().contains("Das dürfen Sie hier nicht"), "members do not change settings");
                assertAccessible(member);

                current = admin;
                admin.driver.get(BASE + "/groups/settings.xhtml?slug=" + slug);
                waitFor(admin, By.id("archiveForm:archive"));
                clickAndConfirm(admin, By.id("archiveForm:archive"));
                waitFor(admin, By.id("archivedNotice"));
                assertAccessible(admin);

                current = member;
                member.driver.get(BASE + "/groups/group.xhtml?slug=" + slug);
                waitFor(member, By.id("archivedNotice"));
                assertTrue(member.driver.findElements(By.id("membershipForm:leave")).isEmpty(), "an archived group is read-only");

                member.driver.get(BASE + "/fields/field.xhtml?slug=ehrenamt");
                waitFor(member, By.tagName("h1"));
                assertAccessible(member);
                member.driver.get(BASE + "/groups/group.xhtml?slug=gibt-es-nicht");
                waitFor(member, By.tagName("h1"));
                assertEquals("Diese Seite gibt es nicht, oder Sie haben keinen Zugriff darauf.", member.driver.findElement(By.tagName("h1")).getText());
                assertAccessible(member);
                member.driver.get(BASE + "/admin/index.xhtml");
                waitFor(member, By.tagName("h1"));
                assertTrue(member.driver.getPageSource().contains("gibt es nicht"), "the administration is invisible to members");
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("administration");
                throw e;
            }
        }
    }
}
