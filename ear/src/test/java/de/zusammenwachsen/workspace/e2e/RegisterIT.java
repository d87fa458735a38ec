package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decisions register end to end: who sees which decisions (guest, outsider, member, moderator, administrator)
 * over groups of each visibility, the filters and totals, the minutes links, the Atom feed, and the page in the
 * browser. Every decision is made through the REST API as people make them: a meeting is planned, its minutes are
 * written with decisions, circulated and approved. All decisions of this class carry one token in their wording,
 * so the tests look only at them although other test classes fill the same register.
 *
 * <p>What a published decision tells of its group is tested on a second set of groups ({@link #secrets()}), whose
 * wordings hold neither the group's name nor its slug nor the meeting's title, so that whole answers can be searched
 * for them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegisterIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Random RANDOM = new SecureRandom();
    /** How a group the reader may not see is named (messages_de: group.anonymous). */
    private static final String NEUTRAL = "eine Arbeitsgruppe des Netzwerks";

    /** What setUp made: the people, the groups and the wordings of the decisions. */
    private record World(String token, Fixtures.Account moderator, Fixtures.Account member, Fixtures.Account outsider,
                         String publicGroup, String privateGroup, String hiddenGroup, long privateMeeting,
                         long publicMeeting, LocalDate decidedOn) {

        String q() {
            return "q=" + token;
        }
    }

    private static World world;

    /**
     * Three groups (public, private, hidden) moderated by Mara; Max is a member of the private one, Otto of none.
     * Each group has approved minutes with a published adopted decision and an unpublished rejected one, circulated
     * minutes with an unpublished postponed decision and draft minutes with a published one; only the first two
     * may ever appear in the register.
     */
    private static synchronized World world() {
        if (world == null) {
            String token = "beschluss" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Fixtures.Account moderator = Fixtures.createAccount(MAIL, "Mara Moderation");
            Fixtures.Account member = Fixtures.createAccount(MAIL, "Max Mitglied");
            Fixtures.Account outsider = Fixtures.createAccount(MAIL, "Otto Außen");
            String open = group("PUBLIC", "OPEN", "energie-klimaschutz", "leipzig", moderator);
            String closed = group("PRIVATE", "OPEN", "mobilitaet", "halle", moderator);
            String hidden = group("HIDDEN", "INVITATION", "naturschutz", "saalekreis", moderator);
            expect(201, member.api().post("/groups/" + closed + "/members"));
            LocalDateTime start = LocalDateTime.now(BERLIN).plusDays(10).withHour(18).withMinute(0).withSecond(0).withNano(0);
            long publicMeeting = 0;
            long privateMeeting = 0;
            for (String slug : List.of(open, closed, hidden)) {
                long approved = meeting(moderator, slug, "Plenum " + slug, start);
                minutes(moderator, approved, List.of(
                        decision(token + " published " + slug + "\nmit zweiter Zeile", "COUNTED", "ADOPTED", true),
                        decision(token + " internal " + slug, "CONSENSUS", "REJECTED", false)));
                expect(200, moderator.api().post("/meetings/" + approved + "/minutes/circulate"));
                expect(200, moderator.api().post("/meetings/" + approved + "/minutes/approve", Json.createObjectBuilder().build()));
                long circulated = meeting(moderator, slug, "Zweites Plenum " + slug, start.plusDays(30));
                minutes(moderator, circulated, List.of(decision(token + " circulated " + slug, "COUNTED", "POSTPONED", true)));
                expect(200, moderator.api().post("/meetings/" + circulated + "/minutes/circulate"));
                long draft = meeting(moderator, slug, "Drittes Plenum " + slug, start.plusDays(31));
                minutes(moderator, draft, List.of(decision(token + " draft " + slug, "CONSENSUS", "ADOPTED", true)));
                if (slug.equals(open)) {
                    publicMeeting = approved;
                } else if (slug.equals(closed)) {
                    privateMeeting = approved;
                }
            }
            world = new World(token, moderator, member, outsider, open, closed, hidden, privateMeeting, publicMeeting,
                    start.toLocalDate());
        }
        return world;
    }

    private static String group(String visibility, String joinPolicy, String field, String region, Fixtures.Account moderator) {
        String slug = Fixtures.unique("beschluss");
        return group(slug, "AG " + visibility.charAt(0) + visibility.substring(1).toLowerCase() + " " + slug, visibility,
                joinPolicy, field, region, moderator);
    }

    private static String group(String slug, String name, String visibility, String joinPolicy, String field,
                                String region, Fixtures.Account moderator) {
        expect(201, Fixtures.admin().post("/groups", Json.createObjectBuilder()
                .add("slug", slug).add("name", name)
                .add("description", "Für das Beschlussregister")
                .add("actionFields", Json.createArrayBuilder().add(field))
                .add("regions", Json.createArrayBuilder().add(region))
                .add("visibility", visibility).add("joinPolicy", joinPolicy)
                .add("moderators", Json.createArrayBuilder().add(moderator.email())).build()));
        return slug;
    }

    /** A group of {@link Secrets}: its slug and name, and its meeting's title with the made-up word in it. */
    private record Secret(String slug, String name, String meeting, String meetingWord) {
    }

    /**
     * The groups for what a published decision tells of where it was taken: by visibility, and the wording of the
     * public group's decision with a literal {@code %} in it.
     */
    private record Secrets(String token, Map<String, Secret> groups, String percent) {

        Secret of(String visibility) {
            return groups.get(visibility);
        }
    }

    private static Secrets secrets;

    /**
     * A public, a private and a hidden group moderated by Mara, with Max a member of the private one and Otto of
     * none; each has approved minutes of a meeting titled with a made-up word, holding one published decision worded
     * "{@code <token> <visibility>: …}" (the token a made-up word that search finds, too); the public group's minutes
     * hold a second published decision with "100 % Zustimmung" in it. Group names and meeting titles appear nowhere
     * but where they belong.
     */
    private static synchronized Secrets secrets() {
        if (secrets == null) {
            World w = world();
            String token = Searches.token(RANDOM);
            String percent = token + " 100 % Zustimmung für den Dorfladen";
            LocalDateTime start = LocalDateTime.now(BERLIN).plusDays(12).withHour(17).withMinute(0).withSecond(0).withNano(0);
            Map<String, Secret> groups = new LinkedHashMap<>();
            for (String visibility : List.of("PUBLIC", "PRIVATE", "HIDDEN")) {
                String slug = Fixtures.unique("ag");
                String name = "Arbeitskreis " + Searches.token(RANDOM);
                group(slug, name, visibility, visibility.equals("HIDDEN") ? "INVITATION" : "OPEN", "naturschutz",
                        "saalekreis", w.moderator());
                if (visibility.equals("PRIVATE")) {
                    expect(201, w.member().api().post("/groups/" + slug + "/members"));
                }
                String word = Searches.token(RANDOM);
                String title = "Klausur " + word;
                long meeting = meeting(w.moderator(), slug, title, start);
                List<JsonObject> decisions = new ArrayList<>();
                decisions.add(decision(secretWording(token, visibility), "CONSENSUS", "ADOPTED", true));
                if (visibility.equals("PUBLIC")) {
                    decisions.add(decision(percent, "COUNTED", "ADOPTED", true));
                }
                minutes(w.moderator(), meeting, decisions);
                expect(200, w.moderator().api().post("/meetings/" + meeting + "/minutes/circulate"));
                expect(200, w.moderator().api().post("/meetings/" + meeting + "/minutes/approve",
                        Json.createObjectBuilder().build()));
                groups.put(visibility, new Secret(slug, name, title, word));
            }
            secrets = new Secrets(token, Map.copyOf(groups), percent);
        }
        return secrets;
    }

    private static String secretWording(String token, String visibility) {
        return token + " " + visibility.toLowerCase(java.util.Locale.ROOT) + ": Wir pflanzen Obstbäume am Feldrand.";
    }

    private static long meeting(Fixtures.Account organiser, String slug, String title, LocalDateTime start) {
        JsonObject created = expect(201, organiser.api().post("/groups/" + slug + "/meetings", Json.createObjectBuilder()
                .add("title", title).add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString())
                .add("place", "Bürgerhaus").build())).json();
        return created.getJsonNumber("id").longValue();
    }

    private static JsonObject decision(String wording, String voteMode, String outcome, boolean published) {
        var d = Json.createObjectBuilder().add("wording", wording).add("voteMode", voteMode).add("outcome", outcome)
                .add("published", published);
        if (voteMode.equals("COUNTED")) {
            d.add("votesFor", 7).add("votesAgainst", 1).add("abstentions", 2);
        }
        return d.build();
    }

    /** Starts the minutes of a meeting and saves them with these decisions. */
    private static void minutes(Fixtures.Account writer, long meetingId, List<JsonObject> decisions) {
        ApiClient.Answer started = writer.api().post("/meetings/" + meetingId + "/minutes", Json.createObjectBuilder().build());
        assertTrue(started.status() == 201 || started.status() == 200, started.toString());
        JsonObject current = expect(200, writer.api().get("/meetings/" + meetingId + "/minutes")).json();
        JsonArrayBuilder list = Json.createArrayBuilder();
        decisions.forEach(list::add);
        expect(200, writer.api().put("/meetings/" + meetingId + "/minutes", Json.createObjectBuilder()
                .add("version", current.getInt("version")).add("guests", "")
                .add("decisions", list).add("actionItems", Json.createArrayBuilder()).build()));
    }

    private static ApiClient.Answer expect(int status, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.toString());
        return answer;
    }

    private static JsonObject register(ApiClient api, String query) {
        return expect(200, api.get("/decisions?" + query)).json();
    }

    /** The wordings' second words (published, internal, …) with the group slug: what a register shows. */
    private static Set<String> shown(JsonObject register) {
        return register.getJsonObject("decisions").getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("wording").lines().findFirst().orElseThrow().substring(world.token().length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonObject item(JsonObject register, String kind, String slug) {
        return register.getJsonObject("decisions").getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("wording").startsWith(world.token() + " " + kind + " " + slug))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + slug + " not in " + register));
    }

    /** The decision of a {@link Secrets} group in a register answer. */
    private static JsonObject secretItem(JsonObject register, Secrets s, String visibility) {
        String wording = secretWording(s.token(), visibility);
        return register.getJsonObject("decisions").getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("wording").equals(wording))
                .findFirst().orElseThrow(() -> new AssertionError(visibility + " not in " + register));
    }

    private static List<String> wordings(JsonObject register) {
        return register.getJsonObject("decisions").getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("wording")).toList();
    }

    /** Left out or null: JSON-B leaves null properties out. */
    private static boolean absent(JsonObject object, String key) {
        return !object.containsKey(key) || object.isNull(key);
    }

    private static Set<String> expected(World w, String... entries) {
        return new TreeSet<>(List.of(entries));
    }

    @Test
    void aGuestSeesOnlyPublishedDecisionsWithoutMinutesLinks() {
        World w = world();
        JsonObject register = register(ApiClient.guest(), w.q());
        assertEquals(expected(w, "published " + w.publicGroup(), "published " + w.privateGroup(), "published " + w.hiddenGroup()),
                shown(register));
        JsonObject totals = register.getJsonObject("totals");
        assertEquals(3, totals.getInt("decisions"));
        assertEquals(3, totals.getInt("adopted"));
        assertEquals(0, totals.getInt("rejected"));
        assertEquals(3, totals.getInt("groups"));
        for (String slug : List.of(w.publicGroup(), w.privateGroup(), w.hiddenGroup())) {
            assertFalse(item(register, "published", slug).containsKey("meetingId")
                    && !item(register, "published", slug).isNull("meetingId"), "no minutes link for guests: " + slug);
        }
        JsonObject hidden = item(register, "published", w.hiddenGroup());
        assertTrue(!hidden.getJsonObject("group").containsKey("slug") || hidden.getJsonObject("group").isNull("slug"),
                "a hidden group is not linked: " + hidden);
        assertEquals(NEUTRAL, hidden.getJsonObject("group").getString("name"), "nor named: " + hidden);
        for (String slug : List.of(w.publicGroup(), w.privateGroup(), w.hiddenGroup())) {
            assertTrue(absent(item(register, "published", slug), "meetingTitle"),
                    "guests read no group's meetings, so no meeting is named: " + slug);
        }
        assertEquals(w.privateGroup(), item(register, "published", w.privateGroup()).getJsonObject("group").getString("slug"));
        JsonObject published = item(register, "published", w.publicGroup());
        assertEquals("COUNTED", published.getString("voteMode"));
        assertEquals(7, published.getInt("votesFor"));
        assertEquals("ADOPTED", published.getString("outcome"));
        assertTrue(published.getBoolean("published"));
        assertEquals(w.decidedOn().toString(), published.getString("decidedOn"));
        assertEquals("energie-klimaschutz", published.getJsonArray("actionFields").getJsonObject(0).getString("slug"));
        assertEquals("leipzig", published.getJsonArray("regions").getJsonObject(0).getString("slug"));
    }

    @Test
    void eachViewerSeesWhatTheyMayReadPlusEveryPublishedDecision() {
        World w = world();
        JsonObject outsider = register(w.outsider().api(), w.q());
        assertEquals(expected(w, "published " + w.publicGroup(), "internal " + w.publicGroup(),
                "published " + w.privateGroup(), "published " + w.hiddenGroup()), shown(outsider));
        assertEquals(w.publicMeeting(), item(outsider, "internal", w.publicGroup()).getJsonNumber("meetingId").longValue(),
                "an outsider reads a public group's minutes");
        JsonObject privatePublished = item(outsider, "published", w.privateGroup());
        assertTrue(!privatePublished.containsKey("meetingId") || privatePublished.isNull("meetingId"),
                "a private group's published decision shows the decision only: " + privatePublished);
        expect(404, w.outsider().api().get("/meetings/" + w.privateMeeting() + "/minutes"));
        expect(404, ApiClient.guest().get("/meetings/" + w.privateMeeting() + "/minutes"));

        JsonObject member = register(w.member().api(), w.q());
        assertEquals(expected(w, "published " + w.publicGroup(), "internal " + w.publicGroup(),
                "published " + w.privateGroup(), "internal " + w.privateGroup(), "published " + w.hiddenGroup()), shown(member));
        assertEquals(w.privateMeeting(), item(member, "internal", w.privateGroup()).getJsonNumber("meetingId").longValue());
        expect(200, w.member().api().get("/meetings/" + w.privateMeeting() + "/minutes"));

        Set<String> all = expected(w, "published " + w.publicGroup(), "internal " + w.publicGroup(),
                "published " + w.privateGroup(), "internal " + w.privateGroup(), "published " + w.hiddenGroup(),
                "internal " + w.hiddenGroup());
        assertEquals(all, shown(register(w.moderator().api(), w.q())));
        JsonObject admin = register(Fixtures.admin(), w.q());
        assertEquals(all, shown(admin));
        assertEquals(6, admin.getJsonObject("totals").getInt("decisions"));
        assertEquals(3, admin.getJsonObject("totals").getInt("adopted"));
        assertEquals(3, admin.getJsonObject("totals").getInt("rejected"));
        assertEquals(0, admin.getJsonObject("totals").getInt("postponed"));
        assertEquals(3, admin.getJsonObject("totals").getInt("groups"));
    }

    @Test
    void decisionsOfMinutesNotYetApprovedNeverAppear() {
        World w = world();
        for (String kind : List.of("circulated", "draft")) {
            JsonObject admin = register(Fixtures.admin(), "q=" + w.token() + "%20" + kind);
            assertEquals(0, admin.getJsonObject("totals").getInt("decisions"), kind + ": " + admin);
            assertEquals(0, register(ApiClient.guest(), "q=" + w.token() + "%20" + kind).getJsonObject("totals").getInt("decisions"));
        }
    }

    @Test
    void filtersNarrowTheRegisterAndTheTotalsFollow() {
        World w = world();
        ApiClient mara = w.moderator().api();
        assertEquals(expected(w, "published " + w.privateGroup(), "internal " + w.privateGroup()),
                shown(register(mara, w.q() + "&field=mobilitaet")));
        assertEquals(expected(w, "published " + w.publicGroup(), "internal " + w.publicGroup()),
                shown(register(mara, w.q() + "&group=" + w.publicGroup())));
        assertEquals(expected(w, "published " + w.hiddenGroup(), "internal " + w.hiddenGroup()),
                shown(register(mara, w.q() + "&region=saalekreis")));
        long halle = expect(200, ApiClient.guest().get("/regions")).array().stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("slug").equals("halle")).findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertEquals(2, register(mara, w.q() + "&region=" + halle).getJsonObject("totals").getInt("decisions"));
        JsonObject rejected = register(mara, w.q() + "&outcome=rejected");
        assertEquals(3, rejected.getJsonObject("totals").getInt("decisions"));
        assertEquals(3, rejected.getJsonObject("totals").getInt("rejected"));
        assertEquals(0, rejected.getJsonObject("totals").getInt("adopted"));
        String day = w.decidedOn().toString();
        assertEquals(6, register(mara, w.q() + "&from=" + day + "&to=" + day).getJsonObject("totals").getInt("decisions"));
        assertEquals(0, register(mara, w.q() + "&from=" + w.decidedOn().plusDays(1)).getJsonObject("totals").getInt("decisions"));
        assertEquals(0, register(mara, w.q() + "&to=" + w.decidedOn().minusDays(1)).getJsonObject("totals").getInt("decisions"));
        assertEquals(expected(w, "internal " + w.hiddenGroup()),
                shown(register(mara, "q=" + URLEncoder.encode(w.token() + " INTERNAL " + w.hiddenGroup(), StandardCharsets.UTF_8))));
        assertEquals(0, register(mara, w.q() + "&field=gibt-es-nicht").getJsonObject("totals").getInt("decisions"));

        JsonObject first = register(mara, w.q() + "&size=4");
        assertEquals(4, first.getJsonObject("decisions").getJsonArray("items").size());
        assertEquals(6, first.getJsonObject("decisions").getInt("total"));
        JsonObject second = register(mara, w.q() + "&size=4&first=4");
        assertEquals(2, second.getJsonObject("decisions").getJsonArray("items").size());
        Set<String> both = new TreeSet<>(shown(first));
        both.addAll(shown(second));
        assertEquals(6, both.size(), "the pages do not overlap");

        expect(400, mara.get("/decisions?outcome=VIELLEICHT"));
        expect(400, mara.get("/decisions?from=gestern"));
        expect(400, mara.get("/decisions?from=2026-05-02&to=2026-05-01"));
    }

    /**
     * Without words or dates the totals come from the shared counts: per viewer they equal what the pages list, a
     * group filter gives this class's exact numbers, and newly approved minutes move them at once for each viewer by
     * what that viewer may see.
     */
    @Test
    void totalsWithoutWordsFollowEachViewerAndEveryApproval() {
        World w = world();
        Map<String, ApiClient> viewers = new LinkedHashMap<>();
        viewers.put("guest", ApiClient.guest());
        viewers.put("outsider", w.outsider().api());
        viewers.put("member", w.member().api());
        viewers.put("moderator", w.moderator().api());
        viewers.put("administrator", Fixtures.admin());
        // group -> viewer -> decisions seen: published everywhere, internal where the minutes are readable. Filtered
        // by the hidden group's slug, whoever may not see the group gets what an unknown slug gives: nothing.
        Map<String, Map<String, Integer>> seen = Map.of(
                w.publicGroup(), Map.of("guest", 1, "outsider", 2, "member", 2, "moderator", 2, "administrator", 2),
                w.privateGroup(), Map.of("guest", 1, "outsider", 1, "member", 2, "moderator", 2, "administrator", 2),
                w.hiddenGroup(), Map.of("guest", 0, "outsider", 0, "member", 0, "moderator", 2, "administrator", 2));
        String unknown = Fixtures.unique("gibt-es-nicht");
        seen.forEach((group, byViewer) -> byViewer.forEach((who, count) -> {
            JsonObject totals = register(viewers.get(who), "group=" + group).getJsonObject("totals");
            if (count == 0) {
                assertEquals(register(viewers.get(who), "group=" + unknown).getJsonObject("totals"), totals,
                        who + " in " + group + ": as for an unknown group");
                assertEquals(0, totals.getInt("decisions"), who + " in " + group);
                return;
            }
            assertEquals(count, totals.getInt("decisions"), who + " in " + group);
            assertEquals(1, totals.getInt("adopted"), who + " in " + group);
            assertEquals(count - 1, totals.getInt("rejected"), who + " in " + group);
            assertEquals(1, totals.getInt("groups"), who + " in " + group);
            assertEquals(count - 1, register(viewers.get(who), "group=" + group + "&outcome=REJECTED")
                    .getJsonObject("totals").getInt("decisions"), who + " in " + group + ", rejected only");
        }));

        // The unfiltered totals equal the number of decisions the pages hold, for every viewer.
        Map<String, JsonObject> before = new LinkedHashMap<>();
        viewers.forEach((who, api) -> {
            JsonObject register = register(api, "size=1");
            assertEquals(register.getJsonObject("decisions").getInt("total"),
                    register.getJsonObject("totals").getInt("decisions"), who);
            before.put(who, register.getJsonObject("totals"));
        });

        // New minutes of the hidden group: one published postponed decision, two internal adopted ones.
        long meeting = meeting(w.moderator(), w.hiddenGroup(), "Sondersitzung", LocalDateTime.now(BERLIN).plusDays(40)
                .withHour(18).withMinute(0).withSecond(0).withNano(0));
        // Worded without the class's token, so that the other tests' lists stay as they are in any order.
        minutes(w.moderator(), meeting, List.of(decision("Sondersitzung: vertagt", "CONSENSUS", "POSTPONED", true),
                decision("Sondersitzung: angenommen", "CONSENSUS", "ADOPTED", false),
                decision("Sondersitzung: auch angenommen", "CONSENSUS", "ADOPTED", false)));
        expect(200, w.moderator().api().post("/meetings/" + meeting + "/minutes/circulate"));
        viewers.forEach((who, api) -> assertEquals(before.get(who), register(api, "size=1").getJsonObject("totals"),
                who + ": circulated minutes change nothing"));
        expect(200, w.moderator().api().post("/meetings/" + meeting + "/minutes/approve", Json.createObjectBuilder().build()));
        viewers.forEach((who, api) -> {
            boolean readsHidden = who.equals("moderator") || who.equals("administrator");
            JsonObject after = register(api, "size=1").getJsonObject("totals");
            assertEquals(before.get(who).getInt("decisions") + (readsHidden ? 3 : 1), after.getInt("decisions"), who);
            assertEquals(before.get(who).getInt("postponed") + 1, after.getInt("postponed"), who);
            assertEquals(before.get(who).getInt("adopted") + (readsHidden ? 2 : 0), after.getInt("adopted"), who);
            assertEquals(before.get(who).getInt("groups"), after.getInt("groups"), who + ": the group counted before");
        });
        assertTrue(expect(200, w.moderator().api().get("/decisions/groups")).array().stream().map(JsonValue::asJsonObject)
                .anyMatch(g -> g.getString("slug").equals(w.hiddenGroup())), "the groups offered follow the counts");
        assertTrue(expect(200, ApiClient.guest().get("/decisions/groups")).array().stream().map(JsonValue::asJsonObject)
                .noneMatch(g -> g.getString("slug").equals(w.hiddenGroup())),
                "but name a hidden group only to whoever may see it");
    }

    @Test
    void theFeedIsAtomWithPublishedDecisionsOnly() throws Exception {
        World w = world();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(ApiClient.BASE + "/decisions/feed?" + w.q())).header("Accept", "application/atom+xml").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"),
                response.headers().toString());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        Element root = feed.getDocumentElement();
        assertEquals("http://www.w3.org/2005/Atom", root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        NodeList entries = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            contents.add(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "content").item(0).getTextContent());
            assertTrue(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent().startsWith("tag:"));
            assertNotNull(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated").item(0));
        }
        assertEquals(3, contents.size(), String.join("\n---\n", contents));
        assertTrue(contents.stream().allMatch(c -> c.startsWith(w.token() + " published ")), String.join("\n---\n", contents));
        String all = new String(response.body(), StandardCharsets.UTF_8);
        assertFalse(all.contains(w.token() + " internal"), all);
        assertFalse(all.contains("minutes.xhtml"), "the feed never links minutes");
    }

    @Test
    void thePageShowsTheRegisterWithFiltersAccessiblyAndNarrow() throws Exception {
        World w = world();
        HttpResponse<String> guestPage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(LandingIT.BASE + "/decisions.xhtml?" + w.q())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, guestPage.statusCode());
        assertTrue(guestPage.body().contains("rel=\"alternate\" type=\"application/atom+xml\""), "feed link in the head");
        assertTrue(guestPage.body().contains(w.token() + " published " + w.hiddenGroup()));
        assertFalse(guestPage.body().contains(w.token() + " internal"));
        assertFalse(guestPage.body().contains("minutes.xhtml?id=" + w.privateMeeting()));

        try (Browser browser = new Browser()) {
            try {
                Flows.logIn(browser, w.member().email(), Fixtures.PASSWORD);
                browser.driver.findElement(By.id("navDecisions")).click();
                Flows.waitFor(browser, By.id("registerHeading"));
                Flows.assertAccessible(browser);

                Flows.type(browser, "q", w.token());
                new Select(browser.driver.findElement(By.id("outcome"))).selectByValue("REJECTED");
                Flows.clickAndWaitForNextPage(browser, By.id("applyFilter"));
                assertTrue(browser.driver.getCurrentUrl().contains("outcome=REJECTED"), browser.driver.getCurrentUrl());
                List<WebElement> cards = browser.driver.findElements(By.cssSelector(".decision-card"));
                assertEquals(2, cards.size(), "the member sees the rejected decisions of the public and private group");
                assertEquals("2", browser.driver.findElement(By.id("totalDecisions")).getText().strip());
                assertTrue(browser.driver.findElement(By.id("decisions")).getText().contains("Abgelehnt"));
                assertFalse(browser.driver.findElements(By.cssSelector("a.minutes-link[href$='id=" + w.privateMeeting() + "']")).isEmpty(),
                        "the member may read the private group's minutes");
                Flows.assertAccessible(browser);

                browser.driver.manage().window().setSize(new Dimension(390, 844));
                browser.driver.navigate().refresh();
                Flows.waitFor(browser, By.id("registerHeading"));
                Object overflow = browser.driver.executeScript(
                        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
                assertEquals(Boolean.FALSE, overflow, "no horizontal scrolling at 390 px");
                Flows.assertAccessible(browser);

                browser.driver.manage().window().setSize(new Dimension(1280, 900));
                Flows.logOut(browser);
                browser.driver.get(LandingIT.BASE + "/decisions.xhtml?" + w.q() + "&group=" + w.privateGroup());
                Flows.waitFor(browser, By.id("registerHeading"));
                assertEquals(1, browser.driver.findElements(By.cssSelector(".decision-card")).size());
                assertTrue(browser.driver.findElements(By.cssSelector("a.minutes-link")).isEmpty(),
                        "a published decision of a private group shows no minutes link to guests");
                assertTrue(browser.driver.findElement(By.id("decisions")).getText().contains("Veröffentlicht"));
                browser.driver.get(LandingIT.BASE + "/decisions.xhtml?from=kein-datum");
                Flows.waitFor(browser, By.id("fromError"));
                Flows.assertAccessible(browser);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("RegisterIT");
                throw e;
            }
        }
    }

    /**
     * A hidden group's existence never leaks, not through its published decisions: to a guest and to an outsider the
     * register names such a decision's group neutrally, without slug or meeting; the groups offered for the filter
     * leave the group out, and filtering by its slug answers exactly as an unknown slug. A private group is listed,
     * so it is named and linked, but its meeting is not. Its members and moderator see everything as before.
     */
    @Test
    void aPublishedDecisionTellsStrangersNothingOfAHiddenGroupNorOfMeetingsTheyMayNotRead() throws Exception {
        Secrets s = secrets();
        World w = world();
        Secret open = s.of("PUBLIC");
        Secret closed = s.of("PRIVATE");
        Secret hidden = s.of("HIDDEN");
        String query = "q=" + s.token() + "&size=100";
        Map<String, ApiClient> strangers = new LinkedHashMap<>();
        strangers.put("guest", ApiClient.guest());
        strangers.put("outsider", w.outsider().api());
        String unknown = Fixtures.unique("gibt-es-nicht");
        for (Map.Entry<String, ApiClient> stranger : strangers.entrySet()) {
            String who = stranger.getKey();
            ApiClient api = stranger.getValue();
            ApiClient.Answer groups = expect(200, api.get("/decisions/groups"));
            assertFalse(groups.body().contains(hidden.slug()) || groups.body().contains(hidden.name()),
                    who + ": the groups offered name the hidden group: " + groups.body());
            assertTrue(groups.array().stream().map(JsonValue::asJsonObject)
                    .anyMatch(g -> g.getString("slug").equals(closed.slug())), who + ": a private group is listed");

            ApiClient.Answer answer = expect(200, api.get("/decisions?" + query));
            JsonObject register = answer.json();
            assertEquals(4, register.getJsonObject("totals").getInt("decisions"), who + ": every published decision");
            JsonObject secret = secretItem(register, s, "HIDDEN");
            assertEquals(NEUTRAL, secret.getJsonObject("group").getString("name"), who + ": " + secret);
            assertTrue(absent(secret.getJsonObject("group"), "slug"), who + ": " + secret);
            assertTrue(absent(secret, "meetingTitle") && absent(secret, "meetingId"), who + ": " + secret);
            JsonObject listed = secretItem(register, s, "PRIVATE");
            assertEquals(closed.name(), listed.getJsonObject("group").getString("name"), who);
            assertEquals(closed.slug(), listed.getJsonObject("group").getString("slug"), who);
            assertTrue(absent(listed, "meetingTitle") && absent(listed, "meetingId"),
                    who + ": a private group's meeting is for its members: " + listed);
            JsonObject ofPublic = secretItem(register, s, "PUBLIC");
            if (who.equals("guest")) {
                assertTrue(absent(ofPublic, "meetingTitle"), "guests read no group's meetings: " + ofPublic);
            } else {
                assertEquals(open.meeting(), ofPublic.getString("meetingTitle"), "an account reads a public group's meetings");
            }
            for (String told : List.of(hidden.name(), hidden.slug(), hidden.meeting(), closed.meeting())) {
                assertFalse(answer.body().contains(told), who + " learns " + told + ": " + answer.body());
            }

            JsonObject byHidden = register(api, "group=" + hidden.slug());
            assertEquals(register(api, "group=" + unknown), byHidden, who + ": the hidden slug answers as an unknown one");
            assertEquals(0, byHidden.getJsonObject("totals").getInt("decisions"), who);
            assertEquals(0, register(api, query + "&group=" + hidden.slug()).getJsonObject("totals").getInt("decisions"), who);
        }

        // In English the group is named in English.
        ApiClient.Binary english = ApiClient.guest().download("/decisions?" + query, "Accept", "application/json",
                "Accept-Language", "en");
        assertEquals(200, english.status(), english.text());
        JsonObject inEnglish = Json.createReader(new StringReader(english.text())).readObject();
        assertEquals("a working group of the network",
                secretItem(inEnglish, s, "HIDDEN").getJsonObject("group").getString("name"));

        // The page, as a guest: the same decision cards and a group filter without the hidden group.
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(LandingIT.BASE + "/decisions.xhtml?q=" + s.token())).header("Accept-Language", "de").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(secretWording(s.token(), "HIDDEN")), "the decision itself is public");
        assertTrue(page.body().contains(NEUTRAL), "its group is named neutrally");
        assertTrue(page.body().contains(closed.name()), "a private group is named");
        for (String told : List.of(hidden.name(), hidden.slug(), hidden.meeting(), closed.meeting(), open.meeting())) {
            assertFalse(page.body().contains(told), "the page tells a guest " + told);
        }

        // The moderator and a member see what they saw before: names, links and meetings of their groups.
        JsonObject mara = register(w.moderator().api(), query);
        for (String visibility : List.of("PUBLIC", "PRIVATE", "HIDDEN")) {
            JsonObject item = secretItem(mara, s, visibility);
            assertEquals(s.of(visibility).name(), item.getJsonObject("group").getString("name"), visibility);
            assertEquals(s.of(visibility).slug(), item.getJsonObject("group").getString("slug"), visibility);
            assertEquals(s.of(visibility).meeting(), item.getString("meetingTitle"), visibility);
            assertFalse(absent(item, "meetingId"), visibility);
        }
        assertTrue(expect(200, w.moderator().api().get("/decisions/groups")).array().stream()
                .map(JsonValue::asJsonObject).anyMatch(g -> g.getString("slug").equals(hidden.slug())
                        && g.getString("name").equals(hidden.name())), "the moderator may filter by the hidden group");
        assertEquals(1, register(w.moderator().api(), query + "&group=" + hidden.slug()).getJsonObject("totals")
                .getInt("decisions"));
        JsonObject max = register(w.member().api(), query);
        assertEquals(closed.meeting(), secretItem(max, s, "PRIVATE").getString("meetingTitle"), "Max is a member");
        assertEquals(NEUTRAL, secretItem(max, s, "HIDDEN").getJsonObject("group").getString("name"),
                "but not of the hidden group");
    }

    /**
     * The public feed is what a guest may read: it names a hidden group neutrally and no meeting at all (guests read
     * no group's meetings); narrowed to the hidden group's slug it is as empty as for an unknown slug.
     */
    @Test
    void theFeedNamesNoHiddenGroupAndNoMeeting() throws Exception {
        Secrets s = secrets();
        Secret closed = s.of("PRIVATE");
        Secret hidden = s.of("HIDDEN");
        HttpResponse<String> response = feed("q=" + s.token());
        assertEquals(200, response.statusCode(), response.body());
        String feed = response.body();
        assertEquals(4, entries(feed), feed);
        assertTrue(feed.contains(NEUTRAL), feed);
        assertTrue(feed.contains(closed.name()), "a private group is named: " + feed);
        for (String told : List.of(hidden.name(), hidden.slug(), hidden.meeting(), closed.meeting(),
                s.of("PUBLIC").meeting())) {
            assertFalse(feed.contains(told), "the feed tells " + told + ": " + feed);
        }
        HttpResponse<String> narrowed = feed("group=" + hidden.slug());
        assertEquals(200, narrowed.statusCode());
        assertEquals(0, entries(narrowed.body()), narrowed.body());
        assertEquals(entries(feed("group=" + Fixtures.unique("gibt-es-nicht")).body()), entries(narrowed.body()));
        assertFalse(narrowed.body().contains(hidden.name()), narrowed.body());
    }

    private static HttpResponse<String> feed(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ApiClient.BASE + "/decisions/feed?" + query))
                .header("Accept", "application/atom+xml").header("Accept-Language", "de").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int entries(String feed) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength();
    }

    /**
     * Published decisions are found by search, by guests too: a hidden group's hit is named neutrally and has no
     * slug, the group facet leaves the group out, narrowing to its slug answers like an unknown slug, and the words
     * of meeting titles the searcher may not read find nothing. The moderator's search names the group.
     */
    @Test
    void searchNamesNoHiddenGroupInHitsOrFacets() {
        Secrets s = secrets();
        World w = world();
        Secret closed = s.of("PRIVATE");
        Secret hidden = s.of("HIDDEN");
        JsonObject mara = register(w.moderator().api(), "q=" + s.token() + "&size=100");
        long hiddenDecision = secretItem(mara, s, "HIDDEN").getJsonNumber("id").longValue();
        long privateDecision = secretItem(mara, s, "PRIVATE").getJsonNumber("id").longValue();
        String unknown = Fixtures.unique("gibt-es-nicht");
        Map<String, ApiClient> strangers = new LinkedHashMap<>();
        strangers.put("guest", ApiClient.guest());
        strangers.put("outsider", w.outsider().api());
        for (Map.Entry<String, ApiClient> stranger : strangers.entrySet()) {
            String who = stranger.getKey();
            ApiClient api = stranger.getValue();
            JsonObject result = Searches.search(api, s.token());
            assertEquals(4, Searches.total(result), who + ": the published decisions: " + result);
            JsonObject hit = hit(result, hiddenDecision);
            assertEquals(NEUTRAL, hit.getJsonObject("group").getString("name"), who + ": " + hit);
            assertTrue(absent(hit.getJsonObject("group"), "slug"), who + ": " + hit);
            assertEquals(closed.slug(), hit(result, privateDecision).getJsonObject("group").getString("slug"), who);
            assertTrue(result.getJsonObject("facets").getJsonArray("group").stream().map(JsonValue::asJsonObject)
                    .noneMatch(f -> f.getString("key").equals(hidden.slug())), who + ": " + result.getJsonObject("facets"));
            String body = result.toString();
            for (String told : List.of(hidden.name(), hidden.slug(), hidden.meeting(), closed.meeting())) {
                assertFalse(body.contains(told), who + " learns " + told + ": " + body);
            }

            ApiClient.Answer narrowed = api.get("/search?q=" + s.token() + "&group=" + hidden.slug());
            ApiClient.Answer byUnknown = api.get("/search?q=" + s.token() + "&group=" + unknown);
            assertEquals(byUnknown.status(), narrowed.status(), who + ": " + narrowed.body());
            assertEquals(byUnknown.body(), narrowed.body(), who);

            assertEquals(0, Searches.total(Searches.search(api, hidden.meetingWord())),
                    who + " finds the hidden group's meeting title");
            assertEquals(0, Searches.total(Searches.search(api, closed.meetingWord())),
                    who + " finds the private group's meeting title");
        }

        JsonObject moderator = Searches.search(w.moderator().api(), s.token());
        JsonObject hit = hit(moderator, hiddenDecision);
        assertEquals(hidden.name(), hit.getJsonObject("group").getString("name"));
        assertEquals(hidden.slug(), hit.getJsonObject("group").getString("slug"));
        assertTrue(moderator.getJsonObject("facets").getJsonArray("group").stream().map(JsonValue::asJsonObject)
                .anyMatch(f -> f.getString("key").equals(hidden.slug())), moderator.getJsonObject("facets").toString());
        assertEquals(1, Searches.total(Searches.search(w.moderator().api(), s.token(), "&group=" + hidden.slug())));
    }

    private static JsonObject hit(JsonObject result, long decisionId) {
        return result.getJsonArray("hits").stream().map(JsonValue::asJsonObject)
                .filter(h -> h.getString("type").equals("decision") && h.getJsonNumber("id").longValue() == decisionId)
                .findFirst().orElseThrow(() -> new AssertionError("decision " + decisionId + " not in " + result));
    }

    /**
     * Words are matched literally: {@code %} and {@code _} in "q" are characters, not LIKE wildcards, on H2 and on
     * PostgreSQL alike. A guest asking for "%" gets only decisions holding a "%", among them "100 % Zustimmung".
     */
    @Test
    void percentAndUnderscoreInTheWordsAreNoWildcards() {
        Secrets s = secrets();
        ApiClient guest = ApiClient.guest();
        String open = s.of("PUBLIC").slug();
        assertEquals(2, register(guest, "group=" + open).getJsonObject("totals").getInt("decisions"));

        JsonObject percent = register(guest, "q=%25&size=100");
        List<String> found = wordings(percent);
        assertTrue(found.stream().allMatch(t -> t.contains("%")), "only wordings with a %: " + found);
        assertTrue(percent.getJsonObject("totals").getInt("decisions")
                < register(guest, "size=1").getJsonObject("totals").getInt("decisions"), "not every decision");
        assertEquals(List.of(s.percent()), wordings(register(guest, "q=%25&group=" + open)));
        assertEquals(0, register(guest, "q=" + s.token() + "%25").getJsonObject("totals").getInt("decisions"),
                "no wording holds the token followed by a % (as a wildcard, the % would match all four)");
        assertEquals(List.of(s.percent()), wordings(register(guest, "q=" + URLEncoder.encode("100 %", StandardCharsets.UTF_8)
                + "&group=" + open)));

        JsonObject underscore = register(guest, "q=_&size=100");
        assertTrue(wordings(underscore).stream().allMatch(t -> t.contains("_")), "only wordings with a _: " + underscore);
        assertEquals(0, register(guest, "q=_&group=" + open).getJsonObject("totals").getInt("decisions"),
                "no wording of the group holds a _");
        assertEquals(0, register(guest, "q=" + s.token() + "_").getJsonObject("totals").getInt("decisions"),
                "no wording holds the token followed by a _ (as a wildcard, the _ would match the blank after it)");
    }
}
