package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The permission matrix of meetings: seven kinds of caller × three visibilities × every meeting action of the REST
 * API, each cell an HTTP status. The expected table is written from the rules of the issue, not from the access
 * policy:
 *
 * <ul>
 *   <li>whoever may not read a group's content gets 404 for everything: guests for every group, outsiders for
 *       private and hidden groups;</li>
 *   <li>members read, plan, answer, propose agenda items and keep a calendar feed; a network member reading a
 *       public group and an administrator who is not a member read only (403 for the rest);</li>
 *   <li>the organiser of a meeting (a member) and the moderators, and administrators, change and cancel it and manage
 *       its agenda (accept, reorder, change and remove items); other members get 403.</li>
 * </ul>
 *
 * <p>The organiser plans a fresh meeting for every cell of a changing action, so that one cell's success cannot spoil
 * the next.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetingPermissionsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    /**
     * The matrix plans, changes and cancels many meetings, each mailing every member: lets those mails reach this
     * class's SMTP server before the next class starts waiting for its own (each mail goes out on its own).
     */
    @AfterAll
    static void letTheInvitationsGo() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        int seen = -1;
        while (System.currentTimeMillis() < deadline && MAIL.getReceivedMessages().length != seen) {
            seen = MAIL.getReceivedMessages().length;
            Thread.sleep(5_000);
        }
    }

    enum Who { GUEST, OUTSIDER, MEMBER, ORGANISER, MODERATOR, ADMIN }

    enum Action {
        LIST, GET, ICS, OFFERED, PLAN, UPDATE, CANCEL, ANSWER, PROPOSE, ACCEPT, REORDER, EDIT_ITEM, REMOVE_ITEM,
        FEED_CREATE, FEED_REVOKE
    }

    private static final String EXPECTED = """
            # action        visibility  guest  outsider  member  organiser  moderator  admin
            LIST            PUBLIC      404    200       200     200        200        200
            LIST            PRIVATE     404    404       200     200        200        200
            LIST            HIDDEN      404    404       200     200        200        200
            GET             PUBLIC      404    200       200     200        200        200
            GET             PRIVATE     404    404       200     200        200        200
            GET             HIDDEN      404    404       200     200        200        200
            ICS             PUBLIC      404    200       200     200        200        200
            ICS             PRIVATE     404    404       200     200        200        200
            ICS             HIDDEN      404    404       200     200        200        200
            OFFERED         PUBLIC      404    200       200     200        200        200
            OFFERED         PRIVATE     404    404       200     200        200        200
            OFFERED         HIDDEN      404    404       200     200        200        200
            PLAN            PUBLIC      404    403       201     201        201        403
            PLAN            PRIVATE     404    404       201     201        201        403
            PLAN            HIDDEN      404    404       201     201        201        403
            UPDATE          PUBLIC      404    403       403     200        200        200
            UPDATE          PRIVATE     404    404       403     200        200        200
            UPDATE          HIDDEN      404    404       403     200        200        200
            CANCEL          PUBLIC      404    403       403     204        204        204
            CANCEL          PRIVATE     404    404       403     204        204        204
            CANCEL          HIDDEN      404    404       403     204        204        204
            ANSWER          PUBLIC      404    403       200     200        200        403
            ANSWER          PRIVATE     404    404       200     200        200        403
            ANSWER          HIDDEN      404    404       200     200        200        403
            PROPOSE         PUBLIC      404    403       201     201        201        403
            PROPOSE         PRIVATE     404    404       201     201        201        403
            PROPOSE         HIDDEN      404    404       201     201        201        403
            ACCEPT          PUBLIC      404    403       403     204        204        204
            ACCEPT          PRIVATE     404    404       403     204        204        204
            ACCEPT          HIDDEN      404    404       403     204        204        204
            REORDER         PUBLIC      404    403       403     200        200        200
            REORDER         PRIVATE     404    404       403     200        200        200
            REORDER         HIDDEN      404    404       403     200        200        200
            EDIT_ITEM       PUBLIC      404    403       403     204        204        204
            EDIT_ITEM       PRIVATE     404    404       403     204        204        204
            EDIT_ITEM       HIDDEN      404    404       403     204        204        204
            REMOVE_ITEM     PUBLIC      404    403       403     204        204        204
            REMOVE_ITEM     PRIVATE     404    404       403     204        204        204
            REMOVE_ITEM     HIDDEN      404    404       403     204        204        204
            FEED_CREATE     PUBLIC      404    403       200     200        200        403
            FEED_CREATE     PRIVATE     404    404       200     200        200        403
            FEED_CREATE     HIDDEN      404    404       200     200        200        403
            FEED_REVOKE     PUBLIC      404    403       204     204        204        403
            FEED_REVOKE     PRIVATE     404    404       204     204        204        403
            FEED_REVOKE     HIDDEN      404    404       204     204        204        403
            """;

    private static final String[] VISIBILITIES = {"PUBLIC", "PRIVATE", "HIDDEN"};
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Map<Who, ApiClient> callers;
    private static Map<Who, Fixtures.Account> people;
    private static final Map<String, String> GROUPS = new HashMap<>();

    private static synchronized void accounts() {
        if (callers != null) {
            return;
        }
        people = new EnumMap<>(Who.class);
        people.put(Who.OUTSIDER, Fixtures.createAccount(MAIL, "Olga Außenstehend"));
        people.put(Who.MEMBER, Fixtures.createAccount(MAIL, "Max Mitglied"));
        people.put(Who.ORGANISER, Fixtures.createAccount(MAIL, "Olli Organisator"));
        people.put(Who.MODERATOR, Fixtures.createAccount(MAIL, "Mona Moderation"));
        callers = new EnumMap<>(Who.class);
        callers.put(Who.GUEST, ApiClient.guest());
        people.forEach((who, account) -> callers.put(who, account.api()));
        callers.put(Who.ADMIN, Fixtures.admin());
    }

    /**
     * A group of one visibility moderated by Mona, with Max and Olli as members. People can join only a listed open
     * group, so it starts PUBLIC and OPEN and gets its visibility last.
     */
    private static synchronized String group(String visibility) {
        return GROUPS.computeIfAbsent(visibility, v -> {
            String slug = Fixtures.createGroup("PUBLIC", "OPEN", people.get(Who.MODERATOR).email()).getString("slug");
            for (Who who : List.of(Who.MEMBER, Who.ORGANISER)) {
                ApiClient.Answer joined = callers.get(who).post("/groups/" + slug + "/members");
                if (joined.status() != 201) {
                    throw new AssertionError("could not join: " + joined);
                }
            }
            ApiClient admin = Fixtures.admin();
            int version = admin.get("/groups/" + slug).json().getInt("version");
            ApiClient.Answer changed = admin.put("/groups/" + slug, Json.createObjectBuilder().add("version", version)
                    .add("name", "Gruppe " + slug).add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                    .add("visibility", v).add("joinPolicy", "OPEN").build());
            if (changed.status() != 200) {
                throw new AssertionError("could not set visibility: " + changed);
            }
            return slug;
        });
    }

    @Test
    void reading() {
        check(Action.LIST, Action.GET, Action.ICS, Action.OFFERED);
    }

    @Test
    void planningAndChanging() {
        check(Action.PLAN, Action.UPDATE, Action.CANCEL);
    }

    @Test
    void answeringAndFeeds() {
        check(Action.ANSWER, Action.FEED_CREATE, Action.FEED_REVOKE);
    }

    @Test
    void agenda() {
        check(Action.PROPOSE, Action.ACCEPT, Action.REORDER, Action.EDIT_ITEM, Action.REMOVE_ITEM);
    }

    private void check(Action... actions) {
        accounts();
        List<String> wrong = new ArrayList<>();
        for (Action action : actions) {
            for (String visibility : VISIBILITIES) {
                int[] expected = expected(action, visibility);
                for (Who who : Who.values()) {
                    ApiClient.Answer answer = perform(action, group(visibility), who);
                    if (answer.status() != expected[who.ordinal()]) {
                        wrong.add(action + " " + visibility + " as " + who + ": expected " + expected[who.ordinal()]
                                + ", got " + answer.status() + " " + answer.body());
                    }
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

    private static ApiClient.Answer perform(Action action, String slug, Who who) {
        ApiClient as = callers.get(who);
        return switch (action) {
            case LIST -> as.get("/groups/" + slug + "/meetings");
            case GET -> as.get("/meetings/" + meeting(slug));
            case ICS -> as.get("/meetings/" + meeting(slug) + ".ics", "text/calendar");
            case OFFERED -> as.get("/meetings/" + meeting(slug) + "/offered-action-items");
            case PLAN -> as.post("/groups/" + slug + "/meetings", meetingBody(Fixtures.unique("Treffen"), 5));
            case UPDATE -> {
                long id = meeting(slug);
                int version = organiser().get("/meetings/" + id).json().getInt("version");
                yield as.put("/meetings/" + id, Json.createObjectBuilder(meetingBody("Geändert", 6))
                        .add("version", version).build());
            }
            case CANCEL -> as.delete("/meetings/" + meeting(slug));
            case ANSWER -> as.put("/meetings/" + meeting(slug) + "/answer",
                    Json.createObjectBuilder().add("answer", "MAYBE").build());
            case PROPOSE -> as.post("/meetings/" + meeting(slug) + "/agenda", item("Vorschlag"));
            case ACCEPT -> {
                long id = meeting(slug);
                long proposal = id(callers.get(Who.MEMBER).post("/meetings/" + id + "/agenda", item("Vorschlag")));
                yield as.post("/agenda-items/" + proposal + "/accept");
            }
            case REORDER -> {
                long id = meeting(slug);
                long first = id(organiser().post("/meetings/" + id + "/agenda", item("Erstens")));
                long second = id(organiser().post("/meetings/" + id + "/agenda", item("Zweitens")));
                int version = organiser().get("/meetings/" + id).json().getInt("version");
                yield as.put("/meetings/" + id + "/agenda/order", Json.createObjectBuilder().add("version", version)
                        .add("items", Json.createArrayBuilder().add(second).add(first)).build());
            }
            case EDIT_ITEM -> {
                long item = id(callers.get(Who.MODERATOR).post("/meetings/" + meeting(slug) + "/agenda", item("Punkt")));
                yield as.put("/agenda-items/" + item, Json.createObjectBuilder().add("title", "Neu")
                        .add("version", 0).build());
            }
            case REMOVE_ITEM -> {
                long item = id(callers.get(Who.MODERATOR).post("/meetings/" + meeting(slug) + "/agenda", item("Punkt")));
                yield as.delete("/agenda-items/" + item);
            }
            case FEED_CREATE -> as.post("/groups/" + slug + "/calendar-feed");
            case FEED_REVOKE -> as.delete("/groups/" + slug + "/calendar-feed");
        };
    }

    private static ApiClient organiser() {
        return callers.get(Who.ORGANISER);
    }

    /** A fresh upcoming meeting planned by the organiser. */
    private static long meeting(String slug) {
        return id(organiser().post("/groups/" + slug + "/meetings", meetingBody(Fixtures.unique("Treffen"), 4)));
    }

    private static JsonObject meetingBody(String title, int month) {
        LocalDateTime start = LocalDate.now(BERLIN).plusYears(1).withMonth(month).withDayOfMonth(10).atTime(18, 0);
        return Json.createObjectBuilder().add("title", title).add("startsAt", start.toString())
                .add("endsAt", start.plusHours(2).toString()).add("place", "Bürgerhaus").build();
    }

    private static JsonObject item(String title) {
        return Json.createObjectBuilder().add("title", title).add("plannedMinutes", 10).build();
    }

    private static long id(ApiClient.Answer created) {
        if (created.status() != 201) {
            throw new AssertionError("setup failed: " + created);
        }
        return created.json().getJsonNumber("id").longValue();
    }
}
