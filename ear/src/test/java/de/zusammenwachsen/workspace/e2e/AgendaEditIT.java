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
import org.openqa.selenium.WebElement;

import java.time.LocalDate;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.clickAndWaitForNextPage;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static de.zusammenwachsen.workspace.e2e.MinutesFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editing agenda items on the meeting page: the moderator opens an item's edit form from its "Bearbeiten" link
 * (fields filled, German message next to an emptied title), saves a new title and duration; an edit of an item that
 * someone changed meanwhile shows the conflict with the item as it is now and keeps what was typed, and saving again
 * replaces it. A member gets the link only for their own waiting proposal, and {@code ?editItem=} of any other item
 * shows the ordinary proposal form. The edit form passes axe-core, with and without messages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgendaEditIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void moderatorEditsConflictKeepsTypedTextMemberOnlyOwnProposal() {
        Fixtures.Account mara = Fixtures.createAccount(MAIL, "Mara Moderation");
        Fixtures.Account max = Fixtures.createAccount(MAIL, "Max Mitglied");
        Fixtures.Account mia = Fixtures.createAccount(MAIL, "Mia Mitglied");
        String slug = Fixtures.createGroup("PRIVATE", "OPEN", mara.email()).getString("slug");
        for (Fixtures.Account member : new Fixtures.Account[]{max, mia}) {
            expect(201, member.api().post("/groups/" + slug + "/members"));
        }
        // Tomorrow: members may still propose.
        long meetingId = MinutesFixtures.plan(mara, slug, Fixtures.unique("Plenum"),
                LocalDate.now(MinutesFixtures.BERLIN).plusDays(1).atTime(18, 30).atZone(MinutesFixtures.BERLIN));
        long budget = item(mara, meetingId, "Haushalt 2027", 20);
        long maxProposal = item(max, meetingId, "Streuobstwiese", 15);
        long miaProposal = item(mia, meetingId, "Mitfahrbank", 10);
        String page = BASE + "/groups/meeting.xhtml?id=" + meetingId;

        try (Browser m = new Browser(); Browser b = new Browser()) {
            Browser current = m;
            try {
                // The moderator may edit every item and proposal.
                Flows.logIn(m, mara.email(), Fixtures.PASSWORD);
                m.driver.get(page);
                waitFor(m, By.id("agenda"));
                for (long item : new long[]{budget, maxProposal, miaProposal}) {
                    assertFalse(m.driver.findElements(By.id("editItem-" + item)).isEmpty(), "edit link of " + item);
                }
                assertEquals("Punkt hinzufügen", heading(m));
                clickAndWaitForNextPage(m, By.id("editItem-" + budget));
                waitFor(m, By.id("proposeForm:saveItem"));
                assertTrue(m.driver.getCurrentUrl().contains("editItem=" + budget), m.driver.getCurrentUrl());
                assertEquals("Tagesordnungspunkt bearbeiten", heading(m));
                assertEquals("Haushalt 2027", value(m, "proposeForm:itemTitle"));
                assertEquals("20", value(m, "proposeForm:itemMinutes"));
                assertTrue(m.driver.findElements(By.id("proposeForm:propose")).isEmpty(), "no second submit button");
                assertAccessible(m);

                // An emptied title: the German message next to the field, still the edit form.
                Flows.type(m, "proposeForm:itemTitle", " ");
                clickAndWaitForNextPage(m, By.id("proposeForm:saveItem"));
                waitFor(m, By.id("proposeForm:itemTitleMessage"));
                assertEquals("Bitte geben Sie dem Tagesordnungspunkt einen Titel.",
                        m.driver.findElement(By.id("proposeForm:itemTitleMessage")).getText());
                assertEquals("Tagesordnungspunkt bearbeiten", heading(m));
                assertAccessible(m);

                Flows.type(m, "proposeForm:itemTitle", "Haushalt 2027 und Förderanträge");
                Flows.type(m, "proposeForm:itemMinutes", "45");
                clickAndWaitForNextPage(m, By.id("proposeForm:saveItem"));
                waitFor(m, By.id("agenda-item-" + budget));
                assertFalse(m.driver.getCurrentUrl().contains("editItem"), m.driver.getCurrentUrl());
                assertTrue(m.driver.findElement(By.id("messages")).getText().contains("Der Tagesordnungspunkt ist gespeichert."),
                        m.driver.findElement(By.id("messages")).getText());
                String shown = m.driver.findElement(By.id("agenda-item-" + budget)).getText();
                assertTrue(shown.contains("Haushalt 2027 und Förderanträge") && shown.contains("45 Minuten"), shown);
                assertEquals("Punkt hinzufügen", heading(m));
                assertEquals("", value(m, "proposeForm:itemTitle"), "back to an empty form for a new item");

                // Someone changes the item while the form is open: the conflict, with the typed text kept.
                clickAndWaitForNextPage(m, By.id("editItem-" + budget));
                waitFor(m, By.id("proposeForm:saveItem"));
                JsonObject now = agendaItem(mara, meetingId, budget);
                expect(204, mara.api().put("/agenda-items/" + budget, Json.createObjectBuilder()
                        .add("title", "Haushalt 2027 (Kassenprüfung)").add("plannedMinutes", 30)
                        .add("version", now.getInt("version")).build()));
                Flows.type(m, "proposeForm:itemTitle", "Haushalt und Fördermittel 2027");
                Flows.type(m, "proposeForm:itemPresenter", "Kassenwartin");
                clickAndWaitForNextPage(m, By.id("proposeForm:saveItem"));
                waitFor(m, By.id("itemConflict"));
                String conflict = m.driver.findElement(By.id("itemConflict")).getText();
                assertTrue(conflict.contains("Jemand hat diesen Punkt inzwischen geändert")
                        && conflict.contains("Haushalt 2027 (Kassenprüfung)") && conflict.contains("30 Minuten"), conflict);
                assertEquals("Haushalt und Fördermittel 2027", value(m, "proposeForm:itemTitle"));
                assertEquals("Kassenwartin", value(m, "proposeForm:itemPresenter"));
                assertEquals("45", value(m, "proposeForm:itemMinutes"));
                assertTrue(m.driver.findElement(By.id("agenda-item-" + budget)).getText()
                        .contains("Haushalt 2027 (Kassenprüfung)"), "the agenda shows the item as it is now");
                assertAccessible(m);
                // Saving again, having seen the other change, replaces it.
                clickAndWaitForNextPage(m, By.id("proposeForm:saveItem"));
                waitFor(m, By.id("agenda-item-" + budget));
                shown = m.driver.findElement(By.id("agenda-item-" + budget)).getText();
                assertTrue(shown.contains("Haushalt und Fördermittel 2027") && shown.contains("Kassenwartin")
                        && shown.contains("45 Minuten"), shown);
                assertTrue(m.driver.findElements(By.id("itemConflict")).isEmpty());

                // A member: the link only on their own waiting proposal; other items' addresses show no edit form.
                current = b;
                Flows.logIn(b, max.email(), Fixtures.PASSWORD);
                b.driver.get(page);
                waitFor(b, By.id("proposals"));
                assertTrue(b.driver.findElements(By.id("editItem-" + budget)).isEmpty(), "no link on an accepted item");
                assertTrue(b.driver.findElements(By.id("editItem-" + miaProposal)).isEmpty(), "no link on Mia's proposal");
                assertFalse(b.driver.findElements(By.id("editItem-" + maxProposal)).isEmpty(), "a link on his own");
                for (long other : new long[]{budget, miaProposal}) {
                    b.driver.get(page + "&editItem=" + other);
                    waitFor(b, By.id("proposeForm:propose"));
                    assertEquals("Punkt vorschlagen", heading(b));
                    assertTrue(b.driver.findElements(By.id("proposeForm:saveItem")).isEmpty(), "no edit form for " + other);
                    assertEquals("", value(b, "proposeForm:itemTitle"));
                }
                b.driver.get(page);
                waitFor(b, By.id("proposals"));
                clickAndWaitForNextPage(b, By.id("editItem-" + maxProposal));
                waitFor(b, By.id("proposeForm:saveItem"));
                assertEquals("Streuobstwiese", value(b, "proposeForm:itemTitle"));
                assertAccessible(b);
                Flows.type(b, "proposeForm:itemTitle", "Streuobstwiese: Pflegetermine");
                clickAndWaitForNextPage(b, By.id("proposeForm:saveItem"));
                waitFor(b, By.id("proposal-" + maxProposal));
                assertTrue(b.driver.findElement(By.id("proposal-" + maxProposal)).getText()
                        .contains("Streuobstwiese: Pflegetermine"), b.driver.findElement(By.id("proposals")).getText());
                assertAccessible(b);
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("agenda-edit-failure");
                throw e;
            }
        }
    }

    private static long item(Fixtures.Account as, long meetingId, String title, int minutes) {
        return expect(201, as.api().post("/meetings/" + meetingId + "/agenda", Json.createObjectBuilder()
                .add("title", title).add("plannedMinutes", minutes).build())).json().getJsonNumber("id").longValue();
    }

    private static JsonObject agendaItem(Fixtures.Account as, long meetingId, long itemId) {
        return expect(200, as.api().get("/meetings/" + meetingId)).json().getJsonArray("agenda")
                .getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonNumber("id").longValue() == itemId).findFirst().orElseThrow();
    }

    private static String heading(Browser b) {
        return b.driver.findElement(By.id("proposeHeading")).getText();
    }

    private static String value(Browser b, String id) {
        WebElement field = b.driver.findElement(By.id(id));
        return field.getAttribute("value");
    }
}
