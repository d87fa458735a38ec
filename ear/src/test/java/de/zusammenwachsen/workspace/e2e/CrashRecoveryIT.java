package de.zusammenwachsen.workspace.e2e;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Nothing is lost when the server dies: a second WildFly of its own ({@link ForkedServer}, ports +100, its blob store
 * under {@code target/crash-server} and a database of its own of the kind the build tests against, H2 by default,
 * PostgreSQL on the PostgreSQL run) is killed with SIGKILL in the middle of an upload and
 * in the middle of text extraction, then started again on the same data. Afterwards no row names a missing blob,
 * the sweeper reaches every leftover (no unreferenced blob or incomplete upload remains after a sweep, and no large
 * file lies anywhere else), the interrupted upload left no document, a write acknowledged just before the kill is
 * still there, every extraction that was pending or running completes, and no extraction process of the dead server
 * lives on.
 *
 * <p>A plain JUnit test, not an Arquillian one: the Arquillian-managed server on 8080 keeps serving the other tests
 * while this one runs. One test method, because the steps build on each other's crashes.
 */
class CrashRecoveryIT {

    private static final String SETUP_CODE = "crash-setup";
    private static final String INTERRUPTED_NAME = "unterbrochen-" + System.nanoTime() + ".bin";
    private static final long INTERRUPTED_SIZE = 60L * 1024 * 1024;
    /** The kill comes when at least this much of the interrupted upload has left the client. */
    private static final long HALF = INTERRUPTED_SIZE / 2;
    /** Files at least this large outside the blob store and the deployment would be the interrupted upload's remains. */
    private static final long LARGE = 16L * 1024 * 1024;
    private static final int CORPUS_FILES = 20;
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration EXTRACTION = Duration.ofMinutes(3);
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(20);

