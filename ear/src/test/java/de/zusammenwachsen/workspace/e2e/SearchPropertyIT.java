package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A property of search, checked on random worlds: for any person and any word,
 * <ol>
 *   <li>every hit is readable by that person: the REST resource behind the hit's link answers 200 to them (for a
 *       decision of the register: the register lists it for them);</li>
 *   <li>every item the person may read that contains the word is found: the hits and the total are exactly the
 *       items a small model of the access rules says they may read.</li>
 * </ol>
 *
 * <p>A world is a few groups of random visibility, random memberships and moderators among five accounts, and
 * random content of every kind (documents, threads, replies, meetings, draft or approved minutes with decisions,
 * published or not, and action items), some of it trashed or hidden, each item carrying a random subset of the
 * world's three made-up words; after the content is written, some members leave. Then every account, a guest and
 * the administrator search for each word.
 *
 * <p>Why a Jupiter test with its own generator and not jqwik: the worlds live in the test server that Arquillian's
 * JUnit 5 extension starts and deploys for Jupiter test classes, and undeploys after each; a jqwik property runs
 * in jqwik's own engine, outside that extension, so it would find no deployment, and shrinking a world would mean
 * rebuilding it through the API for every step. Instead the worlds come from a fixed seed (printed with every
 * failure, and chosen with {@code -Dit.search.seed=…}; {@code -Dit.search.worlds=…} sets how many), so a failing
 * world is built again exactly.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchPropertyIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    private static final long SEED = Long.getLong("it.search.seed", 20_261_126L);
    private static final int WORLDS = Integer.getInteger("it.search.worlds", 4);
    private static final int ACCOUNTS = 5;
    private static final int WORDS = 3;
    private static final List<String> VISIBILITIES = List.of("PUBLIC", "PRIVATE", "HIDDEN");
    private static final Pattern PARAM = Pattern.compile("[?&](\\w+)=([^&#]*)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    enum Role { NONE, MEMBER, MODERATOR }

    /** Who may read an item, by the rules of the issues (not by the search code). */
    enum Audience {
        /** Everyone, guests included: listed groups, published decisions of approved minutes. */
        EVERYONE,
        /** The group's members, and every logged-in person when the group is public. */
        READERS,
        /** The group's members only: hidden groups, draft minutes and what they hold. */
        MEMBERS,
        /** The group's moderators: trashed documents and threads, hidden posts. */
        MODERATORS
    }

    enum Kind { DOCUMENT, TRASHED_DOCUMENT, THREAD, TRASHED_THREAD, REPLY, HIDDEN_REPLY, MEETING, MINUTES }

    /** One thing search may find, what it says and who may read it. */
    private record Item(Searches.Item hit, int group, Audience audience, Set<String> words, String what) {
    }

    private static final class Group {
        final String slug;
        final String visibility;
        final Role[] roles = new Role[ACCOUNTS];
        long carrierThread;

        Group(String slug, String visibility) {
            this.slug = slug;
            this.visibility = visibility;
        }

        List<Integer> with(Role... wanted) {
            List<Integer> people = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                for (Role role : wanted) {
                    if (roles[i] == role) {
                        people.add(i);
                    }
                }
            }
            return people;
        }

        @Override
        public String toString() {
            return slug + " " + visibility + " " + java.util.Arrays.toString(roles);
        }
    }

    private static final class World {
        final long seed;
        final List<String> words = new ArrayList<>();
        final List<Group> groups = new ArrayList<>();
        final List<Item> items = new ArrayList<>();

        World(long seed) {
            this.seed = seed;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("world of seed " + seed + ", words " + words + "\n");
            for (int g = 0; g < groups.size(); g++) {
                text.append("  group ").append(g).append(": ").append(groups.get(g)).append('\n');
            }
            items.forEach(item -> text.append("  ").append(item).append('\n'));
            return text.toString();
        }
    }

    private static List<Fixtures.Account> accounts;

    @Test
    void everyHitIsReadableAndEveryReadableItemContainingTheWordIsFound() {
        accounts();
        List<String> wrong = new ArrayList<>();
        int queries = 0;
        for (int w = 0; w < WORLDS; w++) {
            World world = build(SEED + w);
            List<String> failures = new ArrayList<>();
            // -1: a guest, -2: the administrator, 0…: the accounts.
            for (int who = -2; who < ACCOUNTS; who++) {
                for (String word : world.words) {
                    failures.addAll(check(world, who, word));
                    queries++;
                }
            }
            if (!failures.isEmpty()) {
                wrong.add(String.join("\n", failures) + "\n" + world);
            }
        }
        System.out.println("Search property: " + WORLDS + " worlds from seed " + SEED + ", " + queries + " searches");
        assertTrue(wrong.isEmpty(), "seed " + SEED + " (-Dit.search.seed=" + SEED + "):\n" + String.join("\n", wrong));
    }

    private List<String> check(World world, int who, String word) {
        ApiClient api = who == -1 ? ApiClient.guest() : who == -2 ? Fixtures.admin() : accounts.get(who).api();
        String name = who == -1 ? "guest" : who == -2 ? "admin" : "account " + who;
        Set<Searches.Item> expected = new TreeSet<>();
        for (Item item : world.items) {
            if (item.words().contains(word) && readable(world.groups.get(item.group()), item.audience(), who)) {
                expected.add(item.hit());
            }
        }
        JsonObject result = Searches.search(api, word);
        List<String> failures = new ArrayList<>(Searches.differences(name + " searching " + word, result, expected));
        for (JsonObject hit : result.getJsonArray("hits").getValuesAs(JsonObject.class)) {
            String problem = unreadable(api, hit, word);
            if (problem != null) {
                failures.add(name + " searching " + word + ": hit " + hit.getString("type") + ":"
                        + hit.getJsonNumber("id") + " (" + hit.getString("link") + ") " + problem);
            }
        }
        return failures;
    }

    /** The model: may {@code who} (-1 guest, -2 administrator, else an account) read an item of this audience? */
    private static boolean readable(Group group, Audience audience, int who) {
        if (who == -2) {
            return true;
        }
        Role role = who >= 0 ? group.roles[who] : Role.NONE;
        boolean member = role != Role.NONE;
        return switch (audience) {
            case EVERYONE -> true;
            case READERS -> member || (who >= 0 && group.visibility.equals("PUBLIC"));
            case MEMBERS -> member;
            case MODERATORS -> role == Role.MODERATOR;
        };
    }

    /** Null when the hit's REST resource answers the caller, else what it answered. */
    private static String unreadable(ApiClient api, JsonObject hit, String word) {
        String link = hit.getString("link");
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(link);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String path;
        if (link.startsWith("/groups/document.xhtml")) {
            path = "/documents/" + params.get("id");
        } else if (link.startsWith("/groups/thread.xhtml")) {
            path = "/threads/" + params.get("id") + (params.containsKey("post") ? "?post=" + params.get("post") : "");
        } else if (link.startsWith("/groups/meeting.xhtml")) {
            path = "/meetings/" + params.get("id");
        } else if (link.startsWith("/groups/minutes.xhtml")) {
            path = "/meetings/" + params.get("id") + "/minutes";
        } else if (link.startsWith("/groups/group.xhtml")) {
            path = "/groups/" + params.get("slug");
        } else if (link.startsWith("/decisions.xhtml")) {
            ApiClient.Answer register = api.get("/decisions?size=100&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
            if (register.status() != 200) {
                return "register answered " + register.status();
            }
            boolean listed = register.json().getJsonObject("decisions").getJsonArray("items").getValuesAs(JsonObject.class)
                    .stream().anyMatch(d -> String.valueOf(d.getJsonNumber("id").longValue()).equals(params.get("decision")));
            return listed ? null : "not in the caller's register";
        } else {
            return "unknown link";
        }
        ApiClient.Answer answer = api.get(path);
        return answer.status() == 200 ? null : "GET " + path + " answered " + answer.status();
    }

    // ---- building a world through the API ----

    private static World build(long seed) {
        Random random = new Random(seed);
        World world = new World(seed);
        for (int i = 0; i < WORDS; i++) {
            world.words.add(Searches.token(random));
        }
        int groups = 2 + random.nextInt(3);
        for (int g = 0; g < groups; g++) {
            group(world, g, random);
        }
        return world;
    }

    private static void group(World world, int index, Random random) {
        Group group = new Group(Fixtures.unique("welt"), VISIBILITIES.get(random.nextInt(VISIBILITIES.size())));
        world.groups.add(group);
        for (int i = 0; i < ACCOUNTS; i++) {
            double p = random.nextDouble();
            group.roles[i] = p < 0.35 ? Role.NONE : p < 0.8 ? Role.MEMBER : Role.MODERATOR;
        }
        if (group.with(Role.MODERATOR).isEmpty()) {
            group.roles[random.nextInt(ACCOUNTS)] = Role.MODERATOR;
        }
        Set<String> groupWords = words(world, random);
        JsonArrayBuilder moderators = Json.createArrayBuilder();
        group.with(Role.MODERATOR).forEach(i -> moderators.add(accounts.get(i).email()));
        expect(201, Fixtures.admin().post("/groups", Json.createObjectBuilder()
                .add("slug", group.slug).add("name", "Welt " + group.slug.substring(group.slug.length() - 8))
                .add("description", text("Die Gruppe", groupWords))
                .add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("regions", Json.createArrayBuilder())
                .add("visibility", "PUBLIC").add("joinPolicy", "OPEN").add("moderators", moderators).build()));
        for (int i : group.with(Role.MEMBER)) {
            expect(201, accounts.get(i).api().post("/groups/" + group.slug + "/members"));
        }

        int count = 2 + random.nextInt(4);
        for (int n = 0; n < count; n++) {
            content(world, index, group, Kind.values()[random.nextInt(Kind.values().length)], random);
        }

        SearchPermissionsIT.visibility(group.slug, group.visibility);
        long groupId = expect(200, Fixtures.admin().get("/groups/" + group.slug)).json().getJsonNumber("id").longValue();
        world.items.add(new Item(new Searches.Item("group", groupId), index,
                group.visibility.equals("HIDDEN") ? Audience.MEMBERS : Audience.EVERYONE, groupWords, "group"));

        // Some members leave after writing: what they wrote stays, what they read goes.
        for (int i : group.with(Role.MEMBER)) {
            if (random.nextDouble() < 0.25) {
                expect(204, accounts.get(i).api().delete("/groups/" + group.slug + "/members/me"));
                group.roles[i] = Role.NONE;
            }
        }
    }

    private static void content(World world, int index, Group group, Kind kind, Random random) {
        List<Integer> writers = group.with(Role.MEMBER, Role.MODERATOR);
        Fixtures.Account author = accounts.get(writers.get(random.nextInt(writers.size())));
        List<Integer> mods = group.with(Role.MODERATOR);
        Fixtures.Account moderator = accounts.get(mods.get(random.nextInt(mods.size())));
        Set<String> words = words(world, random);
        switch (kind) {
            case DOCUMENT, TRASHED_DOCUMENT -> {
                long id = SearchPermissionsIT.document(author.api(), group.slug, text("Dokument", words));
                boolean trashed = kind == Kind.TRASHED_DOCUMENT;
                if (trashed) {
                    expect(204, author.api().delete("/documents/" + id));
                }
                world.items.add(new Item(new Searches.Item("document", id), index,
                        trashed ? Audience.MODERATORS : Audience.READERS, words, kind.name()));
            }
            case THREAD, TRASHED_THREAD -> {
                JsonObject thread = SearchPermissionsIT.thread(author.api(), group.slug, "Austausch",
                        text("Eröffnung", words));
                long threadId = thread.getJsonNumber("threadId").longValue();
                boolean trashed = kind == Kind.TRASHED_THREAD;
                if (trashed) {
                    expect(204, moderator.api().delete("/threads/" + threadId));
                }
                Audience audience = trashed ? Audience.MODERATORS : Audience.READERS;
                // The opening post's text is found as its thread: one hit, not a second one for the post.
                world.items.add(new Item(new Searches.Item("thread", threadId), index, audience, words, kind.name()));
            }
            case REPLY, HIDDEN_REPLY -> {
                if (group.carrierThread == 0) {
                    // A thread without words to reply in: only the replies carry them.
                    group.carrierThread = SearchPermissionsIT.thread(moderator.api(), group.slug, "Allgemeines",
                            "Hier ist Platz für alles Weitere.").getJsonNumber("threadId").longValue();
                }
                long post = SearchPermissionsIT.reply(author.api(), group.carrierThread, text("Antwort", words));
                boolean hidden = kind == Kind.HIDDEN_REPLY;
                if (hidden) {
                    expect(204, moderator.api().put("/posts/" + post + "/hidden",
                            Json.createObjectBuilder().add("reason", "Zu persönlich.").build()));
                }
                world.items.add(new Item(new Searches.Item("post", post), index,
                        hidden ? Audience.MODERATORS : Audience.READERS, words, kind.name()));
            }
            case MEETING -> {
                LocalDateTime start = LocalDate.now(MinutesFixtures.BERLIN).plusDays(7 + random.nextInt(60)).atTime(18, 0);
                long id = expect(201, author.api().post("/groups/" + group.slug + "/meetings", Json.createObjectBuilder()
                        .add("title", "Treffen").add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString())
                        .add("place", "Dorfgemeinschaftshaus").add("description", text("Einladung", words)).build()))
                        .json().getJsonNumber("id").longValue();
                world.items.add(new Item(new Searches.Item("meeting", id), index, Audience.READERS, words, kind.name()));
            }
            case MINUTES -> minutes(world, index, group, moderator, words, random);
        }
    }

    /** Draft or approved minutes with notes, up to two decisions (published or not) and maybe an action item. */
    private static void minutes(World world, int index, Group group, Fixtures.Account moderator, Set<String> noteWords,
                                Random random) {
        MinutesFixtures.Meeting meeting = MinutesFixtures.meeting(moderator, group.slug);
        JsonObject started = MinutesFixtures.start(moderator, meeting.id(), null);
        boolean approved = random.nextBoolean();
        JsonArrayBuilder decisions = Json.createArrayBuilder();
        List<Set<String>> decisionWords = new ArrayList<>();
        List<Boolean> published = new ArrayList<>();
        int decisionCount = random.nextInt(3);
        for (int d = 0; d < decisionCount; d++) {
            Set<String> words = words(world, random);
            boolean publish = random.nextBoolean();
            decisionWords.add(words);
            published.add(publish);
            decisions.add(Json.createObjectBuilder().add("agendaItemId", meeting.firstItem())
                    .add("wording", text("Beschluss " + (d + 1) + ":", words)).add("voteMode", "CONSENSUS")
                    .add("outcome", "ADOPTED").add("published", publish));
        }
        JsonArrayBuilder tasks = Json.createArrayBuilder();
        Set<String> taskWords = random.nextBoolean() ? words(world, random) : null;
        if (taskWords != null) {
            tasks.add(Json.createObjectBuilder().add("agendaItemId", meeting.firstItem()).add("title", text("Aufgabe", taskWords))
                    .add("ownerId", moderator.id()).add("status", "OPEN")
                    .add("dueOn", LocalDate.now(MinutesFixtures.BERLIN).plusDays(30).toString()));
        }
        String path = "/meetings/" + meeting.id() + "/minutes";
        expect(200, moderator.api().put(path, Json.createObjectBuilder().add("version", started.getInt("version"))
                .add("guests", "").add("attendance", Json.createArrayBuilder())
                .add("notes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("agendaItemId", meeting.firstItem()).add("body", text("Notizen", noteWords))))
                .add("decisions", decisions).add("actionItems", tasks).build()));
        if (approved) {
            expect(200, moderator.api().post(path + "/circulate"));
            expect(200, moderator.api().post(path + "/approve"));
        }
        JsonObject minutes = expect(200, moderator.api().get(path)).json();
        Audience content = approved ? Audience.READERS : Audience.MEMBERS;
        world.items.add(new Item(new Searches.Item("minutes", minutes.getJsonNumber("id").longValue()), index, content,
                noteWords, approved ? "approved minutes" : "draft minutes"));
        for (JsonObject section : minutes.getJsonArray("sections").getValuesAs(JsonObject.class)) {
            for (JsonObject decision : section.getJsonArray("decisions").getValuesAs(JsonObject.class)) {
                int number = Integer.parseInt(decision.getString("wording").replaceAll("^Beschluss (\\d+):.*$", "$1"));
                boolean publish = published.get(number - 1);
                world.items.add(new Item(new Searches.Item("decision", decision.getJsonNumber("id").longValue()), index,
                        approved && publish ? Audience.EVERYONE : content, decisionWords.get(number - 1),
                        (approved ? "approved" : "draft") + (publish ? " published" : "") + " decision " + number));
            }
            for (JsonObject task : section.getJsonArray("actionItems").getValuesAs(JsonObject.class)) {
                world.items.add(new Item(new Searches.Item("action-item", task.getJsonNumber("id").longValue()), index,
                        content, taskWords, (approved ? "approved" : "draft") + " action item"));
            }
        }
    }

    /** Each of the world's words with probability one half. */
    private static Set<String> words(World world, Random random) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : world.words) {
            if (random.nextBoolean()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String text(String start, Set<String> words) {
        return words.isEmpty() ? start + " ohne Stichwort" : start + " über " + String.join(" und ", words);
    }

    private static synchronized void accounts() {
        if (accounts != null) {
            return;
        }
        List<Fixtures.Account> made = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            made.add(Fixtures.createAccount(MAIL, "Person " + (char) ('A' + i)));
        }
        accounts = made;
    }

    private static ApiClient.Answer expect(int status, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        return answer;
    }
}
