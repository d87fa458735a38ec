package de.zusammenwachsen.workspace.e2e;

import jakarta.json.JsonObject;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A second WildFly, started by a test itself next to the Arquillian-managed one, so that the test may kill it with
 * {@code kill -9} and start it again on the same data. It runs the provisioned server ({@code jboss.home}) with a
 * base directory of its own, ports shifted by an offset, and a database of its own ({@link ForkDatabase}) of the
 * kind the build tests against: the H2 file under its data directory by default, a fresh PostgreSQL database next
 * to the build's on the PostgreSQL run, created by {@link #prepare} and dropped by {@link #close}. Of the build's
 * environment variables {@code ZW_*} it gets none but the {@code ZW_DB_*} of that database, so that the build's
 * settings cannot point it at the Arquillian server's data. The EAR is deployed by the deployment scanner, as an
 * administrator would drop it in.
 *
 * <pre>{@code
 * ForkedServer server = new ForkedServer(Path.of("target/crash-server"), 100, List.of("-Dzw.setup.code=x"));
 * server.prepare(Path.of("target/workspace.ear"));
 * server.start();
 * server.awaitReady(Duration.ofMinutes(3));
 * List<ProcessHandle> children = server.kill();   // SIGKILL, like a crash
 * server.close();                                  // in @AfterAll: stops it and drops a PostgreSQL database
 * }</pre>
 */
