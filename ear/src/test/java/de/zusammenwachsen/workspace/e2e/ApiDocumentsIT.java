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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documents part of the REST API end to end: folders, uploads (several files at once, streamed multipart),
 * versions with their conflicts, metadata, downloads with their safety headers, comments, trash, bulk import,
 * text extraction and the administrators' storage view. Who may do what in every combination is
 * {@link DocumentPermissionsIT}'s job.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiDocumentsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    private static Fixtures.Account moderator;
    private static Fixtures.Account author;
    private static Fixtures.Account colleague;

    /** A private group with a moderator and two members, one of whom uploads ("author"). */
    private record Group(String slug) {

        String library() {
            return "/groups/" + slug + "/library";
        }
    }

    private static synchronized void accounts() {
        if (moderator == null) {
            moderator = Fixtures.createAccount(MAIL, "Mona Moderation");
            author = Fixtures.createAccount(MAIL, "Anna Autorin");
            colleague = Fixtures.createAccount(MAIL, "Kai Kollege");
        }
    }

    private static Group group() {
        accounts();
        String slug = Fixtures.createGroup("PRIVATE", "OPEN", moderator.email()).getString("slug");
        expect(201, author.api().post("/groups/" + slug + "/members"));
        expect(201, colleague.api().post("/groups/" + slug + "/members"));
        return new Group(slug);
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

    private static JsonObject upload(ApiClient api, Group group, String name, byte[] content) {
        return expect(201, api.postMultipart("/groups/" + group.slug() + "/documents",
                new ApiClient.Multipart().file("file", name, content))).array().getJsonObject(0);
    }

    private static long id(JsonObject object, String member) {
        return object.getJsonNumber(member).longValue();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    @Test
    void foldersHoldUploadsOfSeveralFilesAtOnce() {
        Group group = group();
        ApiClient api = author.api();
        JsonObject folder = expect(201, api.post("/groups/" + group.slug() + "/folders",
                Json.createObjectBuilder().add("name", "Förderanträge").build())).json();
        long folderId = id(folder, "id");
        expectProblem(409, "folder.name.taken", api.post("/groups/" + group.slug() + "/folders",
                Json.createObjectBuilder().add("name", "Förderanträge").build()));
        JsonObject sub = expect(201, api.post("/groups/" + group.slug() + "/folders",
                Json.createObjectBuilder().add("name", "2025").add("parentId", folderId).build())).json();

        ApiClient.Answer uploaded = expect(201, api.postMultipart("/groups/" + group.slug() + "/documents",
                new ApiClient.Multipart().field("folderId", String.valueOf(folderId)).field("comment", "Erste Fassung")
                        .file("file", "Antrag.txt", utf8("Antrag auf Förderung des Dorfladens"))
                        .file("file", "Budget.csv", utf8("Posten;Betrag\nMiete;1200\n"))
                        .file("file", "Zeitplan.txt", utf8("Januar bis Juni"))));
        assertEquals(3, uploaded.array().size());
        assertNotNull(uploaded.header("Location"));
        for (JsonValue one : uploaded.array()) {
            assertTrue(one.asJsonObject().getBoolean("newDocument"), one.toString());
            assertEquals(1, one.asJsonObject().getInt("number"));
        }

        JsonObject listing = expect(200, api.get(group.library() + "?folder=" + folderId + "&sort=size&desc=true")).json();
        assertEquals("Förderanträge", listing.getJsonObject("folder").getString("name"));
        assertEquals(3, listing.getJsonObject("documents").getInt("total"));
        assertEquals("Antrag.txt", listing.getJsonObject("documents").getJsonArray("items").getJsonObject(0).getString("name"));
        assertEquals("2025", listing.getJsonArray("folders").getJsonObject(0).getString("name"));
        assertEquals(id(sub, "id"), id(listing.getJsonArray("folders").getJsonObject(0), "id"));
        assertTrue(listing.getJsonArray("allowed").contains(Json.createValue("UPLOAD")), listing.toString());
        assertTrue(listing.getJsonObject("limits").getJsonNumber("maxFileBytes").longValue() >= 100L * 1024 * 1024);

        JsonObject top = expect(200, api.get(group.library())).json();
        JsonObject entry = top.getJsonArray("folders").getJsonObject(0);
        assertEquals(3, entry.getInt("documentCount"));
        assertEquals(1, entry.getInt("folderCount"));

        // Filters: by kind, and no document of a kind that is not there.
        assertEquals(3, expect(200, api.get(group.library() + "?folder=" + folderId + "&kind=text")).json()
                .getJsonObject("documents").getInt("total"));
        assertEquals(0, expect(200, api.get(group.library() + "?folder=" + folderId + "&kind=PDF")).json()
                .getJsonObject("documents").getInt("total"));

        // The same name in the same folder is the document's next version.
        JsonObject second = expect(201, api.postMultipart("/groups/" + group.slug() + "/documents",
                new ApiClient.Multipart().field("folderId", String.valueOf(folderId))
                        .file("file", "Zeitplan.txt", utf8("Januar bis August")))).array().getJsonObject(0);
        assertFalse(second.getBoolean("newDocument"));
        assertEquals(2, second.getInt("number"));
        assertEquals(3, expect(200, api.get(group.library() + "?folder=" + folderId)).json()
                .getJsonObject("documents").getInt("total"));
    }

    @Test
    void newVersionsAndEditsFromAStaleBaseAreConflictsAndOldVersionsCanBeRestored() {
        Group group = group();
        ApiClient api = author.api();
        byte[] first = utf8("Protokoll, erste Fassung");
        long documentId = id(upload(api, group, "Protokoll.txt", first), "documentId");

        ApiClient.Answer v2 = expect(201, api.postMultipart("/documents/" + documentId + "/versions",
                new ApiClient.Multipart().field("basedOn", "1").field("comment", "Korrekturen")
                        .file("file", "Protokoll.txt", utf8("Protokoll, zweite Fassung"))));
        assertEquals(2, v2.json().getInt("number"));
        assertTrue(v2.header("Location").endsWith("/documents/" + documentId + "/versions/2"), v2.header("Location"));
        // A colleague who also started from version 1 does not overwrite version 2 unnoticed.
        expectProblem(409, "document.version.conflict", colleague.api().postMultipart("/documents/" + documentId + "/versions",
                new ApiClient.Multipart().field("basedOn", "1").file("file", "Protokoll.txt", utf8("Meine Fassung"))));

        JsonObject detail = expect(200, api.get("/documents/" + documentId)).json();
        assertEquals(2, detail.getInt("currentNumber"));
        assertEquals(2, detail.getJsonArray("versions").size());
        int version = detail.getInt("version");

        JsonObject change = Json.createObjectBuilder().add("version", version).add("title", "Protokoll der Sitzung")
                .add("description", "Vom 3. März").add("tags", Json.createArrayBuilder().add("protokoll").add("2025"))
                .build();
        JsonObject changed = expect(200, api.patch("/documents/" + documentId, change)).json();
        assertEquals("Protokoll der Sitzung", changed.getString("title"));
        assertTrue(changed.getJsonArray("tags").contains(Json.createValue("protokoll")), changed.toString());
        assertTrue(changed.getInt("version") > version);
        // The same edit again, from the version read before: someone changed it meanwhile.
        expectProblem(409, "error.changedMeanwhile", moderator.api().patch("/documents/" + documentId, change));
        expectProblem(400, "rest.version.required", api.patch("/documents/" + documentId,
                Json.createObjectBuilder().add("title", "Ohne Version").build()));

        // Several changes at once: title, new name and another folder, all with one version.
        long folderId = id(expect(201, api.post("/groups/" + group.slug() + "/folders",
                Json.createObjectBuilder().add("name", "Protokolle").build())).json(), "id");
        JsonObject moved = expect(200, api.patch("/documents/" + documentId, Json.createObjectBuilder()
                .add("version", changed.getInt("version")).add("name", "Protokoll 2025-03.txt")
                .add("folderId", folderId).add("description", JsonValue.NULL).build())).json();
        assertEquals("Protokoll 2025-03.txt", moved.getString("name"));
        assertEquals(folderId, id(moved.getJsonObject("folder"), "id"));
        assertEquals("Protokoll der Sitzung", moved.getString("title"));
        assertFalse(moved.containsKey("description") && !moved.isNull("description"), moved.toString());

        // Restoring version 1 makes it the newest (3), with version 1's bytes.
        expectProblem(409, "document.version.conflict", api.post("/documents/" + documentId + "/versions/1/restore",
                Json.createObjectBuilder().add("basedOn", 1).build()));
        JsonObject restored = expect(201, api.post("/documents/" + documentId + "/versions/1/restore",
                Json.createObjectBuilder().add("basedOn", 2).add("comment", "Zurück zur ersten Fassung").build())).json();
        assertEquals(3, restored.getInt("number"));
        ApiClient.Binary content = api.download("/documents/" + documentId + "/versions/3/content");
        assertEquals(200, content.status(), content.toString());
        assertArrayEquals(first, content.bytes());
        JsonObject v3 = expect(200, api.get("/documents/" + documentId + "/versions/3")).json();
        assertEquals("Zurück zur ersten Fassung", v3.getString("comment"));
        expectProblem(404, "error.notFound", api.get("/documents/" + documentId + "/versions/9"));
    }

    @Test
    void downloadsAreTheUploadedBytesWithSafeHeaders() {
        Group group = group();
        ApiClient api = colleague.api();
        String name = "Protokoll „Übergabe“ \"final\".txt";
        byte[] text = utf8("Übergabe der Schlüssel am Freitag.\n");
        JsonObject uploaded = upload(api, group, name, text);
        assertEquals(name, uploaded.getString("name"));
        String path = "/documents/" + id(uploaded, "documentId") + "/versions/1/content";

        ApiClient.Binary download = api.download(path);
        assertEquals(200, download.status(), download.toString());
        assertArrayEquals(text, download.bytes());
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertTrue(download.header("Cache-Control").startsWith("private"), download.header("Cache-Control"));
        assertTrue(download.header("Content-Type").startsWith("text/plain"), download.header("Content-Type"));
        assertEquals(String.valueOf(text.length), download.header("Content-Length"));
        assertTrue(download.header("Content-Security-Policy").startsWith("sandbox"), download.header("Content-Security-Policy"));
        String disposition = download.header("Content-Disposition");
        assertTrue(disposition.startsWith("inline;"), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''" + URLEncoder.encode(name, UTF_8).replace("+", "%20")), disposition);
        String fallback = disposition.substring(disposition.indexOf("filename=\"") + 10, disposition.indexOf("\";"));
        assertFalse(fallback.contains("\""), disposition);
        assertTrue(fallback.chars().allMatch(c -> c >= 0x20 && c < 0x7f), disposition);

        String etag = download.header("ETag");
        assertEquals("\"" + sha256(text) + "\"", etag);
        assertEquals(304, api.download(path, "If-None-Match", etag).status());
        assertTrue(api.download(path + "?download=1").header("Content-Disposition").startsWith("attachment;"));

        // Active content never renders on our origin: HTML and SVG come as opaque attachments, also when named .pdf.
        for (var file : List.of(
                new Upload("seite.html", AdversarialFiles.htmlPage()),
                new Upload("grafik.svg", AdversarialFiles.svgWithScript()),
                new Upload("rechnung.pdf", AdversarialFiles.htmlPage()))) {
            JsonObject active = upload(api, group, file.name(), file.bytes());
            ApiClient.Binary served = api.download("/documents/" + id(active, "documentId") + "/versions/1/content");
            assertEquals(200, served.status(), file.name());
            assertEquals("application/octet-stream", served.header("Content-Type"), file.name());
            assertTrue(served.header("Content-Disposition").startsWith("attachment;"), file.name());
            assertTrue(served.header("Content-Security-Policy").startsWith("sandbox"), file.name());
            assertArrayEquals(file.bytes(), served.bytes(), file.name());
        }

        // A real PDF keeps its type but comes as an attachment under the sandbox too: a browser's own viewer would
        // run the JavaScript it may carry (the document page draws PDFs with PDF.js instead).
        byte[] pdf = AdversarialFiles.textPdf(AdversarialFiles.SENTENCE);
        JsonObject pdfDocument = upload(api, group, "Leitbild.pdf", pdf);
        ApiClient.Binary shown = api.download("/documents/" + id(pdfDocument, "documentId") + "/versions/1/content");
        assertEquals("application/pdf", shown.header("Content-Type"));
        assertTrue(shown.header("Content-Disposition").startsWith("attachment;"), shown.header("Content-Disposition"));
        assertTrue(shown.header("Content-Security-Policy").startsWith("sandbox"), shown.header("Content-Security-Policy"));
        assertEquals("DENY", shown.header("X-Frame-Options"));
        assertArrayEquals(pdf, shown.bytes());
    }

    private record Upload(String name, byte[] bytes) {
    }

    @Test
    void aFileAboveTheLimitIsRefusedWith413WhileStreaming() {
        Group group = group();
        long limit = expect(200, author.api().get(group.library())).json().getJsonObject("limits")
                .getJsonNumber("maxFileBytes").longValue();
        long size = limit + 1;
        Supplier<InputStream> bytes = () -> ApiClient.generated(size);
        ApiClient.Answer refused = author.api().postMultipart("/groups/" + group.slug() + "/documents",
                new ApiClient.Multipart().file("file", "Riesig.bin", size, bytes));
        expectProblem(413, "document.file.tooLarge", refused);
        assertEquals(0, expect(200, author.api().get(group.library())).json().getJsonObject("documents").getInt("total"));
    }

    @Test
    void uploadsThatAreNotMultipartOrLackAFileAre4xx() {
        Group group = group();
        ApiClient api = author.api();
        String documents = "/groups/" + group.slug() + "/documents";
        expectProblem(415, "rest.mediaType.unsupported", api.post(documents, Json.createObjectBuilder().add("file", "x").build()));
        expectProblem(400, "rest.file.missing", api.postMultipart(documents, new ApiClient.Multipart().field("comment", "nichts")));
        expectProblem(400, "rest.parameter.invalid", api.postMultipart(documents, new ApiClient.Multipart()
                .field("folderId", "oben").file("file", "a.txt", utf8("a"))));
        expectProblem(400, "rest.parameter.invalid", api.get(group.library() + "?kind=Tabelle"));
        expectProblem(400, "rest.parameter.invalid", api.get(group.library() + "?folder=oben"));
        long documentId = id(upload(api, group, "a.txt", utf8("a")), "documentId");
        expectProblem(400, "rest.body.invalid", api.postRaw("/documents/" + documentId + "/comments", "{kaputt"));
        ApiClient.Answer brokenPatch = api.patch("/documents/" + documentId, Json.createObjectBuilder()
                .add("version", "drei").build());
        expectProblem(400, "rest.parameter.invalid", brokenPatch);
        expectProblem(404, "error.notFound", api.post("/trash/ordner/" + documentId + "/restore"));
    }

    @Test
    void membersCommentAndAuthorsOrModeratorsDeleteComments() {
        Group group = group();
        long documentId = id(upload(author.api(), group, "Flyer.txt", utf8("Sommerfest am See")), "documentId");
        JsonObject mine = expect(201, colleague.api().post("/documents/" + documentId + "/comments",
                Json.createObjectBuilder().add("body", "Bitte das Datum fett setzen.").build())).json();
        JsonObject theirs = expect(201, author.api().post("/documents/" + documentId + "/comments",
                Json.createObjectBuilder().add("body", "Mache ich.").build())).json();

        var comments = expect(200, author.api().get("/documents/" + documentId + "/comments")).array();
        assertEquals(2, comments.size());
        assertEquals("Bitte das Datum fett setzen.", comments.getJsonObject(0).getString("body"));
        assertEquals("Kai Kollege", comments.getJsonObject(0).getString("author"));

        expectProblem(403, "error.forbidden", author.api().delete("/comments/" + id(mine, "id")));
        expect(204, colleague.api().delete("/comments/" + id(mine, "id")));
        expect(204, moderator.api().delete("/comments/" + id(theirs, "id")));
        assertEquals(0, expect(200, author.api().get("/documents/" + documentId + "/comments")).array().size());
        expectProblem(404, "error.notFound", author.api().delete("/comments/" + id(mine, "id")));
    }

    @Test
    void trashedDocumentsAndFoldersAreRestoredOrPurgedByModerators() {
        Group group = group();
        ApiClient api = author.api();
        long documentId = id(upload(api, group, "Entwurf.txt", utf8("Entwurf")), "documentId");

        expect(204, api.delete("/documents/" + documentId));
        expectProblem(404, "error.notFound", api.get("/documents/" + documentId));
        assertEquals(0, expect(200, api.get(group.library())).json().getJsonObject("documents").getInt("total"));
        JsonObject trashed = expect(200, moderator.api().get("/documents/" + documentId)).json();
        assertTrue(trashed.getBoolean("trashed"));
        expectProblem(403, "error.forbidden", api.get("/groups/" + group.slug() + "/trash"));

        JsonObject trash = expect(200, moderator.api().get("/groups/" + group.slug() + "/trash")).json();
        assertEquals(1, trash.getInt("total"));
        JsonObject entry = trash.getJsonArray("items").getJsonObject(0);
        assertEquals("DOCUMENT", entry.getString("kind"));
        assertEquals("Anna Autorin", entry.getString("trashedBy"));
        expect(204, moderator.api().post("/trash/document/" + documentId + "/restore"));
        assertFalse(expect(200, api.get("/documents/" + documentId)).json().getBoolean("trashed"));

        // A folder goes with what it holds, as one entry, and comes back (or goes) whole.
        long folderId = id(expect(201, api.post("/groups/" + group.slug() + "/folders",
                Json.createObjectBuilder().add("name", "Altes").build())).json(), "id");
        long inside = id(expect(201, api.postMultipart("/groups/" + group.slug() + "/documents", new ApiClient.Multipart()
                .field("folderId", String.valueOf(folderId)).file("file", "Alt.txt", utf8("alt")))).array()
                .getJsonObject(0), "documentId");
        expect(204, api.delete("/folders/" + folderId));
        expectProblem(404, "error.notFound", api.get("/documents/" + inside));
        JsonObject folderEntry = expect(200, moderator.api().get("/groups/" + group.slug() + "/trash")).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("FOLDER", folderEntry.getString("kind"));
        assertEquals(1, folderEntry.getInt("contains"));
        expectProblem(403, "error.forbidden", api.delete("/trash/folder/" + folderId));
        expect(204, moderator.api().delete("/trash/folder/" + folderId));
        expectProblem(404, "error.notFound", moderator.api().get("/documents/" + inside));
        expectProblem(404, "error.notFound", moderator.api().post("/trash/folder/" + folderId + "/restore"));
        assertEquals(0, expect(200, moderator.api().get("/groups/" + group.slug() + "/trash")).json().getInt("total"));
    }

    @Test
    void foldersAreRenamedAndMovedWithTheirVersion() {
        Group group = group();
        ApiClient api = author.api();
        long a = id(expect(201, api.post("/groups/" + group.slug() + "/folders",
                Json.createObjectBuilder().add("name", "Presse").build())).json(), "id");
        long b = id(expect(201, api.post("/groups/" + group.slug() + "/folders",
                Json.createObjectBuilder().add("name", "Öffentlichkeitsarbeit").build())).json(), "id");
        int version = expect(200, api.get(group.library() + "?folder=" + a)).json().getInt("folderVersion");

        expect(204, api.patch("/folders/" + a, Json.createObjectBuilder().add("version", version)
                .add("name", "Pressemitteilungen").add("parentId", b).build()));
        JsonObject moved = expect(200, api.get(group.library() + "?folder=" + a)).json();
        assertEquals("Pressemitteilungen", moved.getJsonObject("folder").getString("name"));
        assertEquals(b, id(moved.getJsonArray("path").getJsonObject(0), "id"));
        expectProblem(409, "error.changedMeanwhile", api.patch("/folders/" + a,
                Json.createObjectBuilder().add("version", version).add("name", "Zu spät").build()));
        expect(204, api.patch("/folders/" + a, Json.createObjectBuilder()
                .add("version", moved.getInt("folderVersion")).add("parentId", JsonValue.NULL).build()));
        assertEquals(2, expect(200, api.get(group.library())).json().getJsonArray("folders").size());
        // Someone else's folder is the author's and the moderators' to change.
        expectProblem(403, "error.forbidden", colleague.api().delete("/folders/" + a));
    }

    @Test
    void aZipArchiveIsImportedInTheBackground() throws Exception {
        Group group = group();
        byte[] zip = zip("Satzung.txt", "Die Satzung des Vereins.", "Protokolle/2024-01.txt", "Januar",
                "Protokolle/2024-02.txt", "Februar");
        expectProblem(403, "error.forbidden", author.api().postMultipart("/groups/" + group.slug() + "/imports",
                new ApiClient.Multipart().file("file", "umzug.zip", zip)));

        ApiClient.Answer started = expect(202, moderator.api().postMultipart("/groups/" + group.slug() + "/imports",
                new ApiClient.Multipart().file("file", "umzug.zip", zip)));
        long importId = id(started.json(), "id");
        assertTrue(started.header("Location").endsWith("/imports/" + importId), started.header("Location"));
        JsonObject job = started.json();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!job.getString("state").equals("DONE") && !job.getString("state").equals("FAILED")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            job = expect(200, moderator.api().get("/imports/" + importId)).json();
        }
        assertEquals("DONE", job.getString("state"), job.toString());
        assertEquals(3, job.getInt("imported"), job.toString());
        expectProblem(403, "error.forbidden", author.api().get("/imports/" + importId));
        assertTrue(expect(200, moderator.api().get("/groups/" + group.slug() + "/imports")).array().stream()
                .anyMatch(i -> id(i.asJsonObject(), "id") == importId));

        JsonObject top = expect(200, author.api().get(group.library())).json();
        assertEquals(1, top.getJsonObject("documents").getInt("total"));
        assertEquals("Protokolle", top.getJsonArray("folders").getJsonObject(0).getString("name"));
        assertEquals(2, top.getJsonArray("folders").getJsonObject(0).getInt("documentCount"));

        expectProblem(400, "import.notZip", moderator.api().postMultipart("/groups/" + group.slug() + "/imports",
                new ApiClient.Multipart().file("file", "kein.zip", utf8("nur Text"))));
    }

    /**
     * The security probe's finding: the limit of an import applied to the archive only, and 2 MB of ZIP with 5,000
     * entries went in as 1.5 GB and queued 4,500 extraction jobs. Now an archive with more entries than an import
     * takes (2,000 by default), or whose files unpack to more than 2 GB (the default; the group's free room is
     * 5 GB), is refused whole before anything is stored: no import job, no folder, no document, nothing to
     * extract. A ZIP bomb whose headers claim tiny files is caught by counting what it unpacks to.
     */
    @Test
    void anArchiveWithTooManyEntriesOrTooMuchUnpackedIsRefusedAndNothingIsStored() throws Exception {
        Group group = group();
        String imports = "/groups/" + group.slug() + "/imports";

        byte[] many = zipOfEmptyFiles(2001);
        assertTrue(many.length < 300_000, "a small archive: " + many.length);
        ApiClient.Answer tooMany = moderator.api().postMultipart(imports, new ApiClient.Multipart().file("file", "viele.zip", many));
        expectProblem(413, "import.tooManyEntries", tooMany);
        assertTrue(tooMany.json().getString("detail").contains("höchstens 2.000"), tooMany.body());

        byte[] zeros = zipOfZeros(3, 800);
        assertTrue(zeros.length < 5_000_000, "2.4 GB of zeros pack into a few MB: " + zeros.length);
        ApiClient.Answer tooLarge = moderator.api().postMultipart(imports, new ApiClient.Multipart().file("file", "nullen.zip", zeros));
        expectProblem(413, "import.expanded.tooLarge", tooLarge);
        assertTrue(tooLarge.json().getString("detail").contains("2.048 MB"), tooLarge.body());
        expectProblem(413, "import.expanded.tooLarge", moderator.api().postMultipart(imports,
                new ApiClient.Multipart().file("file", "bombe.zip", understated(zeros))));

        assertEquals(0, expect(200, moderator.api().get(imports)).array().size(), "no import job was queued");
        JsonObject top = expect(200, moderator.api().get(group.library())).json();
        assertEquals(0, top.getJsonObject("documents").getInt("total"), top.toString());
        assertEquals(0, top.getJsonArray("folders").size(), top.toString());
        JsonObject extraction = expect(200, moderator.api().get("/groups/" + group.slug() + "/extraction")).json();
        assertEquals(0, extraction.getJsonNumber("pending").longValue() + extraction.getJsonNumber("running").longValue()
                + extraction.getJsonNumber("done").longValue() + extraction.getJsonNumber("failed").longValue(),
                extraction.toString());
    }

    @Test
    void theTextOfAnUploadIsExtractedInTheBackground() throws Exception {
        Group group = group();
        String sentence = "Die Streuobstwiese am Geiseltalsee braucht im Herbst viele helfende Hände.";
        long documentId = id(upload(author.api(), group, "Aufruf.txt", utf8("Aufruf\n\n" + sentence + "\n")), "documentId");
        JsonObject version = expect(200, author.api().get("/documents/" + documentId + "/versions/1")).json();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!List.of("DONE", "FAILED").contains(version.getString("extractionState"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            version = expect(200, author.api().get("/documents/" + documentId + "/versions/1")).json();
        }
        assertEquals("DONE", version.getString("extractionState"), version.toString());
        assertTrue(version.getInt("extractedChars") >= sentence.length(), version.toString());

        ApiClient.Answer text = expect(200, author.api().get("/documents/" + documentId + "/versions/1/text", "text/plain"));
        assertTrue(text.contentType().startsWith("text/plain"), text.contentType());
        assertTrue(text.contentType().toLowerCase().contains("charset=utf-8"), text.contentType());
        assertTrue(text.body().contains(sentence), text.body());

        JsonObject extraction = expect(200, author.api().get("/groups/" + group.slug() + "/extraction")).json();
        assertEquals(1, extraction.getJsonNumber("done").longValue(), extraction.toString());
    }

    @Test
    void administratorsSeeTheBlobStoreAndSweepIt() {
        accounts();
        JsonObject status = expect(200, Fixtures.admin().get("/admin/storage")).json();
        assertEquals(0, status.getJsonNumber("missingBlobs").longValue(), status.toString());
        assertNotNull(status.getJsonObject("extraction"));
        expect(200, Fixtures.admin().post("/admin/storage/sweep"));
        expectProblem(403, "error.forbidden", moderator.api().get("/admin/storage"));
        expectProblem(401, "error.loginRequired", ApiClient.guest().post("/admin/storage/sweep"));
    }

    @Test
    void theApiDescriptionShowsTheUploadForms() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(LandingIT.BASE + "/openapi?format=JSON")).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject paths = Json.createReader(new StringReader(response.body())).readObject().getJsonObject("paths");
        for (String path : List.of("/api/v1/groups/{slug}/documents", "/api/v1/documents/{id}/versions",
                "/api/v1/groups/{slug}/imports")) {
            JsonObject form = paths.getJsonObject(path).getJsonObject("post").getJsonObject("requestBody")
                    .getJsonObject("content").getJsonObject("multipart/form-data");
            assertTrue(form.getJsonObject("schema").getJsonObject("properties").containsKey("file"), path);
        }
    }

    private static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i + 1 < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(utf8(namesAndTexts[i + 1]));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A ZIP of {@code count} empty files in one folder: a few bytes each, one entry each. */
    private static byte[] zipOfEmptyFiles(int count) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("leer/" + i + ".txt"));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A ZIP of {@code files} files of {@code mb} MB of zeros each, which deflate to about a thousandth. */
    private static byte[] zipOfZeros(int files, int mb) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[1024 * 1024];
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < files; i++) {
                zip.putNextEntry(new ZipEntry("nullen-" + i + ".txt"));
                for (int m = 0; m < mb; m++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A copy of a ZIP whose central directory, which readers trust, claims that each file is one byte long: a ZIP
     * bomb's trick against checks of the declared sizes.
     */
    private static byte[] understated(byte[] zip) {
        byte[] archive = zip.clone();
        // A central directory header (PK 1 2) holds the unpacked size at offset 24, little-endian.
        ByteBuffer header = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= archive.length; i++) {
            if (header.getInt(i) == 0x02014b50) {
                header.putInt(i + 24, 1);
            }
        }
        return archive;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
