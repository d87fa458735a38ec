package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The discussions and notifications part of the REST API end to end: threads with Markdown and mentions, the
 * notifications and mails they cause (German or English, plain text with an HTML alternative, unfollow headers),
 * quotes, double submits, edit conflicts, deletion with placeholder, reactions, moderation, following and
 * unfollowing by the mails' link, mail settings and the daily digest. Who may do what in every combination is
 * {@link DiscussionPermissionsIT}'s job.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiDiscussionsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    /** How long a test waits to be sure that a mail does NOT come: the outbox sends right after the commit. */
    private static final Duration QUIET = Duration.ofSeconds(6);

    private static final Pattern UNFOLLOW_HEADER = Pattern.compile("<(https?://[^>]+/api/v1/unfollow/([^>/]+))>");

    private static Fixtures.Account moderator;
    private static Fixtures.Account author;
    private static Fixtures.Account berta;
    private static Fixtures.Account emma;

    /** Everyone in this class but the administrator; Emma reads in English. */
    private static synchronized void accounts() {
        if (moderator == null) {
            moderator = Fixtures.createAccount(MAIL, "Mara Moderation");
            author = Fixtures.createAccount(MAIL, "Anton Autor");
            berta = Fixtures.createAccount(MAIL, "Berta Beispiel");
            emma = Fixtures.createAccount(MAIL, "Emma English");
            JsonObject profile = expect(200, emma.api().get("/me")).json();
            expect(200, emma.api().put("/me", Json.createObjectBuilder().add("version", profile.getInt("version"))
                    .add("displayName", profile.getString("displayName")).add("language", "en").build()));
        }
    }

    /** A private group moderated by Mara, with Anton, Berta and Emma as members. */
    private static String group() {
        accounts();
        String slug = Fixtures.createGroup("PRIVATE", "OPEN", moderator.email()).getString("slug");
        for (Fixtures.Account member : List.of(author, berta, emma)) {
            expect(201, member.api().post("/groups/" + slug + "/members"));
        }
        return slug;
    }

    private record Started(long threadId, long postId, String title) {
    }

    private static Started start(Fixtures.Account as, String slug, String body) {
        String title = Fixtures.unique("Thema");
        JsonObject created = expect(201, as.api().post("/groups/" + slug + "/threads",
                Json.createObjectBuilder().add("title", title).add("body", body).build())).json();
        return new Started(id(created, "threadId"), id(created, "postId"), title);
    }

    private static long reply(Fixtures.Account as, long threadId, String body) {
        return id(expect(201, as.api().post("/threads/" + threadId + "/posts",
                Json.createObjectBuilder().add("body", body).build())).json(), "postId");
    }

    private static JsonObject thread(ApiClient api, long threadId) {
        return expect(200, api.get("/threads/" + threadId)).json();
    }

    private static JsonObject post(JsonObject thread, long postId) {
        return thread.getJsonObject("posts").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(p -> id(p, "id") == postId).findFirst()
                .orElseThrow(() -> new AssertionError("post " + postId + " not in " + thread));
    }

    @Test
    void aThreadWithMarkdownAndMentionsNotifiesAndMailsTheMentionedInTheirLanguage() {
        String slug = group();
        Started started = start(author, slug, "## Plan für den Herbst\n\n- **Äpfel** ernten\n- Saft pressen\n\n"
                + "[Verein](https://example.org/streuobst) – @[Berta Beispiel] und @[Emma English], seid ihr dabei?");
        JsonObject thread = thread(author.api(), started.threadId());
        assertEquals(started.title(), thread.getString("title"));
        assertEquals(slug, thread.getString("groupSlug"));
        String html = post(thread, started.postId()).getString("html");
        assertTrue(html.contains("<strong>Äpfel</strong>") && html.contains("<li>"), html);
        assertTrue(html.contains("rel=\"nofollow noopener") || html.contains("rel=\"noopener nofollow"), html);
        assertTrue(html.contains("mention") && html.contains("Berta Beispiel"), html);

        // In the app: a MENTION for each of the two, with a link to the post, and the bell counts it.
        for (Fixtures.Account mentioned : List.of(berta, emma)) {
            JsonObject item = notification(mentioned, started.postId());
            assertEquals("MENTION", item.getString("kind"));
            assertEquals(started.threadId(), id(item, "threadId"));
            assertEquals("Anton Autor", item.getString("actorName"));
            assertTrue(item.getString("link").startsWith("/groups/thread.xhtml?slug=" + slug + "&id=" + started.threadId()),
                    item.toString());
            assertFalse(item.getBoolean("read"));
            assertTrue(expect(200, mentioned.api().get("/notifications/unread-count")).json().getInt("count") >= 1);
        }
        // The author is not notified of their own post.
        assertTrue(notifications(author).stream().noneMatch(n -> n.containsKey("postId") && id(n, "postId") == started.postId()));

        // By mail: plain text plus HTML, German for Berta, English for Emma, linking to the thread page.
        MimeMessage german = awaitMail(berta.email(), m -> subject(m).contains(started.title()), "mention mail to Berta");
        assertEquals("Anton Autor hat Sie in „" + started.title() + "“ erwähnt", subject(german));
        assertAlternative(german, "/groups/thread.xhtml?slug=" + slug + "&id=" + started.threadId());
        assertTrue(text(german).contains("Hallo Berta Beispiel"), text(german));
        MimeMessage english = awaitMail(emma.email(), m -> subject(m).contains(started.title()), "mention mail to Emma");
        assertEquals("Anton Autor mentioned you in \"" + started.title() + "\"", subject(english));
        assertAlternative(english, "/groups/thread.xhtml?slug=" + slug + "&id=" + started.threadId());
        assertTrue(text(english).contains("Hello Emma English"), text(english));
        // A mention is not a subscription: nothing to unfollow in these mails.
        assertNull(header(german, "List-Unsubscribe"));

        // Anton follows the thread he started: Berta's reply reaches him with the one-click unfollow headers.
        long replyId = reply(berta, started.threadId(), "Klar, ich bringe die **Presse** mit.");
        MimeMessage toAuthor = awaitMail(author.email(), m -> subject(m).equals("Neue Antwort in „" + started.title() + "“"),
                "reply mail to Anton");
        assertAlternative(toAuthor, "/groups/thread.xhtml?slug=" + slug + "&id=" + started.threadId() + "&post=" + replyId);
        assertTrue(UNFOLLOW_HEADER.matcher(header(toAuthor, "List-Unsubscribe")).find(), header(toAuthor, "List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", header(toAuthor, "List-Unsubscribe-Post"));
        assertEquals("REPLY", notification(author, replyId).getString("kind"));
    }

    /**
     * Reading a page of a thread marks the reader's notifications of the posts on that page read, and no others:
     * not those of posts on the next page, not another follower's.
     */
    @Test
    void readingAPageOfAThreadMarksTheNotificationsOfItsPostsRead() {
        String slug = group();
        Started started = start(author, slug, "Wir sammeln hier die Termine.");
        expect(204, berta.api().put("/threads/" + started.threadId() + "/following", empty()));
        expect(204, emma.api().put("/threads/" + started.threadId() + "/following", empty()));
        List<Long> replies = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            replies.add(reply(author, started.threadId(), "Termin " + i));
        }
        for (long replyId : replies) {
            assertFalse(notification(berta, replyId).getBoolean("read"));
        }

        // Page 1 of 10 posts: the opening post and replies 1 to 9.
        expect(200, berta.api().get("/threads/" + started.threadId() + "?first=0&size=10"));
        for (int i = 0; i < replies.size(); i++) {
            assertEquals(i < 9, notification(berta, replies.get(i)).getBoolean("read"), "reply " + (i + 1));
        }
        assertFalse(notification(emma, replies.get(0)).getBoolean("read"), "another follower's stay unread");

        // The page that holds the last reply: the rest.
        expect(200, berta.api().get("/threads/" + started.threadId() + "?size=10&post=" + replies.get(11)));
        for (long replyId : replies) {
            assertTrue(notification(berta, replyId).getBoolean("read"));
        }
        assertFalse(notification(emma, replies.get(11)).getBoolean("read"));
    }

    @Test
    void notificationsAreMarkedReadOneByOneOrAll() {
        String slug = group();
        Started first = start(author, slug, "Hallo @[Berta Beispiel]");
        Started second = start(author, slug, "Nochmal hallo @[Berta Beispiel]");
        long one = id(notification(berta, first.postId()), "id");
        notification(berta, second.postId());
        long before = expect(200, berta.api().get("/notifications/unread-count")).json().getJsonNumber("count").longValue();
        assertTrue(before >= 2);
        expect(204, berta.api().post("/notifications/" + one + "/read"));
        assertEquals(before - 1, expect(200, berta.api().get("/notifications/unread-count")).json()
                .getJsonNumber("count").longValue());
        assertTrue(notification(berta, first.postId()).getBoolean("read"));
        assertTrue(expect(200, berta.api().get("/notifications?unread=true&size=100")).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().noneMatch(n -> id(n, "id") == one));
        JsonObject marked = expect(200, berta.api().post("/notifications/read-all")).json();
        // Also those about groups she no longer reads (not counted for the bell) are marked.
        assertTrue(marked.getInt("marked") >= before - 1, marked.toString());
        assertEquals(0, expect(200, berta.api().get("/notifications/unread-count")).json().getInt("count"));
        JsonObject page = expect(200, berta.api().get("/notifications?first=0&size=1")).json();
        assertEquals(1, page.getJsonArray("items").size());
        assertTrue(page.getInt("total") >= 2);
        assertEquals(0, page.getInt("first"));
        assertEquals(1, page.getInt("size"));

        // Someone else's notification, an unknown one and a non-number are all 404; guests have no list.
        expectProblem(404, "error.notFound", emma.api().post("/notifications/" + one + "/read"));
        expectProblem(404, "error.notFound", berta.api().post("/notifications/987654321/read"));
        expectProblem(404, "error.notFound", berta.api().post("/notifications/eins/read"));
        expectProblem(401, "error.loginRequired", ApiClient.guest().get("/notifications"));
        assertEquals(0, expect(200, ApiClient.guest().get("/notifications/unread-count")).json().getInt("count"));
        expectProblem(400, "rest.parameter.invalid", berta.api().get("/notifications?unread=vielleicht"));
    }

    @Test
    void aReplyQuotesAPostOfTheSameThread() {
        String slug = group();
        Started started = start(author, slug, "Wer kommt am Samstag?");
        ApiClient.Answer answer = expect(201, berta.api().post("/threads/" + started.threadId() + "/posts",
                Json.createObjectBuilder().add("body", "> Wer kommt am Samstag?\n\nIch!")
                        .add("quotedPostId", started.postId()).build()));
        JsonObject created = answer.json();
        long replyId = id(created, "postId");
        assertEquals(2, created.getInt("number"));
        assertFalse(created.getBoolean("repeated"));
        assertEquals(started.threadId(), id(created, "threadId"));
        assertTrue(answer.header("Location").endsWith("/api/v1/posts/" + replyId), answer.header("Location"));
        JsonObject reply = post(thread(emma.api(), started.threadId()), replyId);
        assertEquals(started.postId(), id(reply, "quotedPostId"));
        assertTrue(reply.getString("html").contains("<blockquote>"), reply.getString("html"));
        assertEquals(1, thread(emma.api(), started.threadId()).getInt("replyCount"));

        Started other = start(author, slug, "Anderes Thema");
        expectProblem(400, "discussion.quote.unknown", berta.api().post("/threads/" + started.threadId() + "/posts",
                Json.createObjectBuilder().add("body", "Falsches Zitat").add("quotedPostId", other.postId()).build()));
    }

    @Test
    void theSameFormSentTwiceMakesOnePostAlsoWhenBothArriveAtOnce() throws Exception {
        String slug = group();
        // One after the other: a new thread, then a reply.
        String key = UUID.randomUUID().toString();
        JsonObject newThread = Json.createObjectBuilder().add("title", Fixtures.unique("Doppelt")).add("body", "Einmal")
                .add("clientKey", key).build();
        ApiClient.Answer first = expect(201, author.api().post("/groups/" + slug + "/threads", newThread));
        ApiClient.Answer again = expect(200, author.api().post("/groups/" + slug + "/threads", newThread));
        assertEquals(id(first.json(), "threadId"), id(again.json(), "threadId"));
        assertEquals(id(first.json(), "postId"), id(again.json(), "postId"));
        assertTrue(again.json().getBoolean("repeated"));
        long threadId = id(first.json(), "threadId");
        assertTrue(first.header("Location").endsWith("/api/v1/threads/" + threadId), first.header("Location"));

        JsonObject sequentialReply = Json.createObjectBuilder().add("body", "Antwort").add("clientKey", UUID.randomUUID().toString()).build();
        long replyId = id(expect(201, berta.api().post("/threads/" + threadId + "/posts", sequentialReply)).json(), "postId");
        assertEquals(replyId, id(expect(200, berta.api().post("/threads/" + threadId + "/posts", sequentialReply)).json(), "postId"));

        // At the same moment, ten times over: exactly one of each pair makes the post, the other gets it back.
        for (int round = 0; round < 10; round++) {
            JsonObject concurrentReply = Json.createObjectBuilder().add("body", "Gleichzeitig " + round)
                    .add("clientKey", UUID.randomUUID().toString()).build();
            List<ApiClient.Answer> replies = twice(() -> berta.api().post("/threads/" + threadId + "/posts", concurrentReply));
            assertOneCreatedOneRepeated(replies, "postId");

            JsonObject concurrentThread = Json.createObjectBuilder().add("title", Fixtures.unique("Gleichzeitig"))
                    .add("body", "Zweimal abgeschickt").add("clientKey", UUID.randomUUID().toString()).build();
            List<ApiClient.Answer> threads = twice(() -> author.api().post("/groups/" + slug + "/threads", concurrentThread));
            assertOneCreatedOneRepeated(threads, "threadId");
            long titled = expect(200, author.api().get("/groups/" + slug + "/threads?size=100")).json()
                    .getJsonObject("threads").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(t -> t.getString("title").equals(concurrentThread.getString("title"))).count();
            assertEquals(1, titled, "threads titled " + concurrentThread.getString("title"));
        }
        JsonObject posts = expect(200, author.api().get("/threads/" + threadId + "?size=200")).json().getJsonObject("posts");
        assertEquals(1 + 1 + 10, posts.getInt("total"), posts.toString());
        Set<String> bodies = new TreeSet<>();
        posts.getJsonArray("items").getValuesAs(JsonObject.class).forEach(p -> bodies.add(p.getString("html")));
        assertEquals(12, bodies.size(), bodies.toString());
    }

    @Test
    void anEditFromAStaleVersionIsAConflictAndChangesNothing() {
        String slug = group();
        Started started = start(author, slug, "Erste Fassung");
        JsonObject source = expect(200, author.api().get("/posts/" + started.postId() + "/source")).json();
        assertEquals("Erste Fassung", source.getString("body"));
        assertTrue(source.getBoolean("opening"));
        int version = source.getInt("version");

        expect(204, author.api().put("/posts/" + started.postId(), Json.createObjectBuilder()
                .add("body", "Zweite Fassung").add("version", version).add("title", started.title() + " (neu)").build()));
        ApiClient.Answer stale = author.api().put("/posts/" + started.postId(), Json.createObjectBuilder()
                .add("body", "Dritte Fassung aus altem Stand").add("version", version).build());
        expectProblem(409, "discussion.post.conflict", stale);
        assertTrue(stale.json().getString("detail").startsWith("Dieser Beitrag wurde inzwischen geändert"), stale.body());

        JsonObject after = expect(200, author.api().get("/posts/" + started.postId() + "/source")).json();
        assertEquals("Zweite Fassung", after.getString("body"));
        assertTrue(after.getInt("version") > version);
        JsonObject thread = thread(berta.api(), started.threadId());
        assertEquals(started.title() + " (neu)", thread.getString("title"));
        JsonObject post = post(thread, started.postId());
        assertEquals(1, post.getInt("editCount"));
        assertTrue(post.containsKey("editedAt"));
        assertTrue(post.getString("html").contains("Zweite Fassung"));

        // Without version, without body, broken JSON: 400 with a German text. Someone else's post: 403.
        expectProblem(400, "rest.version.required", author.api().put("/posts/" + started.postId(),
                Json.createObjectBuilder().add("body", "Ohne Version").build()));
        expectProblem(400, "discussion.body.required", author.api().put("/posts/" + started.postId(),
                Json.createObjectBuilder().add("version", after.getInt("version")).build()));
        ApiClient.Answer broken = author.api().postRaw("/groups/" + slug + "/threads", "{\"title\": \"Kaputt\", ");
        expectProblem(400, "rest.body.invalid", broken);
        assertTrue(broken.json().getString("detail").contains("kein gültiges JSON"), broken.body());
        expectProblem(403, "error.forbidden", berta.api().put("/posts/" + started.postId(), Json.createObjectBuilder()
                .add("body", "Fremd").add("version", after.getInt("version")).build()));
        expectProblem(403, "error.forbidden", berta.api().get("/posts/" + started.postId() + "/source"));
    }

    @Test
    void badRequestsAnswerProblemsInGerman() {
        String slug = group();
        ApiClient api = author.api();
        ApiClient.Answer noTitle = api.post("/groups/" + slug + "/threads", Json.createObjectBuilder().add("body", "Text").build());
        expectProblem(400, "discussion.title.required", noTitle);
        assertEquals("Bitte geben Sie dem Thema einen Titel.", noTitle.json().getString("detail"));
        expectProblem(400, "discussion.body.required", api.post("/groups/" + slug + "/threads",
                Json.createObjectBuilder().add("title", "Ohne Text").build()));
        expectProblem(400, "rest.body.missing", api.postRaw("/groups/" + slug + "/threads", ""));
        expectProblem(400, "rest.body.invalid", api.postRaw("/groups/" + slug + "/threads", "[1, 2]"));
        expectProblem(400, "rest.field.tooLong", api.post("/groups/" + slug + "/threads", Json.createObjectBuilder()
                .add("title", "Schlüssel").add("body", "Zu lang").add("clientKey", "k".repeat(65)).build()));
        expectProblem(400, "rest.parameter.invalid", api.get("/groups/" + slug + "/threads?filter=BELIEBIG"));
        expectProblem(400, "rest.parameter.invalid", api.get("/groups/" + slug + "/threads?first=x"));
        Started started = start(author, slug, "Text");
        expectProblem(400, "rest.parameter.invalid", api.get("/threads/" + started.threadId() + "?post=zwei"));
        expectProblem(400, "rest.body.invalid", api.postRaw("/threads/" + started.threadId() + "/posts",
                "{\"body\": \"x\", \"quotedPostId\": \"eins\"}"));
        // Ids that are no numbers name nothing there is.
        for (String path : List.of("/threads/abc", "/threads/abc/posts", "/posts/abc/source", "/posts/1x/history")) {
            expectProblem(404, "error.notFound", path.endsWith("posts") ? api.post(path, Json.createObjectBuilder()
                    .add("body", "x").build()) : api.get(path));
        }
        expectProblem(404, "error.notFound", api.get("/threads/987654321"));
        expectProblem(404, "error.notFound", api.get("/groups/" + Fixtures.unique("gibt-es-nicht") + "/threads"));
        expectProblem(415, "rest.mediaType.unsupported", problemOf(send(HttpRequest.newBuilder(
                URI.create(ApiClient.BASE + "/groups/" + slug + "/threads")).header("Authorization", "Bearer " + author.token())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("Titel")))));
    }

    @Test
    void aDeletedPostLeavesAPlaceholder() {
        String slug = group();
        Started started = start(author, slug, "Eröffnung");
        long replyId = reply(berta, started.threadId(), "Das nehme ich zurück.");
        expectProblem(403, "error.forbidden", author.api().delete("/posts/" + replyId));
        expect(204, berta.api().delete("/posts/" + replyId));
        JsonObject thread = thread(emma.api(), started.threadId());
        JsonObject placeholder = post(thread, replyId);
        assertTrue(placeholder.getBoolean("deleted"));
        assertAbsent(placeholder, "html");
        assertEquals(2, placeholder.getInt("number"));
        assertEquals(2, thread.getJsonObject("posts").getInt("total"));
        expectProblem(409, "discussion.post.deleted", berta.api().put("/posts/" + replyId, Json.createObjectBuilder()
                .add("body", "Doch nicht").add("version", placeholder.getInt("version")).build()));
    }

    @Test
    void reactionsToggle() {
        String slug = group();
        Started started = start(author, slug, "Gefällt euch das?");
        JsonArray liked = expect(200, berta.api().post("/posts/" + started.postId() + "/reactions",
                Json.createObjectBuilder().add("kind", "LIKE").build())).array();
        assertEquals(1, liked.size());
        assertEquals("LIKE", liked.getJsonObject(0).getString("kind"));
        assertEquals(1, liked.getJsonObject(0).getInt("count"));
        assertTrue(liked.getJsonObject(0).getBoolean("mine"));
        JsonArray both = expect(200, emma.api().post("/posts/" + started.postId() + "/reactions",
                Json.createObjectBuilder().add("kind", "like").build())).array();
        assertEquals(2, both.getJsonObject(0).getInt("count"));
        expect(200, emma.api().post("/posts/" + started.postId() + "/reactions",
                Json.createObjectBuilder().add("kind", "CELEBRATE").build()));
        JsonArray taken = expect(200, berta.api().post("/posts/" + started.postId() + "/reactions",
                Json.createObjectBuilder().add("kind", "LIKE").build())).array();
        JsonObject like = taken.getValuesAs(JsonObject.class).stream().filter(r -> r.getString("kind").equals("LIKE"))
                .findFirst().orElseThrow();
        assertEquals(1, like.getInt("count"));
        assertFalse(like.getBoolean("mine"));
        assertEquals(2, post(thread(emma.api(), started.threadId()), started.postId()).getJsonArray("reactions").size());

        expectProblem(400, "discussion.reaction.unknown", berta.api().post("/posts/" + started.postId() + "/reactions",
                Json.createObjectBuilder().add("kind", "HATE").build()));
        expectProblem(400, "discussion.reaction.unknown", berta.api().post("/posts/" + started.postId() + "/reactions",
                Json.createObjectBuilder().build()));
        expectProblem(400, "rest.body.invalid", berta.api().postRaw("/posts/" + started.postId() + "/reactions",
                "{\"kind\": [\"LIKE\"]}"));
    }

    @Test
    void moderatorsPinAndLockAndOnlyTheyReplyToALockedThread() {
        String slug = group();
        Started older = start(author, slug, "Älter, aber wichtig");
        start(author, slug, "Neuer");
        expect(204, moderator.api().put("/threads/" + older.threadId() + "/pinned", empty()));
        JsonObject board = expect(200, berta.api().get("/groups/" + slug + "/threads")).json();
        JsonObject top = board.getJsonObject("threads").getJsonArray("items").getJsonObject(0);
        assertEquals(older.threadId(), id(top, "id"));
        assertTrue(top.getBoolean("pinned"));
        JsonArray pinned = expect(200, berta.api().get("/groups/" + slug + "/threads?filter=PINNED")).json()
                .getJsonObject("threads").getJsonArray("items");
        assertEquals(1, pinned.size());
        expectProblem(403, "error.forbidden", author.api().put("/threads/" + older.threadId() + "/pinned", empty()));

        expect(204, moderator.api().put("/threads/" + older.threadId() + "/locked", empty()));
        assertTrue(thread(berta.api(), older.threadId()).getBoolean("locked"));
        assertFalse(thread(berta.api(), older.threadId()).getJsonArray("permissions").toString().contains("REPLY"));
        ApiClient.Answer refused = berta.api().post("/threads/" + older.threadId() + "/posts",
                Json.createObjectBuilder().add("body", "Darf ich noch?").build());
        expectProblem(409, "discussion.thread.locked", refused);
        assertEquals("Dieses Thema ist gesperrt; es nimmt keine Antworten mehr an.", refused.json().getString("detail"));
        reply(moderator, older.threadId(), "Abschließend: so machen wir es.");
        assertEquals(1, thread(berta.api(), older.threadId()).getInt("replyCount"));

        expect(204, moderator.api().delete("/threads/" + older.threadId() + "/locked"));
        reply(berta, older.threadId(), "Wieder offen, danke!");
        expect(204, moderator.api().delete("/threads/" + older.threadId() + "/pinned"));
        assertFalse(thread(berta.api(), older.threadId()).getBoolean("pinned"));
    }

    @Test
    void aModeratorMovesAThreadToAnotherGroupTheyModerate() {
        String slug = group();
        String target = Fixtures.createGroup("PRIVATE", "OPEN", moderator.email()).getString("slug");
        String foreign = Fixtures.createGroup("PRIVATE", "OPEN").getString("slug");
        Started started = start(author, slug, "Gehört woanders hin @[Berta Beispiel]");
        long mention = id(notification(berta, started.postId()), "id");
        assertTrue(thread(moderator.api(), started.threadId()).getJsonArray("moveTargets").toString().contains(target));

        expectProblem(403, "error.forbidden", moderator.api().post("/threads/" + started.threadId() + "/move",
                Json.createObjectBuilder().add("group", foreign).build()));
        expectProblem(400, "discussion.move.targetRequired", moderator.api().post("/threads/" + started.threadId() + "/move",
                Json.createObjectBuilder().build()));
        expect(204, moderator.api().post("/threads/" + started.threadId() + "/move",
                Json.createObjectBuilder().add("group", target).build()));
        assertEquals(target, thread(moderator.api(), started.threadId()).getString("groupSlug"));
        assertTrue(expect(200, moderator.api().get("/groups/" + target + "/threads")).json().getJsonObject("threads")
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().anyMatch(t -> id(t, "id") == started.threadId()));
        assertTrue(expect(200, author.api().get("/groups/" + slug + "/threads")).json().getJsonObject("threads")
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().noneMatch(t -> id(t, "id") == started.threadId()));
        // The members of the old group are not in the new one: the thread and its notification are gone for them.
        expectProblem(404, "error.notFound", berta.api().get("/threads/" + started.threadId()));
        assertTrue(notifications(berta).stream().noneMatch(n -> id(n, "id") == mention));
    }

    /**
     * The probe's finding: a page elsewhere that sent a logged-in member to {@code thread.xhtml?…&deletePost=…} deleted
     * the post (and {@code react}, {@code follow}, a moderator's {@code unhidePost} worked the same way), and a form
     * another site sent logged the member out. Now links change nothing, whether from another site or inside the
     * workspace (a link in a post), the other site's form is refused, and the member stays logged in.
     */
    @Test
    void linksAndFormsOfAnotherSiteChangeNothingAndLogNobodyOut() throws Exception {
        String slug = group();
        Started started = start(author, slug, "Bitte stehen lassen");
        long replyId = reply(berta, started.threadId(), "Bertas Antwort");
        long hiddenId = reply(emma, started.threadId(), "Etwas zum Ausblenden");
        expect(204, moderator.api().put("/posts/" + hiddenId + "/hidden",
                Json.createObjectBuilder().add("reason", "Zum Test ausgeblendet").build()));
        boolean following = thread(berta.api(), started.threadId()).getBoolean("following");
        String page = LandingIT.BASE + "/groups/thread.xhtml?slug=" + slug + "&id=" + started.threadId();
        List<String> links = List.of(page + "&deletePost=" + replyId, page + "&react=" + started.postId() + ":CELEBRATE",
                page + "&follow=" + (following ? "off" : "on"));
        try (CrossSite elsewhere = new CrossSite(); Browser member = new Browser(); Browser mara = new Browser()) {
            Flows.logIn(member, berta.email(), Fixtures.PASSWORD);
            for (String link : links) {
                elsewhere.follow(member, link);
                member.driver.get(link);
            }
            Flows.logIn(mara, moderator.email(), Fixtures.PASSWORD);
            elsewhere.follow(mara, page + "&unhidePost=" + hiddenId);
            mara.driver.get(page + "&unhidePost=" + hiddenId);

            JsonObject thread = thread(moderator.api(), started.threadId());
            assertFalse(post(thread, replyId).getBoolean("deleted"), "deleted by a link");
            assertTrue(post(thread, started.postId()).getJsonArray("reactions").isEmpty(), "reacted by a link");
            assertTrue(post(thread, hiddenId).getBoolean("hidden"), "shown again by a link");
            assertEquals(following, thread(berta.api(), started.threadId()).getBoolean("following"), "following changed by a link");

            elsewhere.post(member, LandingIT.BASE + "/groups/thread.xhtml", java.util.Map.of("slug", slug,
                    "id", String.valueOf(started.threadId()), "deletePost", String.valueOf(replyId)));
            assertTrue(member.driver.getPageSource().contains("von einer anderen Website"), member.driver.getPageSource());
            member.driver.get(page);
            Flows.waitFor(member, org.openqa.selenium.By.id("logout"));
        }
        assertFalse(post(thread(moderator.api(), started.threadId()), replyId).getBoolean("deleted"), "deleted by a form");
    }

    @Test
    void aHiddenPostShowsItsContentAndReasonToModeratorsOnly() {
        String slug = group();
        Started started = start(author, slug, "Sachlich bleiben");
        long replyId = reply(berta, started.threadId(), "Etwas Unfreundliches");
        expectProblem(400, "discussion.hide.reasonRequired", moderator.api().put("/posts/" + replyId + "/hidden",
                Json.createObjectBuilder().add("reason", " ").build()));
        expectProblem(403, "error.forbidden", author.api().put("/posts/" + replyId + "/hidden",
                Json.createObjectBuilder().add("reason", "Gefällt mir nicht").build()));
        expect(204, moderator.api().put("/posts/" + replyId + "/hidden",
                Json.createObjectBuilder().add("reason", "Beleidigend gegenüber Mitgliedern").build()));

        JsonObject seenByMember = post(thread(emma.api(), started.threadId()), replyId);
        assertTrue(seenByMember.getBoolean("hidden"));
        assertAbsent(seenByMember, "html");
        assertAbsent(seenByMember, "hiddenReason");
        JsonObject seenByAuthor = post(thread(berta.api(), started.threadId()), replyId);
        assertAbsent(seenByAuthor, "html");
        JsonObject seenByModerator = post(thread(moderator.api(), started.threadId()), replyId);
        assertTrue(seenByModerator.getBoolean("hidden"));
        assertTrue(seenByModerator.getString("html").contains("Etwas Unfreundliches"));
        assertEquals("Beleidigend gegenüber Mitgliedern", seenByModerator.getString("hiddenReason"));
        JsonObject seenByAdmin = post(thread(Fixtures.admin(), started.threadId()), replyId);
        assertTrue(seenByAdmin.getString("html").contains("Etwas Unfreundliches"));

        expect(204, moderator.api().delete("/posts/" + replyId + "/hidden"));
        JsonObject shown = post(thread(emma.api(), started.threadId()), replyId);
        assertFalse(shown.getBoolean("hidden"));
        assertTrue(shown.getString("html").contains("Etwas Unfreundliches"));
    }

    @Test
    void theEditHistoryIsForModeratorsOnly() {
        String slug = group();
        Started started = start(author, slug, "Ursprünglicher Text");
        int version = expect(200, author.api().get("/posts/" + started.postId() + "/source")).json().getInt("version");
        expect(204, author.api().put("/posts/" + started.postId(), Json.createObjectBuilder()
                .add("body", "Geänderter Text").add("version", version).build()));
        JsonArray history = expect(200, moderator.api().get("/posts/" + started.postId() + "/history")).array();
        assertEquals(1, history.size());
        assertEquals("Ursprünglicher Text", history.getJsonObject(0).getString("body"));
        assertEquals("Anton Autor", history.getJsonObject(0).getString("replacedByName"));
        assertEquals(1, expect(200, Fixtures.admin().get("/posts/" + started.postId() + "/history")).array().size());
        expectProblem(403, "error.forbidden", author.api().get("/posts/" + started.postId() + "/history"));
        expectProblem(403, "error.forbidden", berta.api().get("/posts/" + started.postId() + "/history"));
        assertTrue(post(thread(moderator.api(), started.threadId()), started.postId()).getJsonArray("permissions")
                .toString().contains("HISTORY"));
    }

    @Test
    void aTrashedThreadIsGoneForAllButTheModeratorsUntilRestored() {
        String slug = group();
        Started started = start(author, slug, "Versehentlich angelegt");
        expectProblem(403, "error.forbidden", author.api().delete("/threads/" + started.threadId()));
        expect(204, moderator.api().delete("/threads/" + started.threadId()));
        expectProblem(404, "error.notFound", author.api().get("/threads/" + started.threadId()));
        expectProblem(404, "error.notFound", berta.api().post("/threads/" + started.threadId() + "/posts",
                Json.createObjectBuilder().add("body", "Hallo?").build()));
        assertTrue(boardIds(author, slug, "ALL").stream().noneMatch(id -> id == started.threadId()));
        expectProblem(403, "error.forbidden", author.api().get("/groups/" + slug + "/threads?filter=TRASH"));
        assertTrue(thread(moderator.api(), started.threadId()).getBoolean("trashed"));
        assertTrue(boardIds(moderator, slug, "TRASH").contains(started.threadId()));

        expect(204, moderator.api().post("/threads/" + started.threadId() + "/restore"));
        assertFalse(thread(author.api(), started.threadId()).getBoolean("trashed"));
        assertTrue(boardIds(author, slug, "ALL").contains(started.threadId()));
        assertFalse(boardIds(moderator, slug, "TRASH").contains(started.threadId()));
    }

    @Test
    void theBoardFiltersMineAndUnread() {
        String slug = group();
        Started mine = start(berta, slug, "Von Berta");
        Started theirs = start(author, slug, "Von Anton");
        List<Long> bertas = boardIds(berta, slug, "MINE");
        assertTrue(bertas.contains(mine.threadId()) && !bertas.contains(theirs.threadId()), bertas.toString());
        assertTrue(boardIds(emma, slug, "UNREAD").containsAll(List.of(mine.threadId(), theirs.threadId())));
        thread(emma.api(), theirs.threadId());
        List<Long> unread = boardIds(emma, slug, "UNREAD");
        assertTrue(unread.contains(mine.threadId()) && !unread.contains(theirs.threadId()), unread.toString());
        JsonObject board = expect(200, emma.api().get("/groups/" + slug + "/threads?first=0&size=1")).json();
        assertEquals(1, board.getJsonObject("threads").getJsonArray("items").size());
        assertEquals(2, board.getJsonObject("threads").getInt("total"));
        assertTrue(board.getJsonArray("permissions").toString().contains("START_THREAD"));
    }

    @Test
    void previewAndMentionCandidates() {
        String slug = group();
        JsonObject preview = expect(200, author.api().post("/groups/" + slug + "/preview", Json.createObjectBuilder()
                .add("body", "**Vorschau** für @[Berta Beispiel] <script>alert(1)</script>").build())).json();
        assertTrue(preview.getString("html").contains("<strong>Vorschau</strong>"), preview.getString("html"));
        assertFalse(preview.getString("html").contains("<script"), preview.getString("html"));
        JsonArray mentioned = preview.getJsonArray("mentioned");
        assertEquals(1, mentioned.size());
        assertEquals(berta.id(), id(mentioned.getJsonObject(0), "id"));
        assertEquals("Berta Beispiel", mentioned.getJsonObject(0).getString("name"));

        JsonArray candidates = expect(200, author.api().get("/groups/" + slug + "/mention-candidates?q=Be")).array();
        assertTrue(candidates.getValuesAs(JsonObject.class).stream().anyMatch(c -> id(c, "id") == berta.id()), candidates.toString());
        assertTrue(candidates.getValuesAs(JsonObject.class).stream().noneMatch(c -> id(c, "id") == emma.id()), candidates.toString());
        JsonArray byWord = expect(200, author.api().get("/groups/" + slug + "/mention-candidates?q=engl")).array();
        assertTrue(byWord.getValuesAs(JsonObject.class).stream().anyMatch(c -> id(c, "id") == emma.id()), byWord.toString());
        // No one outside the group is offered.
        Fixtures.Account outsider = Fixtures.createAccount(MAIL, "Berta Außen");
        assertTrue(expect(200, author.api().get("/groups/" + slug + "/mention-candidates?q=Berta")).array()
                .getValuesAs(JsonObject.class).stream().noneMatch(c -> id(c, "id") == outsider.id()));
    }

    @Test
    void theUnfollowLinkOfAMailWorksWithoutLoggingInAndStopsTheMails() {
        String slug = group();
        Started started = start(author, slug, "Wer folgt, bekommt Post");
        long firstReply = reply(berta, started.threadId(), "Erste Antwort");
        MimeMessage mail = awaitMail(author.email(), m -> text(m).contains("post=" + firstReply + "#"), "reply mail to Anton");
        Matcher header = UNFOLLOW_HEADER.matcher(header(mail, "List-Unsubscribe"));
        assertTrue(header.find(), header(mail, "List-Unsubscribe"));
        String path = URI.create(header.group(1)).getRawPath();
        assertTrue(path.startsWith("/api/v1/unfollow/"), path);
        // The mail's own unfollow page link carries the same token.
        assertTrue(text(mail).contains("/unfollow.xhtml?token=" + header.group(2)), text(mail));

        // No token, no session: as a mail provider would, also asking for HTML and sending the RFC 8058 form.
        HttpResponse<String> shown = send(HttpRequest.newBuilder(URI.create(LandingIT.BASE + path)).GET());
        assertEquals(200, shown.statusCode(), shown.body());
        JsonObject what = Json.createReader(new StringReader(shown.body())).readObject();
        assertEquals("THREAD", what.getString("kind"));
        assertEquals(started.title(), what.getString("threadTitle"));
        assertTrue(what.getBoolean("active"));
        HttpResponse<String> oneClick = send(HttpRequest.newBuilder(URI.create(LandingIT.BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertEquals(200, oneClick.statusCode(), oneClick.body());
        assertFalse(Json.createReader(new StringReader(oneClick.body())).readObject().getBoolean("active"));
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(LandingIT.BASE + path))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode(), "a second click changes nothing");
        assertFalse(thread(author.api(), started.threadId()).getBoolean("following"));

        long secondReply = reply(berta, started.threadId(), "Zweite Antwort");
        assertNoMail(author.email(), m -> text(m).contains("post=" + secondReply + "#"), "reply mail after unfollowing");
        assertTrue(notifications(author).stream().noneMatch(n -> n.containsKey("postId") && id(n, "postId") == secondReply));

        expectProblem(404, "error.notFound", ApiClient.guest().get("/unfollow/" + Fixtures.unique("unbekannt")));
        expectProblem(404, "error.notFound", ApiClient.guest().post("/unfollow/" + Fixtures.unique("unbekannt")));
    }

    @Test
    void followingThreadsAndBoardsIsListedAndEnded() {
        String slug = group();
        expect(204, emma.api().put("/groups/" + slug + "/following", empty()));
        assertTrue(expect(200, emma.api().get("/groups/" + slug + "/threads")).json().getBoolean("following"));
        Started started = start(author, slug, "Neu im Board");
        JsonObject newThread = notification(emma, started.postId());
        assertEquals("NEW_THREAD", newThread.getString("kind"));
        MimeMessage mail = awaitMail(emma.email(), m -> subject(m).contains(started.title()), "new thread mail to Emma");
        assertTrue(subject(mail).startsWith("New thread in "), subject(mail));
        assertNotNull(header(mail, "List-Unsubscribe"));

        expect(204, emma.api().put("/threads/" + started.threadId() + "/following", empty()));
        assertTrue(thread(emma.api(), started.threadId()).getBoolean("following"));
        JsonArray following = expect(200, emma.api().get("/me/following")).array();
        JsonObject board = following.getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("kind").equals("GROUP") && f.getString("groupSlug").equals(slug)).findFirst().orElseThrow();
        JsonObject thread = following.getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("kind").equals("THREAD") && f.containsKey("threadId")
                        && id(f, "threadId") == started.threadId()).findFirst().orElseThrow();
        assertEquals(started.title(), thread.getString("threadTitle"));

        expectProblem(404, "error.notFound", berta.api().delete("/me/following/" + id(thread, "id")));
        expect(204, emma.api().delete("/me/following/" + id(thread, "id")));
        expect(204, emma.api().delete("/groups/" + slug + "/following"));
        assertTrue(expect(200, emma.api().get("/me/following")).array().getValuesAs(JsonObject.class).stream()
                .noneMatch(f -> id(f, "id") == id(board, "id") || id(f, "id") == id(thread, "id")));
        assertFalse(thread(emma.api(), started.threadId()).getBoolean("following"));
        Started later = start(author, slug, "Nicht mehr gemeldet");
        assertNoMail(emma.email(), m -> subject(m).contains(later.title()), "new thread mail after unfollowing the board");
        expectProblem(401, "error.loginRequired", ApiClient.guest().get("/me/following"));
    }

    @Test
    void dailyMeansOneDigestByGroupAndThreadAndOffMeansNoMail() {
        accounts();
        Fixtures.Account dora = Fixtures.createAccount(MAIL, "Dora Digest");
        String first = group();
        String second = group();
        for (String slug : List.of(first, second)) {
            expect(201, dora.api().post("/groups/" + slug + "/members"));
        }
        JsonObject settings = expect(200, dora.api().get("/me/mail-settings")).json();
        assertEquals("INSTANT", settings.getString("defaultMode"));
        assertEquals(2, settings.getJsonArray("groups").size());
        assertTrue(settings.getInt("digestHour") >= 0 && settings.getInt("digestHour") <= 23);
        expect(204, dora.api().put("/me/mail-settings", Json.createObjectBuilder().add("defaultMode", "DAILY").build()));
        assertEquals("DAILY", expect(200, dora.api().get("/me/mail-settings")).json().getString("defaultMode"));

        Started a = start(author, first, "Für den Tagesüberblick @[Dora Digest]");
        Started b = start(berta, first, "Noch eins für @[Dora Digest]");
        reply(author, b.threadId(), "Und eine Antwort an @[Dora Digest]");
        Started c = start(emma, second, "Aus der zweiten Gruppe @[Dora Digest]");
        assertEquals("MENTION", notification(dora, c.postId()).getString("kind"));
        assertNoMail(dora.email(), m -> List.of(a.title(), b.title(), c.title()).stream().anyMatch(subject(m)::contains),
                "an instant mail to someone who chose the daily digest");

        expectProblem(403, "error.forbidden", dora.api().post("/admin/digests"));
        expectProblem(401, "error.loginRequired", ApiClient.guest().post("/admin/digests"));
        JsonObject run = expect(200, Fixtures.admin().post("/admin/digests")).json();
        assertTrue(run.getInt("recipients") >= 1 && run.getInt("mails") >= 1, run.toString());
        assertTrue(run.containsKey("millis"));
        MimeMessage digest = awaitMail(dora.email(), m -> subject(m).startsWith("Ihre Übersicht"), "digest mail to Dora");
        assertTrue(subject(digest).endsWith("4 Neuigkeiten"), subject(digest));
        String text = text(digest);
        String firstName = "Gruppe „Gruppe " + first + "“";
        String secondName = "Gruppe „Gruppe " + second + "“";
        assertTrue(text.contains(firstName) && text.contains(secondName), text);
        assertTrue(text.indexOf(a.title()) > text.indexOf(firstName) && text.indexOf(b.title()) > text.indexOf(firstName), text);
        assertTrue(text.indexOf(c.title()) > text.indexOf(secondName), text);
        assertEquals(1, countOccurrences(text, "„" + b.title() + "“"), "one heading per thread: " + text);
        assertAlternative(digest, "/groups/thread.xhtml?slug=" + first + "&id=" + a.threadId());
        JsonObject again = expect(200, Fixtures.admin().post("/admin/digests")).json();
        assertNotNull(again);
        assertNoMail(dora.email(), m -> subject(m).startsWith("Ihre Übersicht")
                && !sameMessage(m, digest), "a second digest with nothing new");

        // A group of its own can still mail at once; OFF mails nothing, neither at once nor in the digest.
        expect(204, dora.api().put("/me/mail-settings", Json.createObjectBuilder().add("defaultMode", "OFF")
                .add("groups", Json.createObjectBuilder().add(second, "INSTANT")).build()));
        JsonObject changed = expect(200, dora.api().get("/me/mail-settings")).json();
        assertEquals("OFF", changed.getString("defaultMode"));
        assertTrue(changed.getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .anyMatch(g -> g.getString("slug").equals(second) && g.getString("mode").equals("INSTANT")), changed.toString());
        Started instant = start(emma, second, "Sofort an @[Dora Digest]");
        awaitMail(dora.email(), m -> subject(m).contains(instant.title()), "instant mail for the group chosen INSTANT");
        Started off = start(author, first, "Gar nicht an @[Dora Digest]");
        assertEquals("MENTION", notification(dora, off.postId()).getString("kind"));
        expect(200, Fixtures.admin().post("/admin/digests"));
        assertNoMail(dora.email(), m -> subject(m).contains(off.title()) || (subject(m).startsWith("Ihre Übersicht")
                && !sameMessage(m, digest)), "any mail while the default is OFF");

        expect(204, dora.api().put("/me/mail-settings", Json.createObjectBuilder()
                .add("groups", Json.createObjectBuilder().addNull(second)).build()));
        assertTrue(expect(200, dora.api().get("/me/mail-settings")).json().getJsonArray("groups").getValuesAs(JsonObject.class)
                .stream().noneMatch(g -> g.containsKey("mode") && !g.isNull("mode")));
        expectProblem(400, "notification.mailMode.invalid", dora.api().put("/me/mail-settings",
                Json.createObjectBuilder().add("defaultMode", "WEEKLY").build()));
        expectProblem(404, "error.notFound", dora.api().put("/me/mail-settings", Json.createObjectBuilder()
                .add("groups", Json.createObjectBuilder().add(Fixtures.createGroup("PUBLIC", "OPEN").getString("slug"), "DAILY")).build()));
        // All or nothing: a bad group after a good default changes neither.
        expectProblem(400, "notification.mailMode.invalid", dora.api().put("/me/mail-settings", Json.createObjectBuilder()
                .add("defaultMode", "INSTANT").add("groups", Json.createObjectBuilder().add(first, "SOMETIMES")).build()));
        assertEquals("OFF", expect(200, dora.api().get("/me/mail-settings")).json().getString("defaultMode"));
        expectProblem(401, "error.loginRequired", ApiClient.guest().get("/me/mail-settings"));
    }

    // --- helpers ---

    private static List<Long> boardIds(Fixtures.Account as, String slug, String filter) {
        return expect(200, as.api().get("/groups/" + slug + "/threads?size=100&filter=" + filter)).json()
                .getJsonObject("threads").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(t -> id(t, "id")).toList();
    }

    private static List<JsonObject> notifications(Fixtures.Account as) {
        return expect(200, as.api().get("/notifications?size=100")).json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** The recipient's notification about a post, waiting a little: it is made in the post's transaction. */
    private static JsonObject notification(Fixtures.Account recipient, long postId) {
        return notifications(recipient).stream().filter(n -> n.containsKey("postId") && id(n, "postId") == postId)
                .findFirst().orElseThrow(() -> new AssertionError("no notification about post " + postId + " for "
                        + recipient.displayName() + ": " + notifications(recipient)));
    }

    /** Sends the same request from two threads released at the same moment. */
    private static List<ApiClient.Answer> twice(Supplier<ApiClient.Answer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<ApiClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    together.await();
                    return request.get();
                }));
            }
            List<ApiClient.Answer> result = new ArrayList<>();
            for (Future<ApiClient.Answer> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneCreatedOneRepeated(List<ApiClient.Answer> answers, String idMember) {
        List<Integer> statuses = answers.stream().map(ApiClient.Answer::status).sorted().toList();
        assertEquals(List.of(200, 201), statuses, answers.toString());
        assertEquals(id(answers.get(0).json(), idMember), id(answers.get(1).json(), idMember), answers.toString());
        assertEquals(id(answers.get(0).json(), "postId"), id(answers.get(1).json(), "postId"), answers.toString());
    }

    private static JsonObject empty() {
        return Json.createObjectBuilder().build();
    }

    private static long id(JsonObject object, String member) {
        return object.getJsonNumber(member).longValue();
    }

    private static void assertAbsent(JsonObject object, String member) {
        assertTrue(!object.containsKey(member) || object.isNull(member), member + " in " + object);
    }

    private static ApiClient.Answer expect(int status, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        return answer;
    }

    private static void expectProblem(int status, String code, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(code, answer.json().getString("code"), answer.body());
        assertFalse(answer.json().getString("detail").isBlank());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ApiClient.Answer problemOf(HttpResponse<String> response) {
        return new ApiClient.Answer(response.statusCode(), response.body(), response.headers());
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    // --- mail ---

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(MAIL.getReceivedMessagesForDomain(email)).toList();
    }

    /** Waits up to 30 s for a mail to {@code email} that {@code which} accepts. */
    static MimeMessage awaitMail(String email, Predicate<MimeMessage> which, String what) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : mailsTo(email)) {
                if (which.test(message)) {
                    return message;
                }
            }
            MAIL.waitForIncomingEmail(500, MAIL.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no " + what + " within 30 s; mails to " + email + ": "
                + mailsTo(email).stream().map(ApiDiscussionsIT::subject).toList());
    }

    /** Waits {@link #QUIET} and asserts that no mail to {@code email} that {@code which} accepts came meanwhile. */
    static void assertNoMail(String email, Predicate<MimeMessage> which, String what) {
        try {
            Thread.sleep(QUIET.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> unexpected = mailsTo(email).stream().filter(which).map(ApiDiscussionsIT::subject).toList();
        assertTrue(unexpected.isEmpty(), "unexpected " + what + ": " + unexpected);
    }

    private static boolean sameMessage(MimeMessage one, MimeMessage other) {
        return header(one, "Message-ID") != null && header(one, "Message-ID").equals(header(other, "Message-ID"));
    }

    static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text of a mail: the text/plain alternative of a multipart one. */
    static String text(MimeMessage message) {
        return MailParts.plain(message);
    }

    /** multipart/alternative with text/plain first, then text/html; both carry the link. */
    private static void assertAlternative(MimeMessage message, String link) {
        try {
            assertTrue(message.isMimeType("multipart/alternative"), message.getContentType());
            Multipart parts = (Multipart) message.getContent();
            assertEquals(2, parts.getCount());
            BodyPart plain = parts.getBodyPart(0);
            BodyPart html = parts.getBodyPart(1);
            assertTrue(plain.isMimeType("text/plain"), plain.getContentType());
            assertTrue(html.isMimeType("text/html"), html.getContentType());
            assertTrue(String.valueOf(plain.getContent()).contains(link), plain.getContent() + " lacks " + link);
            String markup = String.valueOf(html.getContent());
            // An absolute link, so that it works from any mail client.
            assertTrue(Pattern.compile("href=\"https?://[^\"/]+" + Pattern.quote(link.replace("&", "&amp;")))
                    .matcher(markup).find(), markup + " lacks a link to " + link);
            assertNotEquals(-1, markup.indexOf("<html lang="), markup);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
