package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API's use cases end to end: first-administrator setup, bearer tokens, the own profile, groups,
 * invitations (also as the way to create accounts), join requests, members, the audit log, and the error format.
 * Who may do what in every combination is {@link ApiPermissionsIT}'s job.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    private static JsonObject json(String key, String value) {
        return Json.createObjectBuilder().add(key, value).build();
    }

    private static ApiClient.Answer expect(int status, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        return answer;
    }

    private static void expectProblem(int status, String code, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(status, answer.json().getInt("status"));
        assertEquals(code, answer.json().getString("code"), answer.body());
        assertFalse(answer.json().getString("detail").isBlank());
    }

    @Test
    void setupCreatesTheFirstAdministratorOnceAndThenAnswers404() {
        JsonObject me = expect(200, Fixtures.admin().get("/me")).json();
        assertTrue(me.getBoolean("administrator"));
        assertEquals(Fixtures.ADMIN_EMAIL, me.getString("email"));

        ApiClient.Answer again = ApiClient.guest().post("/setup", Json.createObjectBuilder()
                .add("setupCode", Fixtures.SETUP_CODE).add("email", Fixtures.unique("zweite") + "@zw-example.de")
                .add("displayName", "Zweite").add("password", Fixtures.PASSWORD).build());
        expectProblem(404, "error.notFound", again);
    }

    @Test
    void guestsAndBadTokens() {
        ApiClient.Answer guest = ApiClient.guest().get("/me");
        expectProblem(401, "error.loginRequired", guest);
        assertTrue(guest.header("WWW-Authenticate").startsWith("Bearer"));
        // Reading what everyone may read needs no token.
        expect(200, ApiClient.guest().get("/regions"));

        for (String header : new String[]{"Bearer", "Bearer zw_unbekannt", "Basic YWRhOmFkYQ==", "Bearer " + "x".repeat(500)}) {
            ApiClient.Answer refused = ApiClient.withAuthorization(header).get("/regions");
            expectProblem(401, "rest.token.invalid", refused);
            assertTrue(refused.header("WWW-Authenticate").contains("invalid_token"), header);
        }
    }

    @Test
    void personalAccessTokensAreShownOnceListedWithoutSecretAndRevocable() {
        Fixtures.Account account = Fixtures.createAccount(MAIL, "Tina Token");
        ApiClient.Answer created = expect(201, account.api().post("/me/tokens", json("name", "Kalender-Skript")));
        String secret = created.json().getString("secret");
        assertTrue(secret.startsWith("zw_"), secret);
        long id = created.json().getJsonNumber("id").longValue();

        var listed = expect(200, account.api().get("/me/tokens")).array().stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        assertEquals("Kalender-Skript", listed.getString("name"));
        assertFalse(listed.containsKey("secret"), listed.toString());
        assertTrue(secret.startsWith(listed.getString("prefix")));

        expectProblem(400, "token.name.invalid", account.api().post("/me/tokens", json("name", " ")));
        expect(200, ApiClient.bearer(secret).get("/me"));
        expect(204, account.api().delete("/me/tokens/" + id));
        expectProblem(401, "rest.token.invalid", ApiClient.bearer(secret).get("/me"));
        expectProblem(404, "error.notFound", account.api().delete("/me/tokens/987654321"));
    }

    @Test
    void theOwnProfileIsReadAndChangedWithItsVersion() {
        Fixtures.Account account = Fixtures.createAccount(MAIL, "Paula Profil");
        JsonObject profile = expect(200, account.api().get("/me")).json();
        assertEquals(account.email(), profile.getString("email"));
        assertFalse(profile.getBoolean("administrator"));
        int version = profile.getInt("version");

        JsonObject change = Json.createObjectBuilder().add("version", version).add("displayName", "Paula P.")
                .add("organisation", "Streuobst e. V.").add("region", "halle").add("language", "en").build();
        JsonObject changed = expect(200, account.api().put("/me", change)).json();
        assertEquals("Paula P.", changed.getString("displayName"));
        assertEquals("halle", changed.getString("region"));
        assertEquals("EN", changed.getString("language"));
        assertTrue(changed.getInt("version") > version);

        expectProblem(409, "error.changedMeanwhile", account.api().put("/me", change));
        expectProblem(400, "rest.version.required", account.api().put("/me", json("displayName", "Ohne Version")));
        expectProblem(400, "rest.language.invalid", account.api().put("/me", Json.createObjectBuilder()
                .add("version", changed.getInt("version")).add("displayName", "P").add("language", "fr").build()));
        expectProblem(401, "error.loginRequired", ApiClient.guest().put("/me", change));
    }

    @Test
    void groupsAreCreatedFoundChangedArchivedAndGetModerators() {
        Fixtures.Account moderator = Fixtures.createAccount(MAIL, "Moritz Moderation");
        Fixtures.Account second = Fixtures.createAccount(MAIL, "Selma Zweite");
        String slug = Fixtures.unique("obstwiesen");
        JsonObject input = Json.createObjectBuilder().add("slug", slug).add("name", "Obstwiesen " + slug)
                .add("description", "Wir pflegen Streuobstwiesen.").add("actionFields", Json.createArrayBuilder().add("ehrenamt"))
                .add("regions", Json.createArrayBuilder().add("halle")).add("visibility", "PUBLIC")
                .add("joinPolicy", "OPEN").add("moderators", Json.createArrayBuilder().add(moderator.email())).build();

        expectProblem(403, "error.forbidden", moderator.api().post("/groups", input));
        ApiClient.Answer created = expect(201, Fixtures.admin().post("/groups", input));
        assertEquals(ApiClient.BASE + "/groups/" + slug, created.header("Location"));
        expectProblem(409, "group.slug.taken", Fixtures.admin().post("/groups", input));

        JsonObject group = expect(200, ApiClient.guest().get("/groups/" + slug)).json();
        assertEquals("PUBLIC", group.getString("visibility"));
        assertEquals(1, group.getInt("memberCount"));
        JsonObject page = expect(200, ApiClient.guest().get("/groups?actionField=ehrenamt&region=halle&visibility=public&q="
                + slug + "&first=0&size=5")).json();
        assertEquals(1, page.getInt("total"));
        assertEquals(5, page.getInt("size"));
        assertEquals(slug, page.getJsonArray("items").getJsonObject(0).getString("slug"));

        JsonObject change = Json.createObjectBuilder().add("version", group.getInt("version")).add("name", "Streuobst " + slug)
                .add("actionFields", Json.createArrayBuilder().add("ehrenamt")).add("visibility", "PRIVATE")
                .add("joinPolicy", "REQUEST").build();
        JsonObject changed = expect(200, moderator.api().put("/groups/" + slug, change)).json();
        assertEquals("PRIVATE", changed.getString("visibility"));
        expectProblem(409, "error.changedMeanwhile", moderator.api().put("/groups/" + slug, change));

        expect(204, Fixtures.admin().post("/groups/" + slug + "/moderators", json("email", second.email())));
        var mine = expect(200, second.api().get("/me/groups")).array();
        assertEquals("MODERATOR", mine.getJsonObject(0).getString("myRole"));
        expectProblem(403, "error.forbidden", moderator.api().post("/groups/" + slug + "/moderators", json("email", moderator.email())));

        expect(204, Fixtures.admin().post("/groups/" + slug + "/archive"));
        assertEquals(0, ApiClient.guest().get("/groups?q=" + slug).json().getInt("total"));
        assertEquals(1, ApiClient.guest().get("/groups?archived=true&q=" + slug).json().getInt("total"));
        expectProblem(403, "error.forbidden", moderator.api().put("/groups/" + slug, Json.createObjectBuilder(change)
                .add("version", changed.getInt("version")).build()));
        expect(204, Fixtures.admin().delete("/groups/" + slug + "/archive"));
        assertFalse(ApiClient.guest().get("/groups/" + slug).json().getBoolean("archived"));

        JsonObject audit = expect(200, moderator.api().get("/groups/" + slug + "/audit?size=50")).json();
        assertTrue(audit.getJsonArray("items").stream().map(e -> e.asJsonObject().getString("action")).toList()
                .containsAll(java.util.List.of("group.created", "group.updated", "group.archived", "moderator.appointed")), audit.toString());
        expectProblem(403, "error.forbidden", moderator.api().get("/audit"));
        assertTrue(expect(200, Fixtures.admin().get("/audit?size=1")).json().getInt("total") > 0);
    }

    @Test
    void invitationsAreAcceptedByAccountsAndCreateNewOnes() {
        Fixtures.Account moderator = Fixtures.createAccount(MAIL, "Ina Einladend");
        Fixtures.Account existing = Fixtures.createAccount(MAIL, "Erik Eingeladen");
        String slug = Fixtures.createGroup("HIDDEN", "INVITATION", moderator.email()).getString("slug");

        expect(201, moderator.api().post("/groups/" + slug + "/invitations", json("email", existing.email())));
        String secret = Fixtures.invitationSecret(MAIL, existing.email());
        JsonObject joined = expect(200, existing.api().post("/invitations/accept", json("token", secret))).json();
        assertEquals(slug, joined.getString("slug"));
        assertEquals("MEMBER", joined.getString("myRole"));
        expectProblem(409, "invitation.unusable", existing.api().post("/invitations/accept", json("token", secret)));
        expectProblem(404, "error.notFound", existing.api().post("/invitations/accept", json("token", "erfunden")));

        // A new person: a refused token name rolls everything back, so the link still works afterwards.
        String email = Fixtures.unique("neu") + "@zw-example.de";
        long invitation = expect(201, moderator.api().post("/groups/" + slug + "/invitations", json("email", email)))
                .json().getJsonNumber("id").longValue();
        assertTrue(moderator.api().get("/groups/" + slug + "/invitations").array().stream()
                .anyMatch(i -> i.asJsonObject().getString("email").equals(email)));
        String newSecret = Fixtures.invitationSecret(MAIL, email);
        JsonObject registration = Json.createObjectBuilder().add("token", newSecret).add("displayName", "Nele Neu")
                .add("password", Fixtures.PASSWORD).add("language", "en").add("tokenName", "x".repeat(101)).build();
        expectProblem(400, "token.name.invalid", ApiClient.guest().post("/invitations/accept-new", registration));
        JsonObject registered = expect(201, ApiClient.guest().post("/invitations/accept-new",
                Json.createObjectBuilder(registration).add("tokenName", "Nele's Skript").build())).json();
        assertEquals(slug, registered.getString("group"));
        ApiClient nele = ApiClient.bearer(registered.getString("token"));
        assertEquals("EN", expect(200, nele.get("/me")).json().getString("language"));
        assertEquals("MEMBER", expect(200, nele.get("/groups/" + slug)).json().getString("myRole"));
        expectProblem(409, "invitation.unusable", ApiClient.guest().post("/invitations/accept-new", registration));
        assertFalse(moderator.api().get("/groups/" + slug + "/invitations").array().stream()
                .anyMatch(i -> i.asJsonObject().getJsonNumber("id").longValue() == invitation));

        // Without a token name there is no token, and the moderator may withdraw an invitation.
        String third = Fixtures.unique("dritte") + "@zw-example.de";
        long withdrawn = expect(201, moderator.api().post("/groups/" + slug + "/invitations", json("email", third)))
                .json().getJsonNumber("id").longValue();
        expectProblem(404, "error.notFound", ApiClient.bearer(Fixtures.createAccount(MAIL, "Fremd").token())
                .delete("/invitations/" + withdrawn));
        expect(204, moderator.api().delete("/invitations/" + withdrawn));
        expectProblem(409, "invitation.unusable", ApiClient.guest().post("/invitations/accept-new", Json.createObjectBuilder()
                .add("token", Fixtures.invitationSecret(MAIL, third)).add("displayName", "Dora").add("password", Fixtures.PASSWORD).build()));
        String fourth = Fixtures.unique("vierte") + "@zw-example.de";
        expect(201, moderator.api().post("/groups/" + slug + "/invitations", json("email", fourth)));
        JsonObject tokenless = expect(201, ApiClient.guest().post("/invitations/accept-new", Json.createObjectBuilder()
                .add("token", Fixtures.invitationSecret(MAIL, fourth)).add("displayName", "Vera").add("password", Fixtures.PASSWORD)
                .build())).json();
        assertNull(tokenless.get("token"));
        assertNotNull(tokenless.get("accountId"));
    }

    @Test
    void joinRequestsAreAskedListedAndDecided() {
        Fixtures.Account moderator = Fixtures.createAccount(MAIL, "Dana Entscheidung");
        Fixtures.Account asking = Fixtures.createAccount(MAIL, "Anton Anfrage");
        String slug = Fixtures.createGroup("PRIVATE", "REQUEST", moderator.email()).getString("slug");

        long id = expect(201, asking.api().post("/groups/" + slug + "/requests", json("message", "Ich habe eine Obstpresse.")))
                .json().getJsonNumber("id").longValue();
        expectProblem(409, "request.pending", asking.api().post("/groups/" + slug + "/requests", json("message", "Nochmal")));
        JsonObject mine = asking.api().get("/me/requests").array().getJsonObject(0);
        assertEquals("PENDING", mine.getString("state"));
        JsonObject pending = expect(200, moderator.api().get("/groups/" + slug + "/requests")).json();
        assertEquals(id, pending.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals("Ich habe eine Obstpresse.", pending.getJsonArray("items").getJsonObject(0).getString("message"));
        expectProblem(404, "error.notFound", asking.api().get("/groups/" + slug + "/members"));

        expect(204, moderator.api().post("/requests/" + id + "/approve"));
        assertEquals("APPROVED", asking.api().get("/me/requests").array().getJsonObject(0).getString("state"));
        assertEquals(2, expect(200, asking.api().get("/groups/" + slug + "/members")).json().getInt("total"));
        expectProblem(409, "request.decided", moderator.api().post("/requests/" + id + "/deny"));
    }

    @Test
    void membersJoinLeaveAreRemovedAndChangeRoles() {
        Fixtures.Account moderator = Fixtures.createAccount(MAIL, "Olga Offen");
        Fixtures.Account joining = Fixtures.createAccount(MAIL, "Jan Beitritt");
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", moderator.email()).getString("slug");
        String members = "/groups/" + slug + "/members";

        expect(201, joining.api().post(members));
        expectProblem(403, "error.forbidden", joining.api().post(members));
        JsonObject list = expect(200, joining.api().get(members + "?q=beitritt&size=10")).json();
        assertEquals(1, list.getInt("total"));
        assertEquals(joining.id(), list.getJsonArray("items").getJsonObject(0).getJsonNumber("accountId").longValue());

        expect(204, moderator.api().put(members + "/" + joining.id() + "/role", json("role", "MODERATOR")));
        assertEquals("MODERATOR", joining.api().get("/groups/" + slug).json().getString("myRole"));
        expect(204, joining.api().put(members + "/" + moderator.id() + "/role", json("role", "MEMBER")));
        expectProblem(409, "membership.lastModerator", joining.api().delete(members + "/me"));
        expectProblem(400, "rest.body.invalid", joining.api().put(members + "/" + moderator.id() + "/role", json("role", "KOENIG")));
        expect(204, joining.api().delete(members + "/" + moderator.id()));
        expectProblem(404, "error.notFound", joining.api().delete(members + "/" + moderator.id()));

        expect(201, moderator.api().post(members));
        expect(204, moderator.api().delete(members + "/me"));
        expectProblem(409, "membership.lastModerator", joining.api().delete(members + "/me"));
    }

    @Test
    void administratorsRenameActionFieldsAndRegions() {
        Fixtures.Account someone = Fixtures.createAccount(MAIL, "Rudi Region");
        JsonObject region = ApiClient.guest().get("/regions").array().getJsonObject(0);
        String path = "/regions/" + region.getJsonNumber("id").longValue();
        JsonObject rename = Json.createObjectBuilder().add("version", region.getInt("version"))
                .add("name", region.getString("name") + " (geprüft)").build();
        expectProblem(401, "error.loginRequired", ApiClient.guest().put(path, rename));
        expectProblem(403, "error.forbidden", someone.api().put(path, rename));
        expectProblem(404, "error.notFound", Fixtures.admin().put("/regions/987654321", rename));
        JsonObject renamed = expect(200, Fixtures.admin().put(path, rename)).json();
        try {
            assertEquals(region.getString("name") + " (geprüft)", renamed.getString("name"));
            expectProblem(409, "error.changedMeanwhile", Fixtures.admin().put(path, rename));
        } finally {
            expect(200, Fixtures.admin().put(path, Json.createObjectBuilder().add("version", renamed.getInt("version"))
                    .add("name", region.getString("name")).build()));
        }

        JsonObject field = ApiClient.guest().get("/action-fields").array().getJsonObject(9);
        String fieldPath = "/action-fields/" + field.getJsonNumber("id").longValue();
        JsonObject same = Json.createObjectBuilder().add("version", field.getInt("version")).add("name", field.getString("name"))
                .add("nameEn", field.getString("nameEn")).add("description", field.getString("description", "")).build();
        expectProblem(403, "error.forbidden", someone.api().put(fieldPath, same));
        assertEquals(field.getString("name"), expect(200, Fixtures.admin().put(fieldPath, same)).json().getString("name"));
        expectProblem(404, "error.notFound", Fixtures.admin().put("/action-fields/kein-zahl", same));
    }

    @Test
    void badRequestsAnswerProblemJson() {
        ApiClient admin = Fixtures.admin();
        expectProblem(400, "rest.body.invalid", admin.postRaw("/groups", "{\"name\": "));
        expectProblem(400, "rest.body.invalid", admin.postRaw("/groups", "{\"slug\": \"x\", \"visibility\": \"GEHEIM\"}"));
        expectProblem(400, "rest.body.invalid", admin.postRaw("/groups", "[1, 2]"));
        expectProblem(400, "rest.body.missing", admin.postRaw("/groups", ""));
        expectProblem(400, "group.name.required", admin.postRaw("/groups", "{}"));
        expectProblem(400, "rest.parameter.invalid", ApiClient.guest().get("/groups?visibility=GEHEIM"));
        expectProblem(400, "rest.parameter.invalid", ApiClient.guest().get("/groups?size=viele"));
        expectProblem(404, "error.notFound", ApiClient.guest().get("/gibt-es-nicht"));
        expectProblem(404, "error.notFound", ApiClient.guest().get("/groups/gibt-es-nicht"));
        expectProblem(404, "error.notFound", admin.post("/requests/gibt-es-nicht/approve"));
        ApiClient.Answer wrongMethod = ApiClient.guest().delete("/regions");
        expectProblem(405, "rest.method.notAllowed", wrongMethod);
        assertTrue(wrongMethod.header("Allow").contains("GET"), wrongMethod.header("Allow"));
    }
}