final class ForkedServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path baseDir;
    private final int portOffset;
    private final List<String> javaOptions;
    private final ForkDatabase database;
    private Process process;
    private int starts;

    ForkedServer(Path baseDir, int portOffset, List<String> javaOptions) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.portOffset = portOffset;
        this.javaOptions = List.copyOf(javaOptions);
        this.database = ForkDatabase.forBuild(this.baseDir.getFileName().toString(), dataDir());
    }

    /** The provisioned server that the Arquillian container uses too (failsafe passes {@code jboss.home}). */
    static Path jbossHome() {
        String configured = System.getProperty("jboss.home");
        Path home = configured != null ? Path.of(configured) : Path.of("..", "wildfly-config", "target", "wildfly");
        home = home.toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("jboss-modules.jar"))) {
            throw new IllegalStateException("no provisioned WildFly at " + home + " (build wildfly-config first)");
        }
        return home;
    }

    Path baseDir() {
        return baseDir;
    }

    /** The application's data directory: {@code -Dzw.data.dir} if given, else its default in the server's data. */
    Path dataDir() {
        return javaOptions.stream().filter(option -> option.startsWith("-Dzw.data.dir=")).reduce((first, last) -> last)
                .map(option -> Path.of(option.substring("-Dzw.data.dir=".length())))
                .orElse(baseDir.resolve("data").resolve("zusammenwachsen"));
    }

    ForkDatabase database() {
        return database;
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    String url(String path) {
        return "http://localhost:" + httpPort() + path;
    }

    /**
     * A fresh base directory and database: ends a server a previous, interrupted run may have left behind, empties
     * the database, then copies the configuration (the configured standalone.xml as the build left it, without the
     * Arquillian server's deployments) and puts the EAR into deployments/.
     */
    void prepare(Path ear) throws IOException, SQLException {
        endLeftover();
        deleteTree(baseDir);
        database.create();
        Path home = jbossHome();
        Path configuration = Files.createDirectories(baseDir.resolve("configuration"));
        try (Stream<Path> files = Files.list(home.resolve("standalone").resolve("configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configuration.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // The running Arquillian server may have written its test deployment into standalone.xml; the build keeps a
        // copy of the configuration as its scripts left it.
        Path configured = home.resolveSibling("configured").resolve("standalone.xml");
        String xml = Files.readString(Files.isRegularFile(configured) ? configured : configuration.resolve("standalone.xml"));
        xml = xml.replaceAll("(?s)<deployments>.*?</deployments>", "");
        Files.writeString(configuration.resolve("standalone.xml"), xml);
        Path deployments = Files.createDirectories(baseDir.resolve("deployments"));
        Files.copy(ear, deployments.resolve(ear.getFileName()));
        Files.createDirectories(baseDir.resolve("tmp").resolve("java"));
    }

    /** Starts the server on the base directory as it is (fresh after {@link #prepare}, or as a crash left it). */
    void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running: " + process.pid());
        }
        List<String> options = new ArrayList<>(List.of("-Xms128m", "-Xmx768m", "-Djava.net.preferIPv4Stack=true",
                "-Djava.awt.headless=true", "-Djboss.socket.binding.port-offset=" + portOffset,
                // Temporary files of the JVM (and of libraries that use java.io.tmpdir) stay inside the base
                // directory, where the test can see what a crash leaves behind.
                "-Djava.io.tmpdir=" + baseDir.resolve("tmp").resolve("java")));
        options.addAll(database.javaOptions());
        options.addAll(javaOptions);
        List<String> command = StandaloneCommandBuilder.of(jbossHome()).setBaseDirectory(baseDir)
                .setJavaOptions(options).build();
        ProcessBuilder builder = new ProcessBuilder(command).directory(baseDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("console.log").toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("ZW_"));
        environment.putAll(database.environment());
        starts++;
        Files.writeString(baseDir.resolve("console.log"), "\n===== start " + starts + " =====\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        Files.writeString(baseDir.resolve("server.pid"), Long.toString(process.pid()));
    }

    /**
     * Waits until the application answers (its landing page with 200) and, on the first start, until the scanner
     * marked the EAR deployed; fails early when the process dies or the deployment failed.
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path deployments = baseDir.resolve("deployments");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the forked server exited with " + process.exitValue() + " during start\n"
                        + logTail(60));
            }
            try (Stream<Path> markers = Files.list(deployments)) {
                Optional<Path> failed = markers.filter(p -> p.toString().endsWith(".failed")).findFirst();
                if (failed.isPresent()) {
                    throw new AssertionError("deployment failed: " + Files.readString(failed.get()) + "\n" + logTail(60));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (Stream<Path> markers = Files.list(deployments)) {
                boolean deployed = markers.anyMatch(p -> p.toString().endsWith(".deployed"));
                if (deployed && status(url("/")) == 200) {
                    return;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the forked server did not answer at " + url("/") + " within " + timeout + "\n"
                + logTail(60));
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The server's child processes (and theirs), e.g. the text extraction JVMs. */
    List<ProcessHandle> descendants() {
        return process == null ? List.of() : process.toHandle().descendants().toList();
    }

    /**
     * {@code kill -9} of the server JVM alone, as a crash would do it; returns the processes it had started, which
     * are on their own from now on (the caller decides whether they must end by themselves).
     */
    List<ProcessHandle> kill() throws InterruptedException {
        List<ProcessHandle> children = descendants();
        process.destroyForcibly();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("the server process " + process.pid() + " survived SIGKILL for 30 s");
        }
        return children;
    }

    /** A regular shutdown (SIGTERM), forcibly after 60 s; ends the server's child processes too. */
    void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = descendants();
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Stops the server for good (see {@link #stop}) and drops its database if it is a PostgreSQL one. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            database.drop();
        }
    }

    /** Ends a server that an interrupted earlier run left running on this base directory (by its pid file). */
    private void endLeftover() throws IOException {
        Path pidFile = baseDir.resolve("server.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .filter(p -> p.info().commandLine().map(c -> c.contains(baseDir.toString())).orElse(false));
        leftover.ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    /** The lines of the server's log (all starts) that contain {@code text}. */
    List<String> logLines(String text) {
        try (Stream<String> lines = Files.lines(baseDir.resolve("log").resolve("server.log"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of("(no log: " + e + ")");
        }
    }

    /** The last lines of the server's log, for failure messages. */
    String logTail(int lines) {
        Path log = baseDir.resolve("log").resolve("server.log");
        if (!Files.isRegularFile(log)) {
            log = baseDir.resolve("console.log");
        }
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- " + log + " ---\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    // --- REST calls to this server -------------------------------------------------------------------------------

    ApiClient.Answer get(String token, String apiPath) {
        return send(request(token, apiPath).GET());
    }

    ApiClient.Answer post(String token, String apiPath) {
        return send(request(token, apiPath).POST(HttpRequest.BodyPublishers.noBody()));
    }

    ApiClient.Answer post(String token, String apiPath, JsonObject body) {
        return send(request(token, apiPath).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    ApiClient.Answer put(String token, String apiPath, JsonObject body) {
        return send(request(token, apiPath).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** POST multipart/form-data with one part named {@code file} per file. */
    ApiClient.Answer upload(String token, String apiPath, List<Path> files) {
        String boundary = "----zw-crash-" + System.nanoTime();
        List<byte[]> body = new ArrayList<>();
        try {
            for (Path file : files) {
                body.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.add(Files.readAllBytes(file));
                body.add("\r\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(token, apiPath).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body)));
    }

    private HttpRequest.Builder request(String token, String apiPath) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url("/api/v1" + apiPath)))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", "de");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static ApiClient.Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
