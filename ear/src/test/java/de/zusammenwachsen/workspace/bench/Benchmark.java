package de.zusammenwachsen.workspace.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark (run by {@code ./mvnw -Pbench verify}; not a test): starts the workspace with the README's start
 * command, then prints
 * <ul>
 *     <li>the time from the start command to the first page,</li>
 *     <li>the heap after start (after a full GC, read with jcmd),</li>
 *     <li>phase {@code foundation}: group home page latency p50/p95 and requests/s with 20 logged-in users (wrk on
 *     loopback, 20 connections, each with its own session), and the HTTP session size per logged-in user (heap
 *     growth per additional session after a full GC);</li>
 *     <li>phase {@code documents}: the figures of {@link DocumentsBenchmark} (bulk import, uploads, extraction);</li>
 *     <li>phase {@code discussions}: the figures of {@link DiscussionsBenchmark} (thread page with 200 posts, posting
 *     rate, daily digest for 1,000 members of 20 groups);</li>
 *     <li>phase {@code register} (not in the default list; {@code -Dbench.phases=register}): the figures of
 *     {@link RegisterBenchmark} (decisions register page and API over 10,000 decisions of 50 groups);</li>
 *     <li>phase {@code guests} (not in the default list; {@code -Dbench.phases=guests}): the figures of
 *     {@link GuestsBenchmark} (anonymous traffic over the public pages, and the live sessions it leaves);</li>
 *     <li>phase {@code search} (not in the default list; {@code -Dbench.phases=search}): the figures of
 *     {@link SearchBenchmark} (search API, results page and suggestions over the whole gesetze/ corpus with the
 *     permission filter, raw Lucene on the same index, full rebuild).</li>
 * </ul>
 * The second argument names the phases to run, comma-separated (default: all); {@code discussions.page},
 * {@code discussions.posting} and {@code discussions.digest} run one part of the discussions phase.
 */
public final class Benchmark {

    static final String BASE = "http://localhost:8080";
    private static final int USERS = 20;
    private static final String PASSWORD = "Benchmark im Mitteldeutschen Revier";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final Path project;
    private final Path work;
    private final GreenMail mail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final Map<String, String> figures = new LinkedHashMap<>();

    private final Set<String> phases;

    private Benchmark(Path project, Set<String> phases) {
        this.project = project;
        this.work = project.resolve("ear/target/bench");
        this.phases = phases;
    }

    public static void main(String[] args) throws Exception {
        Set<String> phases = Set.of((args.length > 1 && !args[1].isBlank() ? args[1] : "foundation,documents,discussions")
                .split("\\s*,\\s*"));
        new Benchmark(Path.of(args.length > 0 ? args[0] : "..").toAbsolutePath().normalize(), phases).run();
    }

