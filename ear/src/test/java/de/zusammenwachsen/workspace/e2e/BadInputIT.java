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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input gets a clear German message and leaves nothing half-written: overlong and missing fields, unknown
 * references, hostile text, double submits racing each other.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    private static JsonObject group(String slug, String name, String description, String field) {
        return Json.createObjectBuilder().add("slug", slug).add("name", name).add("description", description)
                .add("actionFields", Json.createArrayBuilder().add(field)).add("regions", Json.createArrayBuilder())
                .add("visibility", "PUBLIC").add("joinPolicy", "OPEN").add("moderators", Json.createArrayBuilder()).build();
    }

    private static void refused(int status, String code, String germanText, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(code, answer.json().getString("code"), answer.body());
        assertTrue(answer.json().getString("detail").contains(germanText), answer.body());
    }

    @Test
    void invalidGroupsAreRefusedAndNothingIsWritten() {
        String slug = Fixtures.unique("kaputt");
        refused(400, "group.name.tooLong", "höchstens 150 Zeichen",
                Fixtures.admin().post("/groups", group(slug, "x".repeat(151), "", "ehrenamt")));
        refused(400, "group.description.tooLong", "höchstens 5.000 Zeichen",
                Fixtures.admin().post("/groups", group(slug, "Name", "x".repeat(5001), "ehrenamt")));
        refused(400, "group.actionField.unknown", "gibt es nicht",
                Fixtures.admin().post("/groups", group(slug, "Name", "", "gibt-es-nicht")));
        refused(400, "group.slug.invalid", "Kleinbuchstaben",
                Fixtures.admin().post("/groups", group("<script>", "Name", "", "ehrenamt")));
        refused(400, "group.name.required", "Namen",
                Fixtures.admin().post("/groups", group(slug, "   ", "", "ehrenamt")));
        assertEquals(404, Fixtures.admin().get("/groups/" + slug).status(), "no refused attempt left a group behind");
    }

    @Test
    void scriptInNamesIsStoredAsTextAndReturnedUnchanged() {
        String slug = Fixtures.unique("skript");
        String name = "<img src=x onerror=alert(1)> Gruppe";
        assertEquals(201, Fixtures.admin().post("/groups", group(slug, name, "<script>alert(1)</script>", "ehrenamt")).status());
        JsonObject stored = Fixtures.admin().get("/groups/" + slug).json();
        assertEquals(name, stored.getString("name"), "the API returns the text as entered; pages escape it");
    }

    @Test
    void overlongProfileAndRequestFieldsChangeNothing() {
        Fixtures.Account account = Fixtures.createAccount(MAIL, "Berta Beispiel");
        JsonObject me = account.api().get("/me").json();
        JsonObject change = Json.createObjectBuilder().add("version", me.getInt("version")).add("displayName", "Berta")
                .add("bio", "x".repeat(2001)).add("language", "de").build();
        refused(400, "profile.bio.tooLong", "höchstens 2.000 Zeichen", account.api().put("/me", change));
        assertEquals("Berta Beispiel", account.api().get("/me").json().getString("displayName"), "nothing was half-saved");

        JsonObject created = Fixtures.createGroup("PUBLIC", "REQUEST");
        String slug = created.getString("slug");
        refused(400, "request.message.tooLong", "höchstens 1.000 Zeichen",
                account.api().post("/groups/" + slug + "/requests", Json.createObjectBuilder().add("message", "x".repeat(1001)).build()));
        assertEquals(201, account.api().post("/groups/" + slug + "/requests", Json.createObjectBuilder().add("message", "Hallo").build()).status(),
                "the refused request left no open request behind");
        refused(400, "email.invalid", "gültige E-Mail-Adresse", Fixtures.admin().post("/groups/" + slug + "/invitations",
                Json.createObjectBuilder().add("email", "<script>@x").build()));
    }

    @Test
    void aDoubleSubmitCreatesOneGroupAndOneMembership() throws Exception {
        String slug = Fixtures.unique("doppelt");
        JsonObject input = group(slug, "Doppelt abgeschickt", "", "ehrenamt");
        List<Integer> statuses = race(() -> Fixtures.admin().post("/groups", input).status());
        assertEquals(List.of(201, 409), statuses.stream().sorted().toList(), "exactly one of two simultaneous creations wins");

        Fixtures.Account joiner = Fixtures.createAccount(MAIL, "Doris Doppelklick");
        List<Integer> joins = race(() -> joiner.api().post("/groups/" + slug + "/members").status());
        assertEquals(201, joins.stream().sorted().toList().get(0), joins.toString());
        assertTrue(joins.stream().sorted().toList().get(1) >= 400, "the second click is refused: " + joins);
        assertEquals(2, Fixtures.admin().get("/groups/" + slug).json().getInt("memberCount"), "one membership, plus the moderator");
    }

    private static List<Integer> race(Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> result = new ArrayList<>();
            for (Future<Integer> f : futures) {
                result.add(f.get());
            }
            return result;
        } finally {
            pool.shutdown();
        }
    }
}
