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

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who finds what: six kinds of caller × three visibilities × every kind of item search returns, in each state that
 * changes who may read it. The expected table is written from the rules of the issues, not from the search code:
 *
 * <ul>
 *   <li>a listed group (public, private) is found by everyone, guests included; a hidden one by its members;</li>
 *   <li>a group's content is for its members, and for every logged-in network member when the group is public;
 *       guests read no group's content;</li>
 *   <li>draft minutes are for members only; approved minutes, their decisions and action items are content;</li>
 *   <li>a published decision is found by everyone, guests included, whatever the group's visibility — but not the
 *       minutes it comes from;</li>
 *   <li>trashed documents and threads, and hidden posts, are for the moderators of that group (not for members,
 *       nor for a moderator of another group);</li>
 *   <li>administrators find everything; a former member finds what an outsider finds.</li>
 * </ul>
 *
 * <p>Every item of a group carries the group's own made-up word and nothing else does, so a search for it must
 * answer exactly the readable items: the hits, the total and the type facet are each compared with the table. The
 * word sits where only that item shows it (a thread's is in its opening post, which makes both the thread and that
 * post hits; a meeting's in its description, which its minutes do not show).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchPermissionsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    enum Who { GUEST, OUTSIDER, MEMBER, MODERATOR, ADMIN, FORMER }

    enum What {
        GROUP, DOCUMENT, TRASHED_DOCUMENT, THREAD, OPENING_POST, REPLY, HIDDEN_POST, TRASHED_THREAD,
        TRASHED_OPENING_POST, MEETING, DRAFT_MINUTES, APPROVED_MINUTES, DECISION, PUBLISHED_DECISION, ACTION_ITEM
    }

    /**
     * + found, - not found. An opening post is never a hit of its own: its text is found as its thread (one hit,
     * not two), so it answers for the thread's rows.
     */
    private static final String EXPECTED = """
            # item                 visibility  guest  outsider  member  moderator  admin  former
            GROUP                  PUBLIC      +      +         +       +          +      +
            GROUP                  PRIVATE     +      +         +       +          +      +
            GROUP                  HIDDEN      -      -         +       +          +      -
            DOCUMENT               PUBLIC      -      +         +       +          +      +
            DOCUMENT               PRIVATE     -      -         +       +          +      -
            DOCUMENT               HIDDEN      -      -         +       +          +      -
            TRASHED_DOCUMENT       PUBLIC      -      -         -       +          +      -
            TRASHED_DOCUMENT       PRIVATE     -      -         -       +          +      -
            TRASHED_DOCUMENT       HIDDEN      -      -         -       +          +      -
            THREAD                 PUBLIC      -      +         +       +          +      +
            THREAD                 PRIVATE     -      -         +       +          +      -
            THREAD                 HIDDEN      -      -         +       +          +      -
            OPENING_POST           PUBLIC      -      -         -       -          -      -
            OPENING_POST           PRIVATE     -      -         -       -          -      -
            OPENING_POST           HIDDEN      -      -         -       -          -      -
            REPLY                  PUBLIC      -      +         +       +          +      +
            REPLY                  PRIVATE     -      -         +       +          +      -
            REPLY                  HIDDEN      -      -         +       +          +      -
            HIDDEN_POST            PUBLIC      -      -         -       +          +      -
            HIDDEN_POST            PRIVATE     -      -         -       +          +      -
            HIDDEN_POST            HIDDEN      -      -         -       +          +      -
            TRASHED_THREAD         PUBLIC      -      -         -       +          +      -
            TRASHED_THREAD         PRIVATE     -      -         -       +          +      -
            TRASHED_THREAD         HIDDEN      -      -         -       +          +      -
            TRASHED_OPENING_POST   PUBLIC      -      -         -       -          -      -
            TRASHED_OPENING_POST   PRIVATE     -      -         -       -          -      -
            TRASHED_OPENING_POST   HIDDEN      -      -         -       -          -      -
            MEETING                PUBLIC      -      +         +       +          +      +
            MEETING                PRIVATE     -      -         +       +          +      -
            MEETING                HIDDEN      -      -         +       +          +      -
            DRAFT_MINUTES          PUBLIC      -      -         +       +          +      -
            DRAFT_MINUTES          PRIVATE     -      -         +       +          +      -
            DRAFT_MINUTES          HIDDEN      -      -         +       +          +      -
            APPROVED_MINUTES       PUBLIC      -      +         +       +          +      +
            APPROVED_MINUTES       PRIVATE     -      -         +       +          +      -
            APPROVED_MINUTES       HIDDEN      -      -         +       +          +      -
            DECISION               PUBLIC      -      +         +       +          +      +
            DECISION               PRIVATE     -      -         +       +          +      -
            DECISION               HIDDEN      -      -         +       +          +      -
            PUBLISHED_DECISION     PUBLIC      +      +         +       +          +      +
            PUBLISHED_DECISION     PRIVATE     +      +         +       +          +      +
            PUBLISHED_DECISION     HIDDEN      +      +         +       +          +      +
            ACTION_ITEM            PUBLIC      -      +         +       +          +      +
            ACTION_ITEM            PRIVATE     -      -         +       +          +      -
            ACTION_ITEM            HIDDEN      -      -         +       +          +      -
            """;

    private static final String[] VISIBILITIES = {"PUBLIC", "PRIVATE", "HIDDEN"};
    private static final Random RANDOM = new SecureRandom();

    private static Map<Who, ApiClient> callers;
    private static Map<Who, Fixtures.Account> people;
    private static final Map<String, Group> GROUPS = new HashMap<>();

    /** A group of one visibility: its slug, its word and what carries the word, as search would name it. */
    private record Group(String slug, String token, Map<What, Searches.Item> items) {
    }

    @Test
    void guests() {
        check(Who.GUEST);
    }

    @Test
    void outsidersEvenWhenTheyModerateAnotherGroup() {
        check(Who.OUTSIDER);
    }

    @Test
    void members() {
        check(Who.MEMBER);
    }

    @Test
    void moderators() {
        check(Who.MODERATOR);
    }

    @Test
    void administrators() {
        check(Who.ADMIN);
    }

    @Test
    void formerMembers() {
        check(Who.FORMER);
    }

    /** Narrowing to a group one may not see is the same 404 as an unknown group, not an empty result. */
    @Test
    void narrowingToAnInvisibleGroupIsNotFound() {
        accounts();
        Group hidden = group("HIDDEN");
        for (Who who : List.of(Who.GUEST, Who.OUTSIDER, Who.FORMER)) {
            ApiClient.Answer narrowed = callers.get(who).get("/search?q=" + hidden.token() + "&group=" + hidden.slug());
            ApiClient.Answer unknown = callers.get(who).get("/search?q=" + hidden.token() + "&group="
                    + Fixtures.unique("gibt-es-nicht"));
            assertEquals(404, narrowed.status(), who + ": " + narrowed.body());
            assertEquals(404, unknown.status(), who + ": " + unknown.body());
        }
        JsonObject member = Searches.search(callers.get(Who.MEMBER), hidden.token(), "&group=" + hidden.slug());
        assertEquals(expected(Who.MEMBER, "HIDDEN", hidden), Searches.items(member));
    }

    /** The register's rule in search: a private group's published decision for everyone, its minutes not. */
    @Test
    void aPublishedDecisionOfAPrivateGroupIsFoundByGuestsButNotItsMinutes() {
        accounts();
        Group closed = group("PRIVATE");
        Set<Searches.Item> found = Searches.items(Searches.search(ApiClient.guest(), closed.token()));
        assertTrue(found.contains(closed.items().get(What.PUBLISHED_DECISION)), found.toString());
        assertFalse(found.contains(closed.items().get(What.APPROVED_MINUTES)), found.toString());
        assertFalse(found.contains(closed.items().get(What.DECISION)), found.toString());
        JsonObject onlyDecisions = Searches.search(ApiClient.guest(), closed.token(), "&type=decision");
        assertEquals(Set.of(closed.items().get(What.PUBLISHED_DECISION)), Searches.items(onlyDecisions));
    }

    /**
     * A hidden group's published decision is found by everyone, but only its members learn whose it is: to the
     * others the hit names "eine Arbeitsgruppe des Netzwerks" without slug, and the group facet leaves the group out.
     * The group was hidden after its items were indexed (see {@link #create}), so the name is decided per query.
     */
    @Test
    void aHiddenGroupsPublishedDecisionIsFoundButItsGroupNotNamed() {
        accounts();
        Group hidden = group("HIDDEN");
        String name = expect(200, Fixtures.admin().get("/groups/" + hidden.slug())).json().getString("name");
        long decision = hidden.items().get(What.PUBLISHED_DECISION).id();
        for (Who who : Who.values()) {
            JsonObject result = Searches.search(callers.get(who), hidden.token());
            JsonObject hit = result.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                    .filter(h -> h.getString("type").equals("decision") && h.getJsonNumber("id").longValue() == decision)
                    .findFirst().orElseThrow(() -> new AssertionError(who + ": no published decision in " + result));
            JsonObject group = hit.getJsonObject("group");
            boolean facetNamesIt = result.getJsonObject("facets").getJsonArray("group").getValuesAs(JsonObject.class)
                    .stream().anyMatch(f -> f.getString("key").equals(hidden.slug()));
            boolean insider = who == Who.MEMBER || who == Who.MODERATOR || who == Who.ADMIN;
            if (insider) {
                assertEquals(name, group.getString("name"), who.toString());
                assertEquals(hidden.slug(), group.getString("slug"), who.toString());
                assertTrue(facetNamesIt, who + ": " + result.getJsonObject("facets"));
            } else {
                assertEquals("eine Arbeitsgruppe des Netzwerks", group.getString("name"), who + ": " + hit);
                assertTrue(!group.containsKey("slug") || group.isNull("slug"), who + ": " + hit);
                assertFalse(facetNamesIt, who + ": " + result.getJsonObject("facets"));
                assertFalse(result.toString().contains(hidden.slug()) || result.toString().contains(name),
                        who + ": " + result);
            }
        }
    }

    /**
     * A member removed from a private group finds its content no more with the very next search: readable groups
     * are decided per query, nothing is re-indexed.
     */
    @Test
    void aRemovedMemberNoLongerFindsPrivateContent() {
        accounts();
        Fixtures.Account leaving = Fixtures.createAccount(MAIL, "Lea Leaving");
        String token = Searches.token(RANDOM);
        String slug = createGroup(token, "Für Lea");
        Fixtures.Account moderator = people.get(Who.MODERATOR);
        expect(201, leaving.api().post("/groups/" + slug + "/members"));
        long document = document(moderator.api(), slug, "Satzung " + token);
        JsonObject thread = expect(201, moderator.api().post("/groups/" + slug + "/threads", Json.createObjectBuilder()
                .add("title", "Satzungsänderung").add("body", token + " steht zur Abstimmung.").build())).json();
        visibility(slug, "PRIVATE");
        long groupId = expect(200, Fixtures.admin().get("/groups/" + slug)).json().getJsonNumber("id").longValue();
        Searches.Item listed = new Searches.Item("group", groupId);
        // The opening post is found as its thread.
        Set<Searches.Item> content = Set.of(listed, new Searches.Item("document", document),
                new Searches.Item("thread", thread.getJsonNumber("threadId").longValue()));

        List<String> wrong = new ArrayList<>(Searches.differences("member", Searches.search(leaving.api(), token), content));
        expect(204, moderator.api().delete("/groups/" + slug + "/members/" + leaving.id()));
        wrong.addAll(Searches.differences("removed", Searches.search(leaving.api(), token), Set.of(listed)));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private void check(Who who) {
        accounts();
        List<String> wrong = new ArrayList<>();
        for (String visibility : VISIBILITIES) {
            Group group = group(visibility);
            JsonObject result = Searches.search(callers.get(who), group.token());
            wrong.addAll(Searches.differences(who + " in " + visibility, result, expected(who, visibility, group)));
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong) + "\n(items: " + itemNames() + ")");
    }

    private static Set<Searches.Item> expected(Who who, String visibility, Group group) {
        Set<Searches.Item> items = new TreeSet<>();
        for (String line : EXPECTED.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            if (cells[0].startsWith("#") || !cells[1].equals(visibility)) {
                continue;
            }
            if (cells[2 + who.ordinal()].equals("+")) {
                items.add(group.items().get(What.valueOf(cells[0])));
            }
        }
        return items;
    }

    private static String itemNames() {
        StringBuilder names = new StringBuilder();
        GROUPS.forEach((visibility, group) -> names.append(visibility).append(' ').append(group.items()).append("; "));
        return names.toString();
    }

    private static synchronized void accounts() {
        if (callers != null) {
            return;
        }
        people = new EnumMap<>(Who.class);
        people.put(Who.OUTSIDER, Fixtures.createAccount(MAIL, "Olga Außenstehend"));
        people.put(Who.MEMBER, Fixtures.createAccount(MAIL, "Max Mitglied"));
        people.put(Who.MODERATOR, Fixtures.createAccount(MAIL, "Mona Moderation"));
        people.put(Who.FORMER, Fixtures.createAccount(MAIL, "Frieda Früher"));
        // The outsider moderates a group of their own: being a moderator somewhere must not open another group's trash.
        Fixtures.createGroup("PUBLIC", "OPEN", people.get(Who.OUTSIDER).email());
        callers = new EnumMap<>(Who.class);
        callers.put(Who.GUEST, ApiClient.guest());
        people.forEach((who, account) -> callers.put(who, account.api()));
        callers.put(Who.ADMIN, Fixtures.admin());
    }

    private static synchronized Group group(String visibility) {
        return GROUPS.computeIfAbsent(visibility, SearchPermissionsIT::create);
    }

    /**
     * People can join only a listed open group, so it starts PUBLIC and OPEN; the member and the later former member
     * join, everything is written, the group gets its visibility, and the former member is removed last.
     */
    private static Group create(String visibility) {
        String token = Searches.token(RANDOM);
        String slug = createGroup(token, "Suchtest " + visibility);
        ApiClient member = people.get(Who.MEMBER).api();
        ApiClient moderator = people.get(Who.MODERATOR).api();
        expect(201, member.post("/groups/" + slug + "/members"));
        expect(201, people.get(Who.FORMER).api().post("/groups/" + slug + "/members"));
        Map<What, Searches.Item> items = new EnumMap<>(What.class);

        items.put(What.DOCUMENT, new Searches.Item("document", document(member, slug, "Leitbild " + token)));
        long trashedDocument = document(member, slug, "Alter Entwurf " + token);
        expect(204, member.delete("/documents/" + trashedDocument));
        items.put(What.TRASHED_DOCUMENT, new Searches.Item("document", trashedDocument));

        JsonObject thread = thread(member, slug, "Sommerfest", token + " bringt den Kuchen mit.");
        items.put(What.THREAD, new Searches.Item("thread", thread.getJsonNumber("threadId").longValue()));
        items.put(What.OPENING_POST, new Searches.Item("post", thread.getJsonNumber("postId").longValue()));
        long threadId = thread.getJsonNumber("threadId").longValue();
        items.put(What.REPLY, new Searches.Item("post", reply(moderator, threadId, "Danke, " + token + "!")));
        long hidden = reply(member, threadId, "Ein unfreundlicher Satz über " + token + ".");
        expect(204, moderator.put("/posts/" + hidden + "/hidden", Json.createObjectBuilder()
                .add("reason", "Bitte freundlich bleiben.").build()));
        items.put(What.HIDDEN_POST, new Searches.Item("post", hidden));
        JsonObject trashedThread = thread(member, slug, "Doppelt angelegt", token + " fragt zum zweiten Mal.");
        expect(204, moderator.delete("/threads/" + trashedThread.getJsonNumber("threadId").longValue()));
        items.put(What.TRASHED_THREAD, new Searches.Item("thread", trashedThread.getJsonNumber("threadId").longValue()));
        items.put(What.TRASHED_OPENING_POST, new Searches.Item("post", trashedThread.getJsonNumber("postId").longValue()));

        LocalDateTime next = LocalDate.now(MinutesFixtures.BERLIN).plusDays(14).atTime(18, 0);
        items.put(What.MEETING, new Searches.Item("meeting", expect(201, moderator.post("/groups/" + slug + "/meetings",
                Json.createObjectBuilder().add("title", "Plenum im Sommer").add("startsAt", next.toString())
                        .add("endsAt", next.plusHours(2).toString()).add("place", "Bürgerhaus")
                        .add("description", "Wir sprechen über " + token + ".").build())).json().getJsonNumber("id").longValue()));

        Fixtures.Account mod = people.get(Who.MODERATOR);
        MinutesFixtures.Meeting draftMeeting = MinutesFixtures.meeting(mod, slug);
        JsonObject draft = MinutesFixtures.start(mod, draftMeeting.id(), null);
        expect(200, moderator.put("/meetings/" + draftMeeting.id() + "/minutes", minutes(draft.getInt("version"),
                draftMeeting, "Entwurf: " + token + " berichtet.", null, null, null)));
        items.put(What.DRAFT_MINUTES, new Searches.Item("minutes", draft.getJsonNumber("id").longValue()));

        MinutesFixtures.Meeting approvedMeeting = MinutesFixtures.meeting(mod, slug);
        JsonObject approved = MinutesFixtures.start(mod, approvedMeeting.id(), null);
        expect(200, moderator.put("/meetings/" + approvedMeeting.id() + "/minutes", minutes(approved.getInt("version"),
                approvedMeeting, "Bericht: " + token + " ist erledigt.",
                "Die Gruppe beschließt intern, " + token + " zu beauftragen.",
                "Die Gruppe beschließt öffentlich, " + token + " zu fördern.",
                "Angebot von " + token + " einholen")));
        expect(200, moderator.post("/meetings/" + approvedMeeting.id() + "/minutes/circulate"));
        expect(200, moderator.post("/meetings/" + approvedMeeting.id() + "/minutes/approve"));
        JsonObject minutes = expect(200, moderator.get("/meetings/" + approvedMeeting.id() + "/minutes")).json();
        items.put(What.APPROVED_MINUTES, new Searches.Item("minutes", minutes.getJsonNumber("id").longValue()));
        for (JsonObject section : minutes.getJsonArray("sections").getValuesAs(JsonObject.class)) {
            for (JsonObject decision : section.getJsonArray("decisions").getValuesAs(JsonObject.class)) {
                What what = decision.getBoolean("published") ? What.PUBLISHED_DECISION : What.DECISION;
                items.put(what, new Searches.Item("decision", decision.getJsonNumber("id").longValue()));
            }
            for (JsonObject task : section.getJsonArray("actionItems").getValuesAs(JsonObject.class)) {
                items.put(What.ACTION_ITEM, new Searches.Item("action-item", task.getJsonNumber("id").longValue()));
            }
        }

        visibility(slug, visibility);
        long groupId = expect(200, Fixtures.admin().get("/groups/" + slug)).json().getJsonNumber("id").longValue();
        items.put(What.GROUP, new Searches.Item("group", groupId));
        expect(204, moderator.delete("/groups/" + slug + "/members/" + people.get(Who.FORMER).id()));
        assertEquals(What.values().length, items.size(), items.toString());
        return new Group(slug, token, items);
    }

    /** A group made by the administrator, moderated by the moderator, with the word in its description. */
    private static String createGroup(String token, String name) {
        String slug = Fixtures.unique("suche");
        expect(201, Fixtures.admin().post("/groups", Json.createObjectBuilder()
                .add("slug", slug).add("name", name + " " + slug.substring(slug.length() - 6))
                .add("description", "Hier arbeitet " + token + " mit.")
                .add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("regions", Json.createArrayBuilder())
                .add("visibility", "PUBLIC").add("joinPolicy", "OPEN")
                .add("moderators", Json.createArrayBuilder().add(people.get(Who.MODERATOR).email())).build()));
        return slug;
    }

    static void visibility(String slug, String visibility) {
        ApiClient admin = Fixtures.admin();
        JsonObject group = expect(200, admin.get("/groups/" + slug)).json();
        // The settings are replaced as a whole: the description (which holds the word) goes along.
        expect(200, admin.put("/groups/" + slug, Json.createObjectBuilder().add("version", group.getInt("version"))
                .add("name", group.getString("name")).add("description", group.getString("description"))
                .add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("visibility", visibility).add("joinPolicy", "OPEN").build()));
    }

    /**
     * A text file uploaded by {@code author}, named after {@code title}: the name is what search shows of a document
     * without a title, and it is indexed with the upload (the text follows when extracted). The name's last word is
     * kept apart from the extension, which a tokenizer would join to it ({@code wort.txt}).
     */
    static long document(ApiClient author, String slug, String title) {
        return expect(201, author.postMultipart("/groups/" + slug + "/documents", new ApiClient.Multipart()
                .file("file", title + " - Notiz.txt", "Eine Notiz.".getBytes(UTF_8))))
                .array().getJsonObject(0).getJsonNumber("documentId").longValue();
    }

    static JsonObject thread(ApiClient author, String slug, String title, String body) {
        return expect(201, author.post("/groups/" + slug + "/threads", Json.createObjectBuilder()
                .add("title", title).add("body", body).build())).json();
    }

    static long reply(ApiClient author, long threadId, String body) {
        return expect(201, author.post("/threads/" + threadId + "/posts", Json.createObjectBuilder()
                .add("body", body).build())).json().getJsonNumber("postId").longValue();
    }

    /**
     * A minutes body with notes on the first item and, when given, an internal and a published adopted decision and
     * an action item of the moderator's.
     */
    private static JsonObject minutes(int version, MinutesFixtures.Meeting meeting, String notes, String internal,
                                      String published, String task) {
        var decisions = Json.createArrayBuilder();
        var tasks = Json.createArrayBuilder();
        if (internal != null) {
            decisions.add(decision(meeting, internal, false)).add(decision(meeting, published, true));
            tasks.add(Json.createObjectBuilder().add("agendaItemId", meeting.firstItem()).add("title", task)
                    .add("ownerId", people.get(Who.MODERATOR).id()).add("status", "OPEN")
                    .add("dueOn", LocalDate.now(MinutesFixtures.BERLIN).plusDays(30).toString()));
        }
        return Json.createObjectBuilder().add("version", version).add("guests", "")
                .add("attendance", Json.createArrayBuilder())
                .add("notes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("agendaItemId", meeting.firstItem()).add("body", notes)))
                .add("decisions", decisions).add("actionItems", tasks).build();
    }

    private static jakarta.json.JsonObjectBuilder decision(MinutesFixtures.Meeting meeting, String wording, boolean published) {
        return Json.createObjectBuilder().add("agendaItemId", meeting.firstItem()).add("wording", wording)
                .add("voteMode", "CONSENSUS").add("outcome", "ADOPTED").add("published", published);
    }

    static ApiClient.Answer expect(int status, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        return answer;
    }
}
