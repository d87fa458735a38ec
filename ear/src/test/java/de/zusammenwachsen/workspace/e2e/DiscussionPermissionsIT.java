package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The permission matrix of discussions: six kinds of caller × three visibilities × every thread and post action of
 * the REST API, each cell an HTTP status. The expected table is written from the rules of the issue, not from the
 * access policy:
 *
 * <ul>
 *   <li>whoever may not read a group's content gets 404 for everything, whatever the action: guests for every
 *       group (a public group's content is for network members), outsiders for private and hidden groups;</li>
 *   <li>members read, start threads, reply, react, preview and look up members to mention; a network member
 *       reading a public group and an administrator who is not a member may read (and follow), not write (403);</li>
 *   <li>authors edit and delete their own posts, nobody else's (moderators hide, they do not rewrite);</li>
 *   <li>moderators, and administrators, pin, lock, move, hide and show posts, trash and restore threads and read
 *       edit histories and the trash;</li>
 *   <li>a locked thread takes replies from moderators only: a member's reply is a conflict (409), whoever may not
 *       write at all keeps their 403;</li>
 *   <li>a thread in the trash is gone (404) for everyone but the moderators, whatever they try.</li>
 * </ul>
 *
 * <p>"Own" rows act on a post the caller wrote; callers who cannot write have no posts, so theirs act on the
 * author's. "Others'" rows act on the author's post, and the author's cell on a member's. One group per visibility
 * with a moderator and two members ("member", "author"); every cell of a changing action gets a fresh thread or post,
 * so that one cell's success cannot spoil the next.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiscussionPermissionsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    enum Who { GUEST, OUTSIDER, MEMBER, AUTHOR, MODERATOR, ADMIN }

    enum Action {
        BOARD, BOARD_TRASH, READ, START, REPLY, REPLY_LOCKED, SOURCE_OWN, EDIT_OWN, EDIT_OTHERS, DELETE_OWN,
        DELETE_OTHERS, REACT, HISTORY, HIDE, UNHIDE, PIN, LOCK, MOVE, TRASH, READ_TRASHED, RESTORE, FOLLOW_THREAD,
        FOLLOW_BOARD, PREVIEW, MENTIONS
    }

    private static final String EXPECTED = """
            # action        visibility  guest  outsider  member  author  moderator  admin
            BOARD           PUBLIC      404    200       200     200     200        200
            BOARD           PRIVATE     404    404       200     200     200        200
            BOARD           HIDDEN      404    404       200     200     200        200
            BOARD_TRASH     PUBLIC      404    403       403     403     200        200
            BOARD_TRASH     PRIVATE     404    404       403     403     200        200
            BOARD_TRASH     HIDDEN      404    404       403     403     200        200
            READ            PUBLIC      404    200       200     200     200        200
            READ            PRIVATE     404    404       200     200     200        200
            READ            HIDDEN      404    404       200     200     200        200
            START           PUBLIC      404    403       201     201     201        403
            START           PRIVATE     404    404       201     201     201        403
            START           HIDDEN      404    404       201     201     201        403
            REPLY           PUBLIC      404    403       201     201     201        403
            REPLY           PRIVATE     404    404       201     201     201        403
            REPLY           HIDDEN      404    404       201     201     201        403
            REPLY_LOCKED    PUBLIC      404    403       409     409     201        403
            REPLY_LOCKED    PRIVATE     404    404       409     409     201        403
            REPLY_LOCKED    HIDDEN      404    404       409     409     201        403
            SOURCE_OWN      PUBLIC      404    403       200     200     200        403
            SOURCE_OWN      PRIVATE     404    404       200     200     200        403
            SOURCE_OWN      HIDDEN      404    404       200     200     200        403
            EDIT_OWN        PUBLIC      404    403       204     204     204        403
            EDIT_OWN        PRIVATE     404    404       204     204     204        403
            EDIT_OWN        HIDDEN      404    404       204     204     204        403
            EDIT_OTHERS     PUBLIC      404    403       403     403     403        403
            EDIT_OTHERS     PRIVATE     404    404       403     403     403        403
            EDIT_OTHERS     HIDDEN      404    404       403     403     403        403
            DELETE_OWN      PUBLIC      404    403       204     204     204        403
            DELETE_OWN      PRIVATE     404    404       204     204     204        403
            DELETE_OWN      HIDDEN      404    404       204     204     204        403
            DELETE_OTHERS   PUBLIC      404    403       403     403     403        403
            DELETE_OTHERS   PRIVATE     404    404       403     403     403        403
            DELETE_OTHERS   HIDDEN      404    404       403     403     403        403
            REACT           PUBLIC      404    403       200     200     200        403
            REACT           PRIVATE     404    404       200     200     200        403
            REACT           HIDDEN      404    404       200     200     200        403
            HISTORY         PUBLIC      404    403       403     403     200        200
            HISTORY         PRIVATE     404    404       403     403     200        200
            HISTORY         HIDDEN      404    404       403     403     200        200
            HIDE            PUBLIC      404    403       403     403     204        204
            HIDE            PRIVATE     404    404       403     403     204        204
            HIDE            HIDDEN      404    404       403     403     204        204
            UNHIDE          PUBLIC      404    403       403     403     204        204
            UNHIDE          PRIVATE     404    404       403     403     204        204
            UNHIDE          HIDDEN      404    404       403     403     204        204
            PIN             PUBLIC      404    403       403     403     204        204
            PIN             PRIVATE     404    404       403     403     204        204
            PIN             HIDDEN      404    404       403     403     204        204
            LOCK            PUBLIC      404    403       403     403     204        204
            LOCK            PRIVATE     404    404       403     403     204        204
            LOCK            HIDDEN      404    404       403     403     204        204
            MOVE            PUBLIC      404    403       403     403     204        204
            MOVE            PRIVATE     404    404       403     403     204        204
            MOVE            HIDDEN      404    404       403     403     204        204
            TRASH           PUBLIC      404    403       403     403     204        204
            TRASH           PRIVATE     404    404       403     403     204        204
            TRASH           HIDDEN      404    404       403     403     204        204
            READ_TRASHED    PUBLIC      404    404       404     404     200        200
            READ_TRASHED    PRIVATE     404    404       404     404     200        200
            READ_TRASHED    HIDDEN      404    404       404     404     200        200
            RESTORE         PUBLIC      404    404       404     404     204        204
            RESTORE         PRIVATE     404    404       404     404     204        204
            RESTORE         HIDDEN      404    404       404     404     204        204
            FOLLOW_THREAD   PUBLIC      404    204       204     204     204        204
            FOLLOW_THREAD   PRIVATE     404    404       204     204     204        204
            FOLLOW_THREAD   HIDDEN      404    404       204     204     204        204
            FOLLOW_BOARD    PUBLIC      404    204       204     204     204        204
            FOLLOW_BOARD    PRIVATE     404    404       204     204     204        204
            FOLLOW_BOARD    HIDDEN      404    404       204     204     204        204
            PREVIEW         PUBLIC      404    403       200     200     200        403
            PREVIEW         PRIVATE     404    404       200     200     200        403
            PREVIEW         HIDDEN      404    404       200     200     200        403
            MENTIONS        PUBLIC      404    403       200     200     200        403
            MENTIONS        PRIVATE     404    404       200     200     200        403
            MENTIONS        HIDDEN      404    404       200     200     200        403
            """;

    private static final String[] VISIBILITIES = {"PUBLIC", "PRIVATE", "HIDDEN"};

    /** Cells checked by this class's matrix tests, for the report at the end of a run. */
    private static final AtomicInteger CELLS = new AtomicInteger();

    /**
     * A group of one visibility: a thread by the author that every reading cell reads (its opening post is
     * {@code postId}), and a locked thread by the author.
     */
    private record Group(String slug, long threadId, long postId, long lockedThreadId) {
    }

    private static Map<Who, ApiClient> callers;
    private static Map<Who, Fixtures.Account> people;
    private static String moveTarget;
    private static final Map<String, Group> GROUPS = new HashMap<>();

    private static synchronized void accounts() {
        if (callers != null) {
            return;
        }
        people = new EnumMap<>(Who.class);
        people.put(Who.OUTSIDER, Fixtures.createAccount(MAIL, "Olga Außenstehend"));
        people.put(Who.MEMBER, Fixtures.createAccount(MAIL, "Max Mitglied"));
        people.put(Who.AUTHOR, Fixtures.createAccount(MAIL, "Anna Autorin"));
        people.put(Who.MODERATOR, Fixtures.createAccount(MAIL, "Mona Moderation"));
        callers = new EnumMap<>(Who.class);
        callers.put(Who.GUEST, ApiClient.guest());
        people.forEach((who, account) -> callers.put(who, account.api()));
        callers.put(Who.ADMIN, Fixtures.admin());
        // Where moderators (and administrators) move threads to: a group the moderator moderates too.
        moveTarget = Fixtures.createGroup("PRIVATE", "OPEN", people.get(Who.MODERATOR).email()).getString("slug");
    }

    @Test
    void board() {
        check(Action.BOARD);
    }

    @Test
    void boardTrash() {
        check(Action.BOARD_TRASH);
    }

    @Test
    void readThread() {
        check(Action.READ);
    }

    @Test
    void startThread() {
        check(Action.START);
    }

    @Test
    void reply() {
        check(Action.REPLY);
    }

    @Test
    void replyToALockedThread() {
        check(Action.REPLY_LOCKED);
    }

    @Test
    void sourceOfOwnPost() {
        check(Action.SOURCE_OWN);
    }

    @Test
    void editOwnPost() {
        check(Action.EDIT_OWN);
    }

    @Test
    void editOthersPost() {
        check(Action.EDIT_OTHERS);
    }

    @Test
    void deleteOwnPost() {
        check(Action.DELETE_OWN);
    }

    @Test
    void deleteOthersPost() {
        check(Action.DELETE_OTHERS);
    }

    @Test
    void react() {
        check(Action.REACT);
    }

    @Test
    void history() {
        check(Action.HISTORY);
    }

    @Test
    void hide() {
        check(Action.HIDE);
    }

    @Test
    void unhide() {
        check(Action.UNHIDE);
    }

    @Test
    void pin() {
        check(Action.PIN);
    }

    @Test
    void lock() {
        check(Action.LOCK);
    }

    @Test
    void move() {
        check(Action.MOVE);
    }

    @Test
    void trash() {
        check(Action.TRASH);
    }

    @Test
    void trashedThreadsAreGoneForAllButTheModerators() {
        check(Action.READ_TRASHED);
    }

    @Test
    void restore() {
        check(Action.RESTORE);
    }

    @Test
    void followThread() {
        check(Action.FOLLOW_THREAD);
    }

    @Test
    void followBoard() {
        check(Action.FOLLOW_BOARD);
    }

    @Test
    void preview() {
        check(Action.PREVIEW);
    }

    @Test
    void mentionCandidates() {
        check(Action.MENTIONS);
    }

    @Test
    void unknownAndForeignIdsLookTheSame() {
        accounts();
        Group hidden = group("HIDDEN");
        ApiClient outsider = callers.get(Who.OUTSIDER);
        for (String path : List.of("/threads/%d", "/posts/%d/source", "/posts/%d/history")) {
            long existing = path.startsWith("/threads") ? hidden.threadId() : hidden.postId();
            ApiClient.Answer foreign = outsider.get(path.formatted(existing));
            ApiClient.Answer none = outsider.get(path.formatted(existing + 1_000_000));
            assertEquals(404, foreign.status(), path);
            assertEquals(none.status(), foreign.status(), path);
            assertEquals(none.body(), foreign.body(), path);
        }
        ApiClient.Answer foreignGroup = outsider.get("/groups/" + hidden.slug() + "/threads");
        ApiClient.Answer noGroup = outsider.get("/groups/" + Fixtures.unique("keine") + "/threads");
        assertEquals(404, foreignGroup.status());
        assertEquals(noGroup.body(), foreignGroup.body());
    }

    /**
     * A member removed from a private group loses the thread with the very next request and gets no mail about a
     * reply written after the removal, while a member who stays does.
     */
    @Test
    void aRemovedMemberLosesAccessAtOnceAndGetsNoMoreMail() {
        accounts();
        Fixtures.Account moderator = people.get(Who.MODERATOR);
        Fixtures.Account author = people.get(Who.AUTHOR);
        Fixtures.Account leaving = Fixtures.createAccount(MAIL, "Rita Raus");
        Fixtures.Account staying = Fixtures.createAccount(MAIL, "Bodo Bleibt");
        String slug = Fixtures.createGroup("PRIVATE", "OPEN", moderator.email()).getString("slug");
        for (Fixtures.Account member : List.of(author, leaving, staying)) {
            expect(member.api().post("/groups/" + slug + "/members"), 201);
        }
        long threadId = startThread(author.api(), slug);
        // Both follow the thread, and both are mailed about a reply.
        expect(leaving.api().put("/threads/" + threadId + "/following", empty()), 204);
        expect(staying.api().put("/threads/" + threadId + "/following", empty()), 204);
        long before = replyTo(author.api(), threadId);
        awaitMail(staying.email(), "post=" + before + "#");
        awaitMail(leaving.email(), "post=" + before + "#");
        expect(leaving.api().get("/threads/" + threadId), 200);

        expect(moderator.api().delete("/groups/" + slug + "/members/" + leaving.id()), 204);
        expect(leaving.api().get("/threads/" + threadId), 404);
        expect(leaving.api().get("/groups/" + slug + "/threads"), 404);
        expect(leaving.api().post("/threads/" + threadId + "/posts",
                Json.createObjectBuilder().add("body", "Noch da?").build()), 404);

        long after = replyTo(author.api(), threadId);
        awaitMail(staying.email(), "post=" + after + "#");
        sleep(6_000);
        List<String> leaked = Arrays.stream(MAIL.getReceivedMessagesForDomain(leaving.email()))
                .filter(m -> text(m).contains("post=" + after + "#")).map(DiscussionPermissionsIT::subject).toList();
        assertTrue(leaked.isEmpty(), "mail to the removed member: " + leaked);
        assertTrue(expect(leaving.api().get("/notifications?size=100"), 200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().noneMatch(n -> n.containsKey("threadId")
                        && n.getJsonNumber("threadId").longValue() == threadId));
        assertEquals(0, expect(leaving.api().get("/me/following"), 200).array().getValuesAs(JsonObject.class).stream()
                .filter(f -> f.containsKey("threadId") && f.getJsonNumber("threadId").longValue() == threadId).count());
    }

    private void check(Action action) {
        accounts();
        long started = System.nanoTime();
        List<String> wrong = new ArrayList<>();
        for (String visibility : VISIBILITIES) {
            int[] expected = expected(action, visibility);
            for (Who who : Who.values()) {
                int status = perform(action, group(visibility), who);
                CELLS.incrementAndGet();
                if (status != expected[who.ordinal()]) {
                    wrong.add(action + " " + visibility + " as " + who + ": expected " + expected[who.ordinal()]
                            + ", got " + status + " " + last);
                }
            }
        }
        System.out.printf("DiscussionPermissionsIT %s: %d cells in %d ms (%d cells so far)%n", action,
                VISIBILITIES.length * Who.values().length, (System.nanoTime() - started) / 1_000_000, CELLS.get());
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

    /** The body of the last answer, for the failure message. */
    private String last = "";

    private int perform(Action action, Group group, Who who) {
        ApiClient as = callers.get(who);
        String board = "/groups/" + group.slug();
        String thread = "/threads/" + group.threadId();
        ApiClient.Answer answer = switch (action) {
            case BOARD -> as.get(board + "/threads");
            case BOARD_TRASH -> as.get(board + "/threads?filter=TRASH");
            case READ -> as.get(thread);
            case START -> as.post(board + "/threads", Json.createObjectBuilder().add("title", Fixtures.unique("Thema"))
                    .add("body", "Ein neues Thema").build());
            case REPLY -> as.post("/threads/" + freshThread(group) + "/posts", body("Eine Antwort"));
            case REPLY_LOCKED -> as.post("/threads/" + group.lockedThreadId() + "/posts", body("Trotzdem?"));
            case SOURCE_OWN -> as.get("/posts/" + ownPost(group, who) + "/source");
            case EDIT_OWN -> edit(as, ownPost(group, who), who);
            case EDIT_OTHERS -> edit(as, othersPost(group, who), who);
            case DELETE_OWN -> as.delete("/posts/" + ownPost(group, who));
            case DELETE_OTHERS -> as.delete("/posts/" + othersPost(group, who));
            case REACT -> as.post("/posts/" + group.postId() + "/reactions", Json.createObjectBuilder().add("kind", "THANKS").build());
            case HISTORY -> as.get("/posts/" + group.postId() + "/history");
            case HIDE -> as.put("/posts/" + openingOf(freshThread(group)) + "/hidden",
                    Json.createObjectBuilder().add("reason", "Nicht sachlich").build());
            case UNHIDE -> as.delete("/posts/" + hiddenPost(group) + "/hidden");
            case PIN -> as.put("/threads/" + freshThread(group) + "/pinned", empty());
            case LOCK -> as.put("/threads/" + freshThread(group) + "/locked", empty());
            case MOVE -> as.post("/threads/" + freshThread(group) + "/move",
                    Json.createObjectBuilder().add("group", moveTarget).build());
            case TRASH -> as.delete("/threads/" + freshThread(group));
            case READ_TRASHED -> as.get("/threads/" + trashedThread(group));
            case RESTORE -> as.post("/threads/" + trashedThread(group) + "/restore");
            case FOLLOW_THREAD -> followed(as, thread + "/following");
            case FOLLOW_BOARD -> followed(as, board + "/following");
            case PREVIEW -> as.post(board + "/preview", body("**Entwurf** für @[Max Mitglied]"));
            case MENTIONS -> as.get(board + "/mention-candidates?q=Ma");
        };
        last = answer.body();
        return answer.status();
    }

    /** Follows and, if that worked, unfollows again: so that the follower is not mailed about every later cell. */
    private static ApiClient.Answer followed(ApiClient as, String path) {
        ApiClient.Answer answer = as.put(path, empty());
        if (answer.status() == 204) {
            expect(as.delete(path), 204);
        }
        return answer;
    }

    /** Edits a post with the version its writer last read. */
    private static ApiClient.Answer edit(ApiClient as, long postId, Who who) {
        int version = expect(writerOf(postId).get("/posts/" + postId + "/source"), 200).json().getInt("version");
        return as.put("/posts/" + postId, Json.createObjectBuilder().add("body", "Geändert von " + who)
                .add("version", version).build());
    }

    /** Who wrote the posts made by {@link #ownPost} and {@link #othersPost}, to read their versions. */
    private static final Map<Long, ApiClient> WRITERS = new HashMap<>();

    private static ApiClient writerOf(long postId) {
        return WRITERS.get(postId);
    }

    /** A new reply of the caller's, if the caller can write in the group; otherwise the author's. */
    private static long ownPost(Group group, Who who) {
        Who writer = who == Who.MEMBER || who == Who.MODERATOR ? who : Who.AUTHOR;
        return postBy(group, writer);
    }

    /** A new reply of the author's; for the author, a member's. */
    private static long othersPost(Group group, Who who) {
        return postBy(group, who == Who.AUTHOR ? Who.MEMBER : Who.AUTHOR);
    }

    private static long postBy(Group group, Who writer) {
        ApiClient api = callers.get(writer);
        long postId = replyTo(api, freshThread(group));
        WRITERS.put(postId, api);
        return postId;
    }

    /** A new thread of the author's in the group. */
    private static long freshThread(Group group) {
        return startThread(callers.get(Who.AUTHOR), group.slug());
    }

    private static long openingOf(long threadId) {
        return expect(callers.get(Who.AUTHOR).get("/threads/" + threadId), 200).json().getJsonObject("posts")
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static long hiddenPost(Group group) {
        long postId = openingOf(freshThread(group));
        expect(callers.get(Who.MODERATOR).put("/posts/" + postId + "/hidden",
                Json.createObjectBuilder().add("reason", "Vorläufig ausgeblendet").build()), 204);
        return postId;
    }

    private static long trashedThread(Group group) {
        long threadId = freshThread(group);
        expect(callers.get(Who.MODERATOR).delete("/threads/" + threadId), 204);
        return threadId;
    }

    private static long startThread(ApiClient api, String slug) {
        return expect(api.post("/groups/" + slug + "/threads", Json.createObjectBuilder()
                .add("title", Fixtures.unique("Thema")).add("body", "Worum es geht").build()), 201)
                .json().getJsonNumber("threadId").longValue();
    }

    private static long replyTo(ApiClient api, long threadId) {
        return expect(api.post("/threads/" + threadId + "/posts", body("Meine Antwort")), 201)
                .json().getJsonNumber("postId").longValue();
    }

    /** The group of a visibility, made on first use and kept for the class. */
    private static synchronized Group group(String visibility) {
        return GROUPS.computeIfAbsent(visibility, DiscussionPermissionsIT::create);
    }

    /** People can join only a listed open group, so it starts PUBLIC and OPEN and gets its visibility last. */
    private static Group create(String visibility) {
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", people.get(Who.MODERATOR).email()).getString("slug");
        expect(people.get(Who.MEMBER).api().post("/groups/" + slug + "/members"), 201);
        expect(people.get(Who.AUTHOR).api().post("/groups/" + slug + "/members"), 201);
        ApiClient author = people.get(Who.AUTHOR).api();
        JsonObject created = expect(author.post("/groups/" + slug + "/threads", Json.createObjectBuilder()
                .add("title", "Gemeinsames Thema").add("body", "Das lesen alle.").build()), 201).json();
        long locked = startThread(author, slug);
        expect(people.get(Who.MODERATOR).api().put("/threads/" + locked + "/locked", empty()), 204);
        ApiClient admin = Fixtures.admin();
        int version = expect(admin.get("/groups/" + slug), 200).json().getInt("version");
        expect(admin.put("/groups/" + slug, Json.createObjectBuilder().add("version", version).add("name", "Gruppe " + slug)
                .add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("visibility", visibility).add("joinPolicy", "OPEN").build()), 200);
        return new Group(slug, created.getJsonNumber("threadId").longValue(), created.getJsonNumber("postId").longValue(),
                locked);
    }

    private static JsonObject body(String markdown) {
        return Json.createObjectBuilder().add("body", markdown).build();
    }

    private static JsonObject empty() {
        return Json.createObjectBuilder().build();
    }

    private static ApiClient.Answer expect(ApiClient.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        return answer;
    }

    // --- mail ---

    private static void awaitMail(String email, String containing) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (Arrays.stream(MAIL.getReceivedMessagesForDomain(email)).anyMatch(m -> text(m).contains(containing))) {
                return;
            }
            MAIL.waitForIncomingEmail(500, MAIL.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + email + " containing " + containing + " within 30 s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole content of a mail as text (for multipart mails: all parts). */
    private static String text(MimeMessage message) {
        return MailParts.plain(message) + '\n' + MailParts.html(message);
    }
}