    private void run() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        mail.start();
        Process server = null;
        try {
            long t0 = System.nanoTime();
            ProcessBuilder start = new ProcessBuilder(project.resolve("mvnw").toString(), "-o", "-q", "-Pstart", "package",
                    "-Dzw.data.dir=" + work.resolve("data"))
                    .directory(project.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile());
            start.environment().put("ZW_SMTP_PORT", "3025");
            start.environment().put("ZW_SMTP_HOST", "127.0.0.1");
            start.environment().put("ZW_SETUP_CODE", "bench-setup-code");
            // The documents and search phases import the whole gesetze/ corpus (6,636 files) as one or three ZIPs,
            // more files than the default limit of one import (2,000) lets in.
            start.environment().put("ZW_DOCUMENTS_MAX_IMPORT_ENTRIES", "10000");
            server = start.start();
            waitForFirstPage(server);
            figures.put("Start command to first page", String.format("%.1f s", (System.nanoTime() - t0) / 1e9));
            Matcher booted = Pattern.compile("started in (\\d+)ms").matcher(Files.readString(work.resolve("server.log")));
            if (booted.find()) {
                figures.put("  of which WildFly boot (its own log)", booted.group(1) + " ms");
            }
            long pid = serverPid();
            figures.put("Heap used after start (after full GC)", mb(heapUsed(pid)));

            String adminToken = setupAdministrator();
            if (phases.contains("foundation")) {
                foundation(pid, adminToken);
            }
            if (phases.contains("documents")) {
                try {
                    new DocumentsBenchmark(project, work, pid, adminToken, figures).run();
                } catch (Exception | LinkageError e) {
                    // The figures so far are still worth printing, also after a class failed to load.
                    e.printStackTrace();
                    figures.put("Documents phase broke off", String.valueOf(e));
                }
            }
            Set<String> parts = phases.contains("discussions") ? Set.of("page", "posting", "digest") : phases.stream()
                    .filter(p -> p.startsWith("discussions.")).map(p -> p.substring("discussions.".length())).collect(Collectors.toSet());
            if (!parts.isEmpty()) {
                try {
                    new DiscussionsBenchmark(work, pid, adminToken, mail, figures).run(parts);
                } catch (Exception | LinkageError e) {
                    e.printStackTrace();
                    figures.put("Discussions phase broke off", String.valueOf(e));
                }
            }
            if (phases.contains("register")) {
                try {
                    new RegisterBenchmark(work, adminToken, mail, figures).run();
                } catch (Exception | LinkageError e) {
                    e.printStackTrace();
                    figures.put("Register phase broke off", String.valueOf(e));
                }
            }
            if (phases.contains("guests")) {
                try {
                    new GuestsBenchmark(project, work, pid, figures).run();
                } catch (Exception | LinkageError e) {
                    e.printStackTrace();
                    figures.put("Guests phase broke off", String.valueOf(e));
                }
            }
            if (phases.contains("search")) {
                try {
                    new SearchBenchmark(work, adminToken, mail, figures).run();
                } catch (Exception | LinkageError e) {
                    e.printStackTrace();
                    figures.put("Search phase broke off", String.valueOf(e));
                }
            }
        } finally {
            if (server != null) {
                server.descendants().forEach(ProcessHandle::destroy);
                server.destroy();
                server.waitFor();
            }
            mail.stop();
        }
        System.out.println();
        System.out.println("==== ZusammenWachsen benchmark ====");
        figures.forEach((k, v) -> System.out.printf("%-72s %s%n", k, v));
        System.out.println("Targets: start <= 20 s, group page p95 <= 100 ms at 20 users, session <= 100 KB per user;"
                + " whole gesetze/ imported and extracted < 10 min with heap < 1 GB; thread page (200 posts) p95 <= 150 ms"
                + " at 20 users, digest run for 1,000 members <= 60 s; search REST p95 <= 50 ms alone and <= 200 ms at 20 users,"
                + " suggestions p95 <= 30 ms, search <= 3x raw Lucene + HTTP, full index rebuild <= 5 min");
    }

    private void foundation(long pid, String adminToken) throws Exception {
        createGroup(adminToken, "bench", "Benchmark-Gruppe");
        List<String> cookies = new ArrayList<>();
        cookies.add(userSession(0));
        long before = heapUsed(pid);
        for (int i = 1; i < USERS; i++) {
            cookies.add(userSession(i));
        }
        long after = heapUsed(pid);
        figures.put("HTTP session per logged-in user (heap growth / user, 6 pages each)",
                String.format("%.1f KB", Math.max(0, after - before) / 1024.0 / (USERS - 1)));

        loadTest(cookies);
    }

    private void waitForFirstPage(Process server) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The start command ended; see " + work.resolve("server.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(BASE + "/")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("No first page within 300 s");
    }

    private long serverPid() throws Exception {
        String data = work.resolve("data").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules") && c.contains(data)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("server process not found")).pid();
    }

    /** Heap in use after a full collection, from {@code jcmd GC.heap_info}. */
    static long heapUsed(long pid) throws Exception {
        exec("jcmd", String.valueOf(pid), "GC.run");
        String info = exec("jcmd", String.valueOf(pid), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("unexpected jcmd output: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private String setupAdministrator() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/setup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"setupCode\":\"bench-setup-code\",\"email\":\"admin@bench.test\","
                        + "\"displayName\":\"Bench Admin\",\"password\":\"" + PASSWORD + "\",\"language\":\"de\",\"tokenName\":\"bench\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("setup failed: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static void createGroup(String token, String slug, String name) throws Exception {
        String body = "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"description\":\"Eine Gruppe zum Messen.\","
                + "\"actionFields\":[\"energie-klimaschutz\",\"mobilitaet\"],\"regions\":[\"leipzig\",\"halle\"],"
                + "\"visibility\":\"PUBLIC\",\"joinPolicy\":\"OPEN\",\"moderators\":[]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/groups"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("group creation failed: " + r.statusCode() + " " + r.body());
        }
    }

    /** Registers, confirms, logs in and joins the group through the pages; returns the session cookie. */
    private String userSession(int i) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        String email = "user" + i + "@bench.test";
        post(http, "/account/register.xhtml", "registerForm", Map.of("registerForm:displayName", "Person " + i,
                "registerForm:email", email, "registerForm:password", PASSWORD, "registerForm:register", ""));
        String confirm = confirmationLink(email);
        http.send(HttpRequest.newBuilder(URI.create(confirm)).build(), HttpResponse.BodyHandlers.discarding());
        post(http, "/account/login.xhtml", "loginForm", Map.of("loginForm:email", email, "loginForm:password", PASSWORD,
                "loginForm:login", ""));
        String page = post(http, "/groups/group.xhtml?slug=bench", "membershipForm", Map.of("membershipForm:join", "", "slug", "bench"));
        if (!page.contains("id=\"myRole\"")) {
            throw new IllegalStateException("user " + i + " did not join");
        }
        for (int k = 0; k < 5; k++) {
            http.send(HttpRequest.newBuilder(URI.create(BASE + "/groups/group.xhtml?slug=bench")).build(), HttpResponse.BodyHandlers.discarding());
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> "JSESSIONID=" + c.getValue()).findFirst().orElseThrow();
    }

    private String confirmationLink(String email) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        Pattern link = Pattern.compile("(http://localhost:8080/account/confirm\\.xhtml\\?token=[A-Za-z0-9_%-]+)");
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : mail.getReceivedMessagesForDomain(email)) {
                Matcher matcher = link.matcher(BenchApi.text(m));
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no confirmation mail for " + email);
    }

    /** Loads a page, then submits one of its forms as a browser would (with the page's view state). */
    static String post(HttpClient http, String path, String form, Map<String, String> fields) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(BASE + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher state = VIEW_STATE.matcher(page.substring(Math.max(0, page.indexOf("id=\"" + form + "\""))));
        if (!state.find()) {
            throw new IllegalStateException("no form " + form + " on " + path);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put(form, form);
        all.put("jakarta.faces.ViewState", state.group(1));
        Matcher nonce = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(page);
        if (nonce.find()) {
            // What PrimeFaces' script puts into every form: a form without it is refused as a stale one.
            all.put("primefaces.nonce", nonce.group(1));
        }
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String action = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return http.send(HttpRequest.newBuilder(URI.create(BASE + action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void loadTest(List<String> cookies) throws Exception {
        Path script = work.resolve("sessions.lua");
        Files.writeString(script, """
                local cookies = { %s }
                local turn = 0
                -- Each request comes from the next of the 20 logged-in users (their own session cookies), so two
                -- wrk threads drive 20 connections without taking the server's two cores for themselves.
                function request()
                  turn = turn %% #cookies + 1
                  wrk.headers["Cookie"] = cookies[turn]
                  return wrk.format("GET")
                end
                function done(summary, latency, requests)
                  io.write(string.format("RESULT p50=%%.2f p95=%%.2f p99=%%.2f rps=%%.1f errors=%%d\\n",
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    summary.requests / (summary.duration / 1e6),
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
                end
                """.formatted(cookies.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "))));
        String url = BASE + "/groups/group.xhtml?slug=bench";
        exec("wrk", "-t2", "-c" + USERS, "-d10s", "-s", script.toString(), url);
        String out = exec("wrk", "-t2", "-c" + USERS, "-d30s", "-s", script.toString(), url);
        Matcher m = Pattern.compile("RESULT p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) rps=([\\d.]+) errors=(\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        figures.put("Group page p50, 20 connections of 20 logged-in users (wrk -t2, 30 s after 10 s warm-up)", m.group(1) + " ms");
        figures.put("Group page p95", m.group(2) + " ms");
        figures.put("Group page p99", m.group(3) + " ms");
        figures.put("Group page throughput", m.group(4) + " requests/s");
        figures.put("Non-2xx or socket errors", m.group(5));
    }

    static String exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String mb(long bytes) {
        return String.format("%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