    private static ForkedServer server;
    private final long begin = System.nanoTime();
    private final List<String> orphans = new ArrayList<>();

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void afterKillsDuringUploadAndExtractionNothingIsLostOrLeftOverAndExtractionCompletes() throws Exception {
        List<Path> corpus = corpusFiles();
        server = new ForkedServer(Path.of("target", "crash-server"), 100, List.of(
                "-Djboss.node.name=crash-server",
                "-Dzw.data.dir=" + Path.of("target", "crash-server", "data").toAbsolutePath(),
                "-Dzw.setup.code=" + SETUP_CODE,
                "-Dzw.blobs.sweep.grace.seconds=0",
                // No mail is needed here; a port where nothing listens makes every attempt fail at once.
                "-Dzw.smtp.host=127.0.0.1", "-Dzw.smtp.port=1"));
        server.prepare(Path.of("target", "workspace.ear").toAbsolutePath());
        server.start();
        server.awaitReady(START);
        log("server started");

        String token = firstAdministrator();
        String slug = group(token);

        // 1. SIGKILL while the body of a 60 MB upload is half sent.
        String spooled = killDuringUpload(token, slug);
        log("killed during upload (partial body seen on the server in: " + spooled + ")");
        server.start();
        server.awaitReady(START);
        log("restarted after the upload kill");
        ApiClient.Answer me = server.get(token, "/me");
        assertEquals(200, me.status(), "the administrator, committed seconds before the kill, is gone: committed "
                + "transactions were lost (e.g. H2, which writes commits to its file with a delay unless WRITE_DELAY=0): "
                + me);
        JsonObject afterUploadKill = storage(token);
        assertEquals(0, afterUploadKill.getJsonNumber("versions").longValue(),
                "the interrupted upload created a version: " + afterUploadKill);
        assertEquals(0, afterUploadKill.getJsonNumber("missingBlobs").longValue(), afterUploadKill.toString());

        // 2. SIGKILL while the text of freshly uploaded files is being extracted.
        Set<Long> documents = upload(token, slug, corpus);
        String lastWrite = "Zuletzt angelegt " + System.nanoTime();
        JsonObject atKill = killDuringExtraction(token, slug, lastWrite);
        JsonObject extractionAtKill = atKill.getJsonObject("extraction");
        log("killed during extraction at " + extractionAtKill);
        assertTrue(count(extractionAtKill, "pending") + count(extractionAtKill, "running") > 0,
                "the kill came too late: extraction was already complete, nothing was interrupted: " + atKill);

        // 3. Start again on the same data.
        server.start();
        server.awaitReady(START);
        log("restarted after the extraction kill");
        server.logLines("interrupted on node").forEach(line -> log("server: " + line));

        JsonObject restarted = storage(token);
        assertEquals(0, restarted.getJsonNumber("missingBlobs").longValue(), "rows name missing blobs: " + restarted);
        assertEquals(corpus.size(), restarted.getJsonNumber("versions").longValue(),
                "expected exactly the uploaded versions, all acknowledged with 201 before the kill, and none of the "
                        + "interrupted upload (fewer: committed rows lost, e.g. H2 without WRITE_DELAY=0): " + restarted);

        JsonObject extracted = awaitExtraction(token);
        log("extraction complete: " + extracted.getJsonObject("extraction"));
        assertEquals(0, count(extracted.getJsonObject("extraction"), "failed"), "extractions failed: " + extracted);
        assertEquals(corpus.size(), count(extracted.getJsonObject("extraction"), "done"), extracted.toString());
        for (Long id : documents) {
            ApiClient.Answer detail = server.get(token, "/documents/" + id);
            assertEquals(200, detail.status(), "document " + id + ": " + detail);
            for (JsonValue value : detail.json().getJsonArray("versions")) {
                JsonObject version = value.asJsonObject();
                assertEquals("DONE", version.getString("extractionState"), "document " + id + ": " + version);
                assertTrue(version.getJsonNumber("extractedChars").longValue() > 0, "no text: " + version);
            }
        }

        ApiClient.Answer library = server.get(token, "/groups/" + slug + "/library?size=100");
        assertEquals(200, library.status(), library.toString());

        ApiClient.Answer sweep = server.post(token, "/admin/storage/sweep");
        assertEquals(200, sweep.status(), sweep.toString());
        log("swept: " + sweep.body());
        JsonObject swept = storage(token);
        List<String> large = largeFiles();
        // Independent findings, all reported at once.
        assertAll("after the restarts and a sweep",
                () -> assertTrue(library.body().contains(lastWrite), "the folder created (201) right before the "
                        + "kill is gone: committed transactions were lost (e.g. H2, which writes commits to its file with "
                        + "a delay unless WRITE_DELAY=0): " + abbreviated(library.body())),
                () -> assertFalse(library.body().contains(INTERRUPTED_NAME),
                        "the interrupted upload appears in the library: " + abbreviated(library.body())),
                () -> assertEquals(0, swept.getJsonNumber("missingBlobs").longValue(), swept.toString()),
                () -> assertEquals(0, swept.getJsonNumber("unreferencedBlobs").longValue(),
                        "unreferenced blobs beyond the sweeper's reach: " + swept),
                () -> assertEquals(0, swept.getJsonNumber("incompleteUploads").longValue(),
                        "incomplete uploads beyond the sweeper's reach: " + swept),
                () -> assertEquals(corpus.size(), swept.getJsonNumber("blobs").longValue(),
                        "one blob per distinct file: " + swept),
                () -> assertTrue(large.isEmpty(), "large files outside the blob store after the restart and the "
                        + "sweep, remains of the interrupted upload that nothing removes: " + large),
                () -> assertTrue(orphans.isEmpty(), "processes of the killed server lived on for "
                        + ORPHAN_GRACE.toSeconds() + " s (ended by the test): " + orphans));
        log("all checks passed");
    }

    // --- the steps ----------------------------------------------------------------------------------------------

    private String firstAdministrator() {
        ApiClient.Answer setup = server.post(null, "/setup", Json.createObjectBuilder()
                .add("setupCode", SETUP_CODE).add("email", "crash-admin@zw-example.de").add("displayName", "Crash Admin")
                .add("password", "Absturz im Tagebau Profen").add("language", "de").add("tokenName", "crash test")
                .build());
        assertEquals(201, setup.status(), "first administrator on the forked server: " + setup);
        return setup.json().getString("token");
    }

    private String group(String token) {
        String slug = Fixtures.unique("absturz");
        ApiClient.Answer created = server.post(token, "/groups", Json.createObjectBuilder()
                .add("slug", slug).add("name", "Gruppe " + slug).add("description", "Für den Absturztest")
                .add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("regions", Json.createArrayBuilder())
                .add("visibility", "PRIVATE").add("joinPolicy", "INVITATION")
                .add("moderators", Json.createArrayBuilder()).build());
        assertEquals(201, created.status(), created.toString());
        return slug;
    }

