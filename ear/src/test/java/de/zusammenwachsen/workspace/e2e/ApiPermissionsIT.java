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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The permission matrix through the REST API, with real accounts: five kinds of caller × three visibilities × the
 * actions on a group, each cell an HTTP status. The expected table is written from the rules of the issue, not from
 * the access policy: a group the caller may not see answers 404 whatever the action; a refused look at the members
 * answers 404 too, and so does a refused action on what concerns them (join requests, invitations) for a caller
 * who may not see the members; any other refusal answers 401 to guests and 403 to everyone else.
 *
 * <p>Every cell of a changing action gets a fresh group, so that one cell's success cannot spoil the next. Each
 * group is created by the administrator with the moderator, a member and a "target" member (whom the cells remove
 * or promote); its join policy fits the action (OPEN to join, REQUEST to ask and to decide requests, INVITATION to
 * invite), and for the decisions it carries a pending request of yet another account.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiPermissionsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    enum Who { GUEST, NETWORK, MEMBER, MODERATOR, ADMIN }

    enum Action { SEE_GROUP, SEE_MEMBERS, JOIN, REQUEST, APPROVE, DENY, INVITE, REMOVE_MEMBER, CHANGE_ROLE, EDIT_SETTINGS, ARCHIVE }

    private static final String EXPECTED = """
            # action        visibility  guest  network  member  moderator  admin
            SEE_GROUP       PUBLIC      200    200      200     200        200
            SEE_GROUP       PRIVATE     200    200      200     200        200
            SEE_GROUP       HIDDEN      404    404      200     200        200
            SEE_MEMBERS     PUBLIC      404    200      200     200        200
            SEE_MEMBERS     PRIVATE     404    404      200     200        200
            SEE_MEMBERS     HIDDEN      404    404      200     200        200
            JOIN            PUBLIC      401    201      403     403        201
            JOIN            PRIVATE     401    201      403     403        201
            JOIN            HIDDEN      404    404      403     403        403
            REQUEST         PUBLIC      401    201      403     403        201
            REQUEST         PRIVATE     401    201      403     403        201
            REQUEST         HIDDEN      404    404      403     403        403
            APPROVE         PUBLIC      404    403      403     204        204
            APPROVE         PRIVATE     404    404      403     204        204
            APPROVE         HIDDEN      404    404      403     204        204
            DENY            PUBLIC      404    403      403     204        204
            DENY            PRIVATE     404    404      403     204        204
            DENY            HIDDEN      404    404      403     204        204
            INVITE          PUBLIC      404    403      403     201        201
            INVITE          PRIVATE     404    404      403     201        201
            INVITE          HIDDEN      404    404      403     201        201
            REMOVE_MEMBER   PUBLIC      401    403      403     204        204
            REMOVE_MEMBER   PRIVATE     401    403      403     204        204
            REMOVE_MEMBER   HIDDEN      404    404      403     204        204
            CHANGE_ROLE     PUBLIC      401    403      403     204        204
            CHANGE_ROLE     PRIVATE     401    403      403     204        204
            CHANGE_ROLE     HIDDEN      404    404      403     204        204
            EDIT_SETTINGS   PUBLIC      401    403      403     200        200
            EDIT_SETTINGS   PRIVATE     401    403      403     200        200
            EDIT_SETTINGS   HIDDEN      404    404      403     200        200
            ARCHIVE         PUBLIC      401    403      403     403        204
            ARCHIVE         PRIVATE     401    403      403     403        204
            ARCHIVE         HIDDEN      404    404      403     403        204
            """;

    private static final String[] VISIBILITIES = {"PUBLIC", "PRIVATE", "HIDDEN"};

    /** A group prepared for one cell: its slug, current version and the pending request (or -1). */
    private record Group(String slug, int version, long requestId) {
    }

    private static Map<Who, ApiClient> callers;
    private static Fixtures.Account moderator;
    private static Fixtures.Account member;
    private static Fixtures.Account target;
    private static Fixtures.Account requester;
    private static final Map<String, Group> READ_ONLY_GROUPS = new HashMap<>();

    /** The accounts, made once for the class (each costs an invitation mail and a password hash). */
    private static synchronized void accounts() {
        if (callers != null) {
            return;
        }
        Fixtures.Account network = Fixtures.createAccount(MAIL, "Nora Netzwerk");
        member = Fixtures.createAccount(MAIL, "Max Mitglied");
        moderator = Fixtures.createAccount(MAIL, "Mona Moderation");
        target = Fixtures.createAccount(MAIL, "Tom Ziel");
        requester = Fixtures.createAccount(MAIL, "Rita Anfrage");
        callers = new EnumMap<>(Who.class);
        callers.put(Who.GUEST, ApiClient.guest());
        callers.put(Who.NETWORK, network.api());
        callers.put(Who.MEMBER, member.api());
        callers.put(Who.MODERATOR, moderator.api());
        callers.put(Who.ADMIN, Fixtures.admin());
    }

    @Test
    void seeGroup() {
        check(Action.SEE_GROUP);
    }

    @Test
    void seeMembers() {
        check(Action.SEE_MEMBERS);
    }

    @Test
    void join() {
        check(Action.JOIN);
    }

    @Test
    void requestToJoin() {
        check(Action.REQUEST);
    }

    @Test
    void approveRequest() {
        check(Action.APPROVE);
    }

    @Test
    void denyRequest() {
        check(Action.DENY);
    }

    @Test
    void invite() {
        check(Action.INVITE);
    }

    @Test
    void removeMember() {
        check(Action.REMOVE_MEMBER);
    }

    @Test
    void promoteMember() {
        check(Action.CHANGE_ROLE);
    }

    @Test
    void editSettings() {
        check(Action.EDIT_SETTINGS);
    }

    @Test
    void archive() {
        check(Action.ARCHIVE);
    }

    @Test
    void hiddenGroupsNeverAppearInTheDirectoryForNonMembers() {
        accounts();
        Group hidden = fresh("HIDDEN", "INVITATION", false);
        String search = "/groups?q=" + hidden.slug() + "&size=100";
        for (Who who : Who.values()) {
            boolean listed = callers.get(who).get(search).json().getJsonArray("items").stream()
                    .anyMatch(item -> item.asJsonObject().getString("slug").equals(hidden.slug()));
            boolean insider = who == Who.MEMBER || who == Who.MODERATOR || who == Who.ADMIN;
            assertEquals(insider, listed, who + " lists the hidden group");
        }
        // Not even with the visibility filter or through the archive.
        assertEquals(0, callers.get(Who.NETWORK).get(search + "&visibility=HIDDEN&archived=true").json().getInt("total"));
    }

    @Test
    void aRevokedTokenIsRefusedWith401() {
        accounts();
        ApiClient moderatorApi = callers.get(Who.MODERATOR);
        JsonObject token = moderatorApi.post("/me/tokens", Json.createObjectBuilder().add("name", "kurzlebig").build()).json();
        ApiClient shortLived = ApiClient.bearer(token.getString("secret"));
        assertEquals(200, shortLived.get("/me").status());
        assertEquals(204, moderatorApi.delete("/me/tokens/" + token.getJsonNumber("id").longValue()).status());

        ApiClient.Answer refused = shortLived.get("/me");
        assertEquals(401, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(refused.header("WWW-Authenticate").startsWith("Bearer"), refused.header("WWW-Authenticate"));
        assertEquals("rest.token.invalid", refused.json().getString("code"));
        // Also where a guest would be welcome: a bad token is never quietly downgraded to a guest.
        assertEquals(401, shortLived.get("/regions").status());
        // Someone else's token cannot be revoked, and looks like a missing one.
        assertEquals(404, callers.get(Who.MEMBER).delete("/me/tokens/" + token.getJsonNumber("id").longValue()).status());
    }

    @Test
    void aTamperedRequestIdAnswers404() {
        accounts();
        Group group = fresh("PUBLIC", "REQUEST", true);
        for (Who who : List.of(Who.MODERATOR, Who.ADMIN)) {
            ApiClient.Answer missing = callers.get(who).post("/requests/" + (group.requestId() + 1_000_000) + "/approve");
            assertEquals(404, missing.status(), who + ": " + missing.body());
            assertEquals(404, callers.get(who).post("/requests/" + group.requestId() + "x/deny").status());
        }
        // A moderator of another group learns nothing about this group's requests.
        Group other = fresh("HIDDEN", "REQUEST", true);
        assertEquals(404, callers.get(Who.NETWORK).post("/requests/" + other.requestId() + "/approve").status());
        assertEquals(204, callers.get(Who.MODERATOR).post("/requests/" + group.requestId() + "/approve").status());
    }

    /**
     * The security probe's finding: the ids of a private group's join requests and invitations answered 403 to an
     * outsider where an unknown id answers 404, which told that they exist. Now an outsider gets the same 404 for
     * both, and for the group's lists of them; a member, who sees the members, is still told 403; nothing changed.
     */
    @Test
    void requestAndInvitationIdsOfAPrivateGroupAnswerOutsidersLikeUnknownIds() {
        accounts();
        Group group = fresh("PRIVATE", "REQUEST", true);
        ApiClient outsider = callers.get(Who.NETWORK);
        ApiClient.Answer invited = expect(callers.get(Who.MODERATOR).post("/groups/" + group.slug() + "/invitations",
                Json.createObjectBuilder().add("email", Fixtures.unique("gast") + "@zw-example.de").build()), 201);
        long invitation = invited.json().getJsonNumber("id").longValue();
        long unknownRequest = group.requestId() + 1_000_000;
        long unknownInvitation = invitation + 1_000_000;

        for (String decision : List.of("approve", "deny")) {
            ApiClient.Answer existing = outsider.post("/requests/" + group.requestId() + "/" + decision);
            ApiClient.Answer unknown = outsider.post("/requests/" + unknownRequest + "/" + decision);
            assertEquals(404, unknown.status(), unknown.body());
            assertEquals(404, existing.status(), existing.body());
            assertEquals(unknown.json().getString("code"), existing.json().getString("code"));
            assertEquals(404, callers.get(Who.GUEST).post("/requests/" + group.requestId() + "/" + decision).status());
        }
        ApiClient.Answer existing = outsider.delete("/invitations/" + invitation);
        ApiClient.Answer unknown = outsider.delete("/invitations/" + unknownInvitation);
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals(404, existing.status(), existing.body());
        assertEquals(unknown.json().getString("code"), existing.json().getString("code"));
        assertEquals(404, outsider.get("/groups/" + group.slug() + "/requests").status());
        assertEquals(404, outsider.get("/groups/" + group.slug() + "/invitations").status());

        assertEquals(403, callers.get(Who.MEMBER).post("/requests/" + group.requestId() + "/approve").status());
        assertEquals(403, callers.get(Who.MEMBER).delete("/invitations/" + invitation).status());

        ApiClient moderatorApi = callers.get(Who.MODERATOR);
        assertTrue(expect(moderatorApi.get("/groups/" + group.slug() + "/invitations"), 200).array().stream()
                .anyMatch(i -> i.asJsonObject().getJsonNumber("id").longValue() == invitation), "still open");
        assertEquals(1, expect(moderatorApi.get("/groups/" + group.slug() + "/requests"), 200).json().getInt("total"),
                "the request is still open");
        expect(moderatorApi.post("/requests/" + group.requestId() + "/deny"), 204);
        expect(moderatorApi.delete("/invitations/" + invitation), 204);
    }

    private void check(Action action) {
        accounts();
        List<String> wrong = new ArrayList<>();
        for (String visibility : VISIBILITIES) {
            int[] expected = expected(action, visibility);
            for (Who who : Who.values()) {
                ApiClient.Answer answer = perform(action, visibility, callers.get(who));
                if (answer.status() != expected[who.ordinal()]) {
                    wrong.add(action + " " + visibility + " as " + who + ": expected " + expected[who.ordinal()]
                            + ", got " + answer);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static int[] expected(Action action, String visibility) {
        for (String line : EXPECTED.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            if (cells[0].equals(action.name()) && cells[1].equals(visibility)) {
                int[] statuses = new int[Who.values().length];
                for (int i = 0; i < statuses.length; i++) {
                    statuses[i] = Integer.parseInt(cells[2 + i]);
                }
                return statuses;
            }
        }
        throw new IllegalArgumentException("no expectation for " + action + " " + visibility);
    }

    private ApiClient.Answer perform(Action action, String visibility, ApiClient as) {
        return switch (action) {
            case SEE_GROUP -> as.get("/groups/" + readOnly(visibility).slug());
            case SEE_MEMBERS -> as.get("/groups/" + readOnly(visibility).slug() + "/members");
            case JOIN -> as.post("/groups/" + fresh(visibility, "OPEN", false).slug() + "/members");
            case REQUEST -> as.post("/groups/" + fresh(visibility, "REQUEST", false).slug() + "/requests",
                    Json.createObjectBuilder().add("message", "Wir machen gern mit.").build());
            case APPROVE -> as.post("/requests/" + fresh(visibility, "REQUEST", true).requestId() + "/approve");
            case DENY -> as.post("/requests/" + fresh(visibility, "REQUEST", true).requestId() + "/deny");
            case INVITE -> as.post("/groups/" + fresh(visibility, "INVITATION", false).slug() + "/invitations",
                    Json.createObjectBuilder().add("email", Fixtures.unique("gast") + "@zw-example.de").build());
            case REMOVE_MEMBER -> as.delete("/groups/" + fresh(visibility, "OPEN", false).slug() + "/members/" + target.id());
            case CHANGE_ROLE -> as.put("/groups/" + fresh(visibility, "OPEN", false).slug() + "/members/" + target.id() + "/role",
                    Json.createObjectBuilder().add("role", "MODERATOR").build());
            case EDIT_SETTINGS -> {
                Group group = fresh(visibility, "OPEN", false);
                yield as.put("/groups/" + group.slug(), settings(group.version(), "Umbenannt", visibility, "OPEN"));
            }
            case ARCHIVE -> as.post("/groups/" + fresh(visibility, "OPEN", false).slug() + "/archive");
        };
    }

    private static synchronized Group readOnly(String visibility) {
        return READ_ONLY_GROUPS.computeIfAbsent(visibility, v -> fresh(v, "OPEN", false));
    }

    /**
     * A new group with moderator, member and target member. People can join only a listed open group, so it starts
     * PUBLIC and OPEN and gets its final settings last.
     */
    private static Group fresh(String visibility, String joinPolicy, boolean pendingRequest) {
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", moderator.email()).getString("slug");
        expect(member.api().post("/groups/" + slug + "/members"), 201);
        expect(target.api().post("/groups/" + slug + "/members"), 201);
        long requestId = -1;
        if (pendingRequest) {
            configure(slug, "PUBLIC", "REQUEST");
            requestId = expect(requester.api().post("/groups/" + slug + "/requests", Json.createObjectBuilder().build()), 201)
                    .json().getJsonNumber("id").longValue();
        }
        JsonObject group = configure(slug, visibility, joinPolicy);
        return new Group(slug, group.getInt("version"), requestId);
    }

    private static JsonObject configure(String slug, String visibility, String joinPolicy) {
        ApiClient admin = Fixtures.admin();
        int version = expect(admin.get("/groups/" + slug), 200).json().getInt("version");
        return expect(admin.put("/groups/" + slug, settings(version, "Gruppe " + slug, visibility, joinPolicy)), 200).json();
    }

    private static JsonObject settings(int version, String name, String visibility, String joinPolicy) {
        return Json.createObjectBuilder().add("version", version).add("name", name)
                .add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("visibility", visibility).add("joinPolicy", joinPolicy).build();
    }

    private static ApiClient.Answer expect(ApiClient.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        return answer;
    }
}
