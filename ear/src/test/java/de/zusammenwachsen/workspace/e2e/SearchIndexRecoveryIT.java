package de.zusammenwachsen.workspace.e2e;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index is derived data: a second WildFly of its own ({@link ForkedServer}, ports +200, its index under
 * {@code target/index-server} and a database of its own of the kind the build tests against, H2 by default,
 * PostgreSQL on the PostgreSQL run) loses its index between runs, then finds it damaged, and each time
 * finds the same items after a restart as before, rebuilt from the database. Also: after a SIGKILL right after a
 * write was acknowledged, the written item is found after the restart; and a change whose index write a crash lost is
 * found after the restart that follows the crash.
 *
 * <p>A plain JUnit test like {@link CrashRecoveryIT}: the Arquillian server on 8080 keeps serving the other tests.
 */
class SearchIndexRecoveryIT {

    private static final String SETUP_CODE = "index-setup";
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration REBUILT = Duration.ofMinutes(2);

    private static ForkedServer server;

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void aMissingOrDamagedIndexIsRebuiltFromTheDatabase() throws Exception {
        server = new ForkedServer(Path.of("target", "index-server"), 200, List.of(
                "-Djboss.node.name=index-server", "-Dzw.setup.code=" + SETUP_CODE));
        server.prepare(Path.of("target", "workspace.ear").toAbsolutePath());
        server.start();
        server.awaitReady(START);
        String token = firstAdministrator();
        String slug = group(token);
        String word = "Tagebaurestsee" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        for (int i = 0; i < 3; i++) {
            ApiClient.Answer thread = server.post(token, "/groups/" + slug + "/threads", Json.createObjectBuilder()
                    .add("title", "Flutung " + i).add("body", "Der " + word + " wird geflutet, Teil " + i).build());
            assertEquals(201, thread.status(), thread.toString());
        }
        assertEquals(3, total(token, word), "found right after the writes");

        // 1. The index directory is gone (e.g. a restored backup without it).
        server.stop();
        Path index = server.baseDir().resolve("data").resolve("zusammenwachsen").resolve("index");
        assertTrue(Files.isDirectory(index), "the index lives in the data directory: " + index);
        ForkedServer.deleteTree(index);
        server.start();
        server.awaitReady(START);
        awaitTotal(token, word, 3, "after the index directory was deleted");

        // 2. The index files are damaged.
        server.stop();
        try (Stream<Path> files = Files.walk(index)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.write(file, "kaputt".getBytes(StandardCharsets.UTF_8));
            }
        }
        server.start();
        server.awaitReady(START);
        awaitTotal(token, word, 3, "after the index files were overwritten");

        // 3. SIGKILL right after an acknowledged write: the item is found after the restart.
        ApiClient.Answer last = server.post(token, "/groups/" + slug + "/threads", Json.createObjectBuilder()
                .add("title", "Letzte Flutung").add("body", "Der " + word + " ist voll").build());
        assertEquals(201, last.status(), last.toString());
        server.kill();
        server.start();
        server.awaitReady(START);
        awaitTotal(token, word, 4, "after a kill right after a write");

        // 4. A commit whose index write a crash lost (an edit: the number of items stays as it was). Simulated by
        // changing the row while the killed server is down: the start after the crash rebuilds the index in place.
        String renamed = "Uferweg" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        server.kill();
        renameThread("Letzte Flutung", "Flutung am " + renamed);
        server.start();
        server.awaitReady(START);
        awaitTotal(token, renamed, 1, "after a crash that lost an index write");
        assertTrue(server.logTail(5000).contains("not shut down cleanly"), "the rebuild says why");

        // 5. An index written in an older format (by an earlier version), after a clean shutdown: rebuilt in place.
        // The row changed meanwhile shows that the rebuild ran; without it the old title would still be found.
        awaitIdle(token);
        server.stop();
        Path format = index.resolve("format");
        assertEquals("3", Files.readString(format).strip(), "the index directory names its format");
        Files.writeString(format, "1\n");
        String again = "Seeufer" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        renameThread("Flutung am " + renamed, "Flutung am " + again);
        server.start();
        server.awaitReady(START);
        awaitTotal(token, again, 1, "after a start on an index of an older format");
        assertTrue(server.logTail(5000).contains("older format"), "the rebuild says why");
        assertEquals("3", Files.readString(format).strip());
    }

    /** Changes a thread's title in the database of the stopped server, behind the index's back. */
    private void renameThread(String from, String to) throws Exception {
        try (Connection connection = server.database().connect();
             PreparedStatement rename = connection.prepareStatement(
                     "update discussion_thread set title = ? where title = ?")) {
            rename.setString(1, to);
            rename.setString(2, from);
            assertEquals(1, rename.executeUpdate());
        }
    }

    /** Waits until no rebuild runs, so that a clean shutdown leaves no marker behind. */
    private void awaitIdle(String token) throws InterruptedException {
        long deadline = System.nanoTime() + REBUILT.toNanos();
        while (System.nanoTime() < deadline) {
            ApiClient.Answer status = server.get(token, "/admin/search-index");
            assertEquals(200, status.status(), status.toString());
            jakarta.json.JsonObject rebuild = status.json().getJsonObject("rebuild");
            if (rebuild == null || !rebuild.getBoolean("running", false)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("a rebuild still runs");
    }

    private long total(String token, String word) {
        ApiClient.Answer found = server.get(token, "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
        assertEquals(200, found.status(), found.toString());
        return found.json().getJsonNumber("total").longValue();
    }

    private void awaitTotal(String token, String word, long expected, String when) throws InterruptedException {
        long deadline = System.nanoTime() + REBUILT.toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = total(token, word);
            if (seen == expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(when + ": expected " + expected + " hits, the search found " + seen + "\n"
                + server.logTail(40));
    }

    private String firstAdministrator() {
        ApiClient.Answer setup = server.post(null, "/setup", Json.createObjectBuilder()
                .add("setupCode", SETUP_CODE).add("email", "index-admin@zw-example.de").add("displayName", "Index Admin")
                .add("password", "Der Index brennt im Revier").add("language", "de").add("tokenName", "index test")
                .build());
        assertEquals(201, setup.status(), "first administrator on the forked server: " + setup);
        return setup.json().getString("token");
    }

    private String group(String token) {
        String slug = Fixtures.unique("index");
        ApiClient.Answer created = server.post(token, "/groups", Json.createObjectBuilder()
                .add("slug", slug).add("name", "Gruppe " + slug).add("description", "Für den Indextest")
                .add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("regions", Json.createArrayBuilder())
                .add("visibility", "PRIVATE").add("joinPolicy", "INVITATION")
                .add("moderators", Json.createArrayBuilder()).build());
        assertEquals(201, created.status(), created.toString());
        return slug;
    }
}