    /**
     * Sends a multipart upload over a raw socket: fast up to half the body, then slowly, and kills the server once
     * half has left the client and the server has put a large part of it on disk (or after 15 s without that).
     * Returns where the server kept the partial body, for the record.
     */
    private String killDuringUpload(String token, String slug) throws Exception {
        CountDownLatch halfSent = new CountDownLatch(1);
        AtomicLong sent = new AtomicLong();
        String boundary = "----zw-crash-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + INTERRUPTED_NAME + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket("localhost", server.httpPort());
        Thread writer = new Thread(() -> {
            try (OutputStream out = socket.getOutputStream()) {
                out.write(("POST /api/v1/groups/" + slug + "/documents HTTP/1.1\r\n"
                        + "Host: localhost:" + server.httpPort() + "\r\n"
                        + "Authorization: Bearer " + token + "\r\n"
                        + "Accept: application/json\r\n"
                        + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                        + "Content-Length: " + (head.length + INTERRUPTED_SIZE + tail.length) + "\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(head);
                byte[] chunk = new byte[64 * 1024];
                SplittableRandom random = new SplittableRandom(System.nanoTime());
                while (sent.get() < INTERRUPTED_SIZE) {
                    for (int i = 0; i < chunk.length; i += 8) {
                        long bits = random.nextLong();
                        for (int b = 0; b < 8; b++) {
                            chunk[i + b] = (byte) (bits >>> (8 * b));
                        }
                    }
                    out.write(chunk);
                    if (sent.addAndGet(chunk.length) >= HALF) {
                        halfSent.countDown();
                        Thread.sleep(100);
                    }
                }
                // Never reached while the server lives up to its part: the kill ends the connection first.
                out.write(tail);
            } catch (IOException e) {
                // expected: the server died under the upload
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "interrupted-upload");
        writer.setDaemon(true);
        // An answer before the kill means the server refused the upload instead of taking it: kept for the message.
        StringBuffer answer = new StringBuffer();
        Thread reader = new Thread(() -> {
            try {
                byte[] buffer = new byte[4096];
                for (int n; answer.length() < 4096 && (n = socket.getInputStream().read(buffer)) != -1; ) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException expected) {
                // the connection ends with the server
            }
        }, "interrupted-upload-answer");
        reader.setDaemon(true);
        writer.start();
        reader.start();
        try {
            if (!halfSent.await(90, TimeUnit.SECONDS)) {
                fail("the server did not take half of the upload within 90 s (sent " + sent.get() + " bytes, answer: "
                        + answer + ")\n" + server.logTail(40));
            }
            String spooled = "nowhere on disk (kept in memory?)";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                List<String> large = largeFiles();
                if (!large.isEmpty()) {
                    spooled = String.join(", ", large);
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(sent.get() < INTERRUPTED_SIZE, "the whole body went out before the kill");
            assertEquals(0, answer.length(), "the server answered the upload before the kill: " + answer);
            killServer();
            return spooled;
        } finally {
            socket.close();
            writer.join(10_000);
        }
    }

    private Set<Long> upload(String token, String slug, List<Path> files) {
        ApiClient.Answer uploaded = server.upload(token, "/groups/" + slug + "/documents", files);
        assertEquals(201, uploaded.status(), uploaded.toString());
        Set<Long> ids = new LinkedHashSet<>();
        collect(uploaded.array(), "documentId", ids);
        assertEquals(files.size(), ids.size(), "one new document per file: " + uploaded.body());
        log("uploaded " + files.size() + " files");
        return ids;
    }

    /**
     * Kills the server as soon as extraction is under way: a job is running and an extraction process exists, or,
     * if that is not seen within 20 s, as soon as anything is pending or running. Right before the kill it creates
     * the folder {@code lastWrite}: a write acknowledged just before a crash must survive it. Returns the status at
     * the kill.
     */
    private JsonObject killDuringExtraction(String token, String slug, String lastWrite) throws InterruptedException {
        long preferredUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = storage(token);
            JsonObject extraction = last.getJsonObject("extraction");
            long pending = count(extraction, "pending");
            long running = count(extraction, "running");
            boolean working = running > 0 && !server.descendants().isEmpty();
            if (working || (System.nanoTime() > preferredUntil && pending + running > 0)) {
                ApiClient.Answer folder = server.post(token, "/groups/" + slug + "/folders",
                        Json.createObjectBuilder().add("name", lastWrite).build());
                assertEquals(201, folder.status(), folder.toString());
                killServer();
                return last;
            }
            if (pending + running == 0) {
                return last;
            }
            Thread.sleep(50);
        }
        fail("no extraction under way within 60 s: " + last);
        return last;
    }

    /** Waits until nothing is pending or running any more; returns the storage status then. */
    private JsonObject awaitExtraction(String token) throws InterruptedException {
        long deadline = System.nanoTime() + EXTRACTION.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = storage(token);
            JsonObject extraction = last.getJsonObject("extraction");
            if (count(extraction, "pending") == 0 && count(extraction, "running") == 0) {
                return last;
            }
            Thread.sleep(500);
        }
        fail("extraction did not complete within " + EXTRACTION + " after the restart: " + last + "\n"
                + server.logTail(40));
        return last;
    }

    /**
     * SIGKILL to the server JVM alone, as a crash does it; its extraction processes must then end by themselves
     * (their pipe to the server is gone). Those still alive after a grace period are recorded and ended.
     */
    private void killServer() throws InterruptedException {
        List<ProcessHandle> children = server.kill();
        log("SIGKILL to the server; it had " + children.size() + " child process(es)");
        long deadline = System.nanoTime() + ORPHAN_GRACE.toNanos();
        for (ProcessHandle child : children) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                child.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillAlive) {
                if (child.isAlive()) {
                    String orphan = child.pid() + " " + child.info().commandLine().orElse("?");
                    log("still alive " + ORPHAN_GRACE.toSeconds() + " s after the kill, ending it: " + orphan);
                    orphans.add(orphan);
                    child.destroyForcibly();
                }
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private JsonObject storage(String token) {
        ApiClient.Answer status = server.get(token, "/admin/storage");
        assertEquals(200, status.status(), "storage status: " + status);
        return status.json();
    }

    private static long count(JsonObject extraction, String key) {
        return extraction.getJsonNumber(key).longValue();
    }

    /** Every value of {@code key} anywhere in the answer, so the test does not depend on the answer's nesting. */
    private static void collect(JsonValue value, String key, Set<Long> into) {
        if (value instanceof JsonArray array) {
            array.forEach(v -> collect(v, key, into));
        } else if (value instanceof JsonObject object) {
            object.forEach((k, v) -> {
                if (k.equals(key) && v.getValueType() == JsonValue.ValueType.NUMBER) {
                    into.add(object.getJsonNumber(k).longValue());
                } else if (!(v instanceof JsonString)) {
                    collect(v, key, into);
                }
            });
        }
    }

    /** Up to {@value #CORPUS_FILES} different PDF, DOCX and ODT files of the shared corpus. */
    private static List<Path> corpusFiles() throws IOException {
        Path dir = Corpus.binary();
        assertTrue(Files.isDirectory(dir), "corpus not found: " + dir + " (set -Dit.corpus)");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> chosen = files.filter(p -> p.toString().matches(".*\\.(pdf|docx|odt)$")).sorted()
                    .limit(CORPUS_FILES).toList();
            assertTrue(chosen.size() >= 5, "too few corpus files in " + dir + ": " + chosen);
            return chosen;
        }
    }

    /**
     * Files of at least {@link #LARGE} bytes in the server's base directory, except the deployment itself (the EAR
     * and WildFly's copy of it): where the interrupted upload's bytes lie while it runs, and what a crash left.
     */
    private static List<String> largeFiles() {
        Path base = server.baseDir();
        Predicate<Path> deployment = p -> p.startsWith(base.resolve("deployments"))
                || p.startsWith(base.resolve("data").resolve("content"));
        try (Stream<Path> paths = Files.walk(base)) {
            return paths.filter(p -> !deployment.test(p)).filter(Files::isRegularFile).filter(p -> {
                try {
                    return Files.size(p) >= LARGE;
                } catch (IOException e) {
                    return false; // removed meanwhile
                }
            }).map(p -> base.relativize(p) + " (" + size(p) / (1024 * 1024) + " MB)").collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a file vanished while walking: look again next time
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }

    private void log(String message) {
        System.out.printf("[CrashRecoveryIT %5.1f s] %s%n", (System.nanoTime() - begin) / 1e9, message);
    }
}
