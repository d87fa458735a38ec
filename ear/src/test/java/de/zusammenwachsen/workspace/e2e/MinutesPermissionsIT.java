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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The permission matrix of minutes and tasks: six kinds of caller × three visibilities × every minutes and task
 * action of the REST API, each cell an HTTP status. Written from the rules of the issue:
 *
 * <ul>
 *   <li>whoever may not read a group's content gets 404 for everything: guests always, outsiders for private and
 *       hidden groups;</li>
 *   <li>a draft is for members (and administrators): a network member reading a public group gets 404 for it,
 *       its export and its editing, while circulated and approved minutes are readable (and exportable);</li>
 *   <li>the organiser and the moderators start minutes; the minute-taker, the organiser and the moderators write
 *       and circulate them; members comment while circulated; moderators approve and amend;</li>
 *   <li>an action item's owner and the moderators change it.</li>
 * </ul>
 *
 * <p>The moderator plans the meetings (so is the organiser); "taker" is a member who takes the minutes; "member" owns
 * the action item. Every cell of a changing action gets fresh minutes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MinutesPermissionsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    enum Who { GUEST, OUTSIDER, MEMBER, TAKER, MODERATOR, ADMIN }

    enum Action {
        READ_DRAFT, EXPORT_DRAFT, START, SAVE, CIRCULATE, READ_CIRCULATED, COMMENT, APPROVE, AMEND, EXPORT_APPROVED,
        UPDATE_TASK
    }

    private static final String EXPECTED = """
            # action          visibility  guest  outsider  member  taker  moderator  admin
            READ_DRAFT        PUBLIC      404    404       200     200    200        200
            READ_DRAFT        PRIVATE     404    404       200     200    200        200
            READ_DRAFT        HIDDEN      404    404       200     200    200        200
            EXPORT_DRAFT      PUBLIC      404    404       200     200    200        200
            EXPORT_DRAFT      PRIVATE     404    404       200     200    200        200
            EXPORT_DRAFT      HIDDEN      404    404       200     200    200        200
            START             PUBLIC      404    403       403     403    201        201
            START             PRIVATE     404    404       403     403    201        201
            START             HIDDEN      404    404       403     403    201        201
            SAVE              PUBLIC      404    404       403     200    200        200
            SAVE              PRIVATE     404    404       403     200    200        200
            SAVE              HIDDEN      404    404       403     200    200        200
            CIRCULATE         PUBLIC      404    404       403     200    200        200
            CIRCULATE         PRIVATE     404    404       403     200    200        200
            CIRCULATE         HIDDEN      404    404       403     200    200        200
            READ_CIRCULATED   PUBLIC      404    200       200     200    200        200
            READ_CIRCULATED   PRIVATE     404    404       200     200    200        200
            READ_CIRCULATED   HIDDEN      404    404       200     200    200        200
            COMMENT           PUBLIC      404    403       201     201    201        403
            COMMENT           PRIVATE     404    404       201     201    201        403
            COMMENT           HIDDEN      404    404       201     201    201        403
            APPROVE           PUBLIC      404    403       403     403    200        200
            APPROVE           PRIVATE     404    404       403     403    200        200
            APPROVE           HIDDEN      404    404       403     403    200        200
            AMEND             PUBLIC      404    403       403     403    201        201
            AMEND             PRIVATE     404    404       403     403    201        201
            AMEND             HIDDEN      404    404       403     403    201        201
            EXPORT_APPROVED   PUBLIC      404    200       200     200    200        200
            EXPORT_APPROVED   PRIVATE     404    404       200     200    200        200
            EXPORT_APPROVED   HIDDEN      404    404       200     200    200        200
            UPDATE_TASK       PUBLIC      404    403       200     403    200        200
            UPDATE_TASK       PRIVATE     404    404       200     403    200        200
            UPDATE_TASK       HIDDEN      404    404       200     403    200        200
            """;

    private static final String[] VISIBILITIES = {"PUBLIC", "PRIVATE", "HIDDEN"};

    private static Map<Who, ApiClient> callers;
    private static Map<Who, Fixtures.Account> people;
    private static final Map<String, Group> GROUPS = new HashMap<>();
    private static String last = "";

    /** A group with minutes in each state: a draft, circulated minutes with an action item of the member, approved ones. */
    private record Group(String slug, long draft, long circulated, long approved, long actionItem) {
    }

    private static synchronized void accounts() {
        if (callers != null) {
            return;
        }
        people = new EnumMap<>(Who.class);
        people.put(Who.OUTSIDER, Fixtures.createAccount(MAIL, "Olga Außenstehend"));
        people.put(Who.MEMBER, Fixtures.createAccount(MAIL, "Max Mitglied"));
        people.put(Who.TAKER, Fixtures.createAccount(MAIL, "Paula Protokoll"));
        people.put(Who.MODERATOR, Fixtures.createAccount(MAIL, "Mona Moderation"));
        callers = new EnumMap<>(Who.class);
        callers.put(Who.GUEST, ApiClient.guest());
        people.forEach((who, account) -> callers.put(who, account.api()));
        callers.put(Who.ADMIN, Fixtures.admin());
    }

    @Test
    void readDraft() {
        check(Action.READ_DRAFT);
    }

    @Test
    void exportDraft() {
        check(Action.EXPORT_DRAFT);
    }

    @Test
    void start() {
        check(Action.START);
    }

    @Test
    void save() {
        check(Action.SAVE);
    }

    @Test
    void circulate() {
        check(Action.CIRCULATE);
    }

    @Test
    void readCirculated() {
        check(Action.READ_CIRCULATED);
    }

    @Test
    void comment() {
        check(Action.COMMENT);
    }

    @Test
    void approve() {
        check(Action.APPROVE);
    }

    @Test
    void amend() {
        check(Action.AMEND);
    }

    @Test
    void exportApproved() {
        check(Action.EXPORT_APPROVED);
    }

    @Test
    void updateTask() {
        check(Action.UPDATE_TASK);
    }

    /** "My tasks" is the caller's own list: guests are asked to log in, and nobody sees another's items. */
    @Test
    void myTasksAreOnlyTheCallersOwn() {
        accounts();
        Group group = group("PRIVATE");
        assertEquals(401, ApiClient.guest().get("/me/tasks").status());
        for (Who who : List.of(Who.OUTSIDER, Who.TAKER, Who.MODERATOR)) {
            assertTrue(MinutesFixtures.expect(200, callers.get(who).get("/me/tasks?status=ALL&size=100")).json()
                    .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .noneMatch(t -> t.getJsonNumber("id").longValue() == group.actionItem()), who.name());
        }
        assertTrue(MinutesFixtures.expect(200, callers.get(Who.MEMBER).get("/me/tasks?status=ALL&size=100")).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getJsonNumber("id").longValue() == group.actionItem()));
        assertEquals(403, callers.get(Who.MODERATOR).post("/admin/task-reminders").status());
        assertEquals(401, ApiClient.guest().post("/admin/task-reminders").status());
        assertEquals(404, callers.get(Who.MEMBER).get("/meetings/999999999/minutes").status());
    }

    private void check(Action action) {
        accounts();
        List<String> wrong = new ArrayList<>();
        for (String visibility : VISIBILITIES) {
            int[] expected = expected(action, visibility);
            for (Who who : Who.values()) {
                int status = perform(action, group(visibility), who);
                if (status != expected[who.ordinal()]) {
                    wrong.add(action + " " + visibility + " as " + who + ": expected " + expected[who.ordinal()]
                            + ", got " + status + " " + last);
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
        throw new IllegalStateException("no expectation for " + action + " " + visibility);
    }

    private static int perform(Action action, Group group, Who who) {
        ApiClient api = callers.get(who);
        ApiClient.Answer answer = switch (action) {
            case READ_DRAFT -> api.get(path(group.draft()));
            case EXPORT_DRAFT -> binary(api.download(path(group.draft()) + "/pdf"));
            case START -> api.post(path(meeting(group.slug()).id()), Json.createObjectBuilder().build());
            case SAVE -> api.put(path(group.draft()), Json.createObjectBuilder()
                    .add("version", version(group.draft())).add("guests", "Gast " + who).build());
            case CIRCULATE -> api.post(path(draft(group.slug())) + "/circulate");
            case READ_CIRCULATED -> api.get(path(group.circulated()));
            case COMMENT -> api.post(path(group.circulated()) + "/comments",
                    Json.createObjectBuilder().add("body", "Anmerkung von " + who).build());
            case APPROVE -> api.post(path(circulated(group.slug(), false)) + "/approve");
            case AMEND -> api.post(path(group.approved()) + "/amendments",
                    Json.createObjectBuilder().add("body", "Korrektur von " + who).build());
            case EXPORT_APPROVED -> binary(api.download(path(group.approved()) + "/markdown"));
            case UPDATE_TASK -> api.put("/action-items/" + group.actionItem(), Json.createObjectBuilder()
                    .add("version", taskVersion(group)).add("status", "OPEN")
                    .add("dueOn", LocalDate.now(MinutesFixtures.BERLIN).plusDays(20).toString()).build());
        };
        last = answer.body() == null ? "" : answer.body().substring(0, Math.min(200, answer.body().length()));
        return answer.status();
    }

    private static ApiClient.Answer binary(ApiClient.Binary file) {
        return new ApiClient.Answer(file.status(), file.status() >= 400 ? file.text() : "", file.headers());
    }

    private static String path(long meetingId) {
        return "/meetings/" + meetingId + "/minutes";
    }

    private static int version(long meetingId) {
        return MinutesFixtures.expect(200, callers.get(Who.MODERATOR).get(path(meetingId))).json().getInt("version");
    }

    private static int taskVersion(Group group) {
        return callers.get(Who.MODERATOR).get(path(group.circulated())).json().getJsonArray("sections")
                .getValuesAs(JsonObject.class).stream().flatMap(s -> s.getJsonArray("actionItems").getValuesAs(JsonObject.class).stream())
                .filter(a -> a.getJsonNumber("id").longValue() == group.actionItem()).findFirst()
                .orElseThrow().getInt("version");
    }

    private static MinutesFixtures.Meeting meeting(String slug) {
        return MinutesFixtures.meeting(people.get(Who.MODERATOR), slug);
    }

    /** Fresh draft minutes, taken by the taker. */
    private static long draft(String slug) {
        MinutesFixtures.Meeting meeting = meeting(slug);
        MinutesFixtures.start(people.get(Who.MODERATOR), meeting.id(), people.get(Who.TAKER).id());
        return meeting.id();
    }

    /** Fresh circulated minutes; with an action item of the member when asked. */
    private static long circulated(String slug, boolean withTask) {
        MinutesFixtures.Meeting meeting = meeting(slug);
        JsonObject started = MinutesFixtures.start(people.get(Who.MODERATOR), meeting.id(), people.get(Who.TAKER).id());
        if (withTask) {
            MinutesFixtures.expect(200, people.get(Who.TAKER).api().put(path(meeting.id()), MinutesFixtures.draft(
                    started.getInt("version"), meeting, people.get(Who.MEMBER).id(), "Beschluss zur Matrix",
                    Fixtures.unique("Matrixaufgabe"), LocalDate.now(MinutesFixtures.BERLIN).plusDays(20), List.of())));
        }
        MinutesFixtures.expect(200, people.get(Who.TAKER).api().post(path(meeting.id()) + "/circulate"));
        return meeting.id();
    }

    private static synchronized Group group(String visibility) {
        return GROUPS.computeIfAbsent(visibility, MinutesPermissionsIT::create);
    }

    /** People can join only a listed open group, so it starts PUBLIC and OPEN and gets its visibility last. */
    private static Group create(String visibility) {
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", people.get(Who.MODERATOR).email()).getString("slug");
        MinutesFixtures.expect(201, people.get(Who.MEMBER).api().post("/groups/" + slug + "/members"));
        MinutesFixtures.expect(201, people.get(Who.TAKER).api().post("/groups/" + slug + "/members"));
        long draft = draft(slug);
        long circulated = circulated(slug, true);
        long approved = circulated(slug, false);
        MinutesFixtures.expect(200, people.get(Who.MODERATOR).api().post(path(approved) + "/approve"));
        long actionItem = MinutesFixtures.expect(200, people.get(Who.MEMBER).api().get("/me/tasks?status=ALL&size=100")).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("meetingId").longValue() == circulated).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        ApiClient admin = Fixtures.admin();
        int version = MinutesFixtures.expect(200, admin.get("/groups/" + slug)).json().getInt("version");
        MinutesFixtures.expect(200, admin.put("/groups/" + slug, Json.createObjectBuilder().add("version", version)
                .add("name", "Gruppe " + slug).add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("visibility", visibility).add("joinPolicy", "OPEN").build()));
        return new Group(slug, draft, circulated, approved, actionItem);
    }
}
