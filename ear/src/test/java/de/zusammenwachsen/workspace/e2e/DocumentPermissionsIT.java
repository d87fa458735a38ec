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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The permission matrix of documents: six kinds of caller × three visibilities × every document action, each cell
 * an HTTP status, through the REST API and, for downloads, also through the pages' download URL
 * ({@code /files/{versionId}}, with the session of a login through the login page). The expected table is
 * written from the rules of the issue, not from the access policy:
 *
 * <ul>
 *   <li>whoever may not read a group's documents gets 404 for everything, whatever the action; guests read no
 *       group's documents (a public group's content is for network members);</li>
 *   <li>members read, upload (also new versions), create folders and comment; a network member reading a public
 *       group, and an administrator who is not a member, may not (403);</li>
 *   <li>the author of a document and the group's moderators (and administrators) change, move and trash it;</li>
 *   <li>moderators and administrators see the trash, restore and purge, and import archives;</li>
 *   <li>a document in the trash is gone (404) for everyone who does not manage the trash.</li>
 * </ul>
 *
 * <p>One group per visibility, created by the administrator with a moderator and two members, one of whom
 * ("author") creates the documents the cells act on. Every cell of a changing action gets a fresh document, so
 * that one cell's success cannot spoil the next.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentPermissionsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    enum Who { GUEST, OUTSIDER, MEMBER, AUTHOR, MODERATOR, ADMIN }

    enum Action {
        LIST, DETAIL, VERSION, CONTENT, PAGE_DOWNLOAD, CREATE_FOLDER, UPLOAD, NEW_VERSION, EDIT, RENAME, MOVE, TRASH,
        TRASHED_DETAIL, TRASH_LIST, RESTORE, PURGE, COMMENT, IMPORT
    }

    private static final String EXPECTED = """
            # action        visibility  guest  outsider  member  author  moderator  admin
            LIST            PUBLIC      404    200       200     200     200        200
            LIST            PRIVATE     404    404       200     200     200        200
            LIST            HIDDEN      404    404       200     200     200        200
            DETAIL          PUBLIC      404    200       200     200     200        200
            DETAIL          PRIVATE     404    404       200     200     200        200
            DETAIL          HIDDEN      404    404       200     200     200        200
            VERSION         PUBLIC      404    200       200     200     200        200
            VERSION         PRIVATE     404    404       200     200     200        200
            VERSION         HIDDEN      404    404       200     200     200        200
            CONTENT         PUBLIC      404    200       200     200     200        200
            CONTENT         PRIVATE     404    404       200     200     200        200
            CONTENT         HIDDEN      404    404       200     200     200        200
            PAGE_DOWNLOAD   PUBLIC      404    200       200     200     200        200
            PAGE_DOWNLOAD   PRIVATE     404    404       200     200     200        200
            PAGE_DOWNLOAD   HIDDEN      404    404       200     200     200        200
            CREATE_FOLDER   PUBLIC      404    403       201     201     201        403
            CREATE_FOLDER   PRIVATE     404    404       201     201     201        403
            CREATE_FOLDER   HIDDEN      404    404       201     201     201        403
            UPLOAD          PUBLIC      404    403       201     201     201        403
            UPLOAD          PRIVATE     404    404       201     201     201        403
            UPLOAD          HIDDEN      404    404       201     201     201        403
            NEW_VERSION     PUBLIC      404    403       201     201     201        403
            NEW_VERSION     PRIVATE     404    404       201     201     201        403
            NEW_VERSION     HIDDEN      404    404       201     201     201        403
            EDIT            PUBLIC      404    403       403     200     200        200
            EDIT            PRIVATE     404    404       403     200     200        200
            EDIT            HIDDEN      404    404       403     200     200        200
            RENAME          PUBLIC      404    403       403     200     200        200
            RENAME          PRIVATE     404    404       403     200     200        200
            RENAME          HIDDEN      404    404       403     200     200        200
            MOVE            PUBLIC      404    403       403     200     200        200
            MOVE            PRIVATE     404    404       403     200     200        200
            MOVE            HIDDEN      404    404       403     200     200        200
            TRASH           PUBLIC      404    403       403     204     204        204
            TRASH           PRIVATE     404    404       403     204     204        204
            TRASH           HIDDEN      404    404       403     204     204        204
            TRASHED_DETAIL  PUBLIC      404    404       404     404     200        200
            TRASHED_DETAIL  PRIVATE     404    404       404     404     200        200
            TRASHED_DETAIL  HIDDEN      404    404       404     404     200        200
            TRASH_LIST      PUBLIC      404    403       403     403     200        200
            TRASH_LIST      PRIVATE     404    404       403     403     200        200
            TRASH_LIST      HIDDEN      404    404       403     403     200        200
            RESTORE         PUBLIC      404    403       403     403     204        204
            RESTORE         PRIVATE     404    404       403     403     204        204
            RESTORE         HIDDEN      404    404       403     403     204        204
            PURGE           PUBLIC      404    403       403     403     204        204
            PURGE           PRIVATE     404    404       403     403     204        204
            PURGE           HIDDEN      404    404       403     403     204        204
            COMMENT         PUBLIC      404    403       201     201     201        403
            COMMENT         PRIVATE     404    404       201     201     201        403
            COMMENT         HIDDEN      404    404       201     201     201        403
            IMPORT          PUBLIC      404    403       403     403     202        202
            IMPORT          PRIVATE     404    404       403     403     202        202
            IMPORT          HIDDEN      404    404       403     403     202        202
            """;

    private static final String[] VISIBILITIES = {"PUBLIC", "PRIVATE", "HIDDEN"};

    /** A group of one visibility: its slug, a folder to move into and a document that every reading cell reads. */
    private record Group(String slug, long folderId, long documentId, long versionId) {
    }

    private static Map<Who, ApiClient> callers;
    private static Map<Who, Fixtures.Account> people;
    private static Map<Who, HttpClient> sessions;
    private static final Map<String, Group> GROUPS = new HashMap<>();

    /** The accounts and their page sessions, made once for the class. */
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
        sessions = new EnumMap<>(Who.class);
        callers.put(Who.GUEST, ApiClient.guest());
        sessions.put(Who.GUEST, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        people.forEach((who, account) -> {
            callers.put(who, account.api());
            sessions.put(who, login(account.email(), Fixtures.PASSWORD));
        });
        callers.put(Who.ADMIN, Fixtures.admin());
        sessions.put(Who.ADMIN, login(Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD));
    }

    @Test
    void list() {
        check(Action.LIST);
    }

    @Test
    void detail() {
        check(Action.DETAIL);
    }

    @Test
    void versionMetadata() {
        check(Action.VERSION);
    }

    @Test
    void contentThroughTheApi() {
        check(Action.CONTENT);
    }

    @Test
    void contentThroughThePageDownloadUrl() {
        check(Action.PAGE_DOWNLOAD);
    }

    @Test
    void createFolder() {
        check(Action.CREATE_FOLDER);
    }

    @Test
    void upload() {
        check(Action.UPLOAD);
    }

    @Test
    void newVersion() {
        check(Action.NEW_VERSION);
    }

    @Test
    void editMetadata() {
        check(Action.EDIT);
    }

    @Test
    void rename() {
        check(Action.RENAME);
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
    void trashedDocumentsAreGoneForAllButTheTrashManagers() {
        check(Action.TRASHED_DETAIL);
    }

    @Test
    void trashList() {
        check(Action.TRASH_LIST);
    }

    @Test
    void restore() {
        check(Action.RESTORE);
    }

    @Test
    void purge() {
        check(Action.PURGE);
    }

    @Test
    void comment() {
        check(Action.COMMENT);
    }

    @Test
    void importArchive() {
        check(Action.IMPORT);
    }

    @Test
    void unknownAndForeignIdsLookTheSame() {
        accounts();
        Group hidden = group("HIDDEN");
        ApiClient outsider = callers.get(Who.OUTSIDER);
        long missing = hidden.documentId() + 1_000_000;
        for (String path : List.of("/documents/", "/documents/%d/versions/1", "/documents/%d/versions/1/content",
                "/documents/%d/versions/1/text", "/documents/%d/comments")) {
            String existing = path.contains("%d") ? path.formatted(hidden.documentId()) : path + hidden.documentId();
            String unknown = path.contains("%d") ? path.formatted(missing) : path + missing;
            ApiClient.Answer foreign = outsider.get(existing, "*/*");
            ApiClient.Answer none = outsider.get(unknown, "*/*");
            assertEquals(404, foreign.status(), existing);
            assertEquals(none.status(), foreign.status(), existing);
            assertEquals(none.body(), foreign.body(), existing);
        }
        assertEquals(404, page(sessions.get(Who.OUTSIDER), "/files/" + hidden.versionId()));
        assertEquals(404, page(sessions.get(Who.OUTSIDER), "/files/" + (hidden.versionId() + 1_000_000)));
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
        throw new IllegalArgumentException("no expectation for " + action + " " + visibility);
    }

    /** The body of the last answer, for the failure message. */
    private String last = "";

    private int perform(Action action, Group group, Who who) {
        ApiClient as = callers.get(who);
        String document = "/documents/" + group.documentId();
        ApiClient.Answer answer = switch (action) {
            case LIST -> as.get("/groups/" + group.slug() + "/library");
            case DETAIL -> as.get(document);
            case VERSION -> as.get(document + "/versions/1");
            case CONTENT -> {
                ApiClient.Binary file = as.download(document + "/versions/1/content");
                yield new ApiClient.Answer(file.status(), file.status() == 200 ? "" : file.text(), file.headers());
            }
            case PAGE_DOWNLOAD -> new ApiClient.Answer(page(sessions.get(who), "/files/" + group.versionId()), "", null);
            case CREATE_FOLDER -> as.post("/groups/" + group.slug() + "/folders",
                    Json.createObjectBuilder().add("name", Fixtures.unique("Ordner")).build());
            case UPLOAD -> as.postMultipart("/groups/" + group.slug() + "/documents", new ApiClient.Multipart()
                    .file("file", Fixtures.unique("Datei") + ".txt", "Neu".getBytes(UTF_8)));
            case NEW_VERSION -> as.postMultipart("/documents/" + fresh(group) + "/versions", new ApiClient.Multipart()
                    .field("basedOn", "1").file("file", "Neu.txt", "Zweite Fassung".getBytes(UTF_8)));
            case EDIT -> {
                long id = fresh(group);
                yield as.patch("/documents/" + id, Json.createObjectBuilder().add("version", version(id))
                        .add("title", "Neuer Titel").build());
            }
            case RENAME -> {
                long id = fresh(group);
                yield as.patch("/documents/" + id, Json.createObjectBuilder().add("version", version(id))
                        .add("name", Fixtures.unique("Umbenannt") + ".txt").build());
            }
            case MOVE -> {
                long id = fresh(group);
                yield as.patch("/documents/" + id, Json.createObjectBuilder().add("version", version(id))
                        .add("folderId", group.folderId()).build());
            }
            case TRASH -> as.delete("/documents/" + fresh(group));
            case TRASHED_DETAIL -> as.get("/documents/" + trashed(group));
            case TRASH_LIST -> as.get("/groups/" + group.slug() + "/trash");
            case RESTORE -> as.post("/trash/document/" + trashed(group) + "/restore");
            case PURGE -> as.delete("/trash/document/" + trashed(group));
            case COMMENT -> as.post(document + "/comments", Json.createObjectBuilder().add("body", "Gute Idee!").build());
            case IMPORT -> as.postMultipart("/groups/" + group.slug() + "/imports", new ApiClient.Multipart()
                    .file("file", Fixtures.unique("umzug") + ".zip", zip(Fixtures.unique("Import") + ".txt")));
        };
        last = answer.body();
        return answer.status();
    }

    /** The group of a visibility, made on first use and kept for the class. */
    private static synchronized Group group(String visibility) {
        return GROUPS.computeIfAbsent(visibility, DocumentPermissionsIT::create);
    }

    /**
     * People can join only a listed open group, so it starts PUBLIC and OPEN, the author fills it, and it gets
     * its visibility last.
     */
    private static Group create(String visibility) {
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", people.get(Who.MODERATOR).email()).getString("slug");
        expect(people.get(Who.MEMBER).api().post("/groups/" + slug + "/members"), 201);
        ApiClient author = people.get(Who.AUTHOR).api();
        expect(author.post("/groups/" + slug + "/members"), 201);
        long folderId = expect(author.post("/groups/" + slug + "/folders",
                Json.createObjectBuilder().add("name", "Ablage").build()), 201).json().getJsonNumber("id").longValue();
        JsonObject uploaded = expect(author.postMultipart("/groups/" + slug + "/documents", new ApiClient.Multipart()
                .file("file", "Leitbild.txt", "Unser Leitbild".getBytes(UTF_8))), 201).array().getJsonObject(0);
        ApiClient admin = Fixtures.admin();
        int version = expect(admin.get("/groups/" + slug), 200).json().getInt("version");
        expect(admin.put("/groups/" + slug, Json.createObjectBuilder().add("version", version).add("name", "Gruppe " + slug)
                .add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("visibility", visibility).add("joinPolicy", "OPEN").build()), 200);
        return new Group(slug, folderId, uploaded.getJsonNumber("documentId").longValue(),
                uploaded.getJsonNumber("versionId").longValue());
    }

    /** A new document of the author's in the group, for one cell. */
    private static long fresh(Group group) {
        return expect(people.get(Who.AUTHOR).api().postMultipart("/groups/" + group.slug() + "/documents",
                new ApiClient.Multipart().file("file", Fixtures.unique("Entwurf") + ".txt", "Entwurf".getBytes(UTF_8))), 201)
                .array().getJsonObject(0).getJsonNumber("documentId").longValue();
    }

    /** A new document of the author's, already in the trash. */
    private static long trashed(Group group) {
        long id = fresh(group);
        expect(people.get(Who.AUTHOR).api().delete("/documents/" + id), 204);
        return id;
    }

    private static int version(long documentId) {
        return expect(people.get(Who.AUTHOR).api().get("/documents/" + documentId), 200).json().getInt("version");
    }

    private static ApiClient.Answer expect(ApiClient.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        return answer;
    }

    private static byte[] zip(String entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("Aus dem Archiv".getBytes(UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // --- The pages' session, without a browser ---

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    /**
     * An HTTP client that holds the session cookie of a login through the login page, like a browser after
     * logging in: GET the form for its view state, POST it with the credentials.
     */
    private static HttpClient login(String email, String password) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        String form = send(client, HttpRequest.newBuilder(URI.create(LandingIT.BASE + "/account/login.xhtml")).GET()).body();
        Matcher viewState = VIEW_STATE.matcher(form);
        assertTrue(viewState.find(), "no view state on the login page");
        String body = String.join("&", "loginForm=loginForm",
                "loginForm%3Aemail=" + URLEncoder.encode(email, UTF_8),
                "loginForm%3Apassword=" + URLEncoder.encode(password, UTF_8),
                "loginForm%3Alogin=", "back=",
                "jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), UTF_8),
                "primefaces.nonce=" + URLEncoder.encode(Fixtures.scriptNonce(form), UTF_8));
        HttpResponse<String> answer = send(client, HttpRequest.newBuilder(URI.create(LandingIT.BASE + "/account/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertTrue(!answer.uri().getPath().endsWith("/account/login.xhtml"),
                "login of " + email + " did not leave the login page: " + answer.statusCode());
        return client;
    }

    /** The status of a GET of a page URL with the client's session (or none). */
    private static int page(HttpClient client, String path) {
        return send(client, HttpRequest.newBuilder(URI.create(LandingIT.BASE + path)).GET()).statusCode();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.header("Accept-Language", "de").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
