package de.zusammenwachsen.workspace.bench;

import de.zusammenwachsen.workspace.bench.BenchApi.Answer;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static de.zusammenwachsen.workspace.bench.BenchApi.expect;
import static de.zusammenwachsen.workspace.bench.BenchApi.parallel;

/**
 * The discussions phase of the benchmark (issue 4), everything through the REST API and the pages as people use them:
 * <ol>
 *     <li><b>thread page</b>: a group with 20 members (accounts through the administrator's invitations), one thread
 *     of 200 posts of German Markdown built from paragraphs of {@code corpus/gesetze/} (lists, links, tables,
 *     quotes, mentions), then {@code /groups/thread.xhtml?…&size=200} with wrk by the 20 members logged in through
 *     the login page (each connection turn with another member's session): p50/p95/p99, requests/s, errors, page
 *     size;</li>
 *     <li><b>posting rate</b>: 1 and then 4 clients replying to a thread of their own through
 *     {@code POST /api/v1/threads/{id}/posts} for 20 s each: posts/s, latency, and whether the thread holds exactly
 *     the posts answered with 201 (none lost, none twice);</li>
 *     <li><b>digest</b>: 1,000 accounts (the fastest legal way: the administrator invites each address into the
 *     first group, the benchmark reads the invitation mail from its SMTP server and accepts it with
 *     {@code POST /api/v1/invitations/accept-new}, which hashes the password with PBKDF2 as every registration does;
 *     timed on its own) who join 20 open groups, choose the daily digest and follow every group; one author starts a
 *     thread in each group and replies twice, members follow 0–20 of those threads, so that everybody has 20–60
 *     notifications waiting; then {@code POST /api/v1/admin/digests}: the server's own millis, wall time, mails,
 *     heap before and after, and the time until the last digest has reached the SMTP server.</li>
 * </ol>
 * No data is seeded behind the server's back. Prints figures only; nothing here fails on timing.
 */
final class DiscussionsBenchmark {

    private static final String API = Benchmark.BASE + "/api/v1";
    private static final String PASSWORD = "Diskutieren im Mitteldeutschen Revier";
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 10);
    /**
     * After the warm-up, more rounds of load of this many seconds follow while the server's JIT compiler still
     * spends more than {@link #JIT_SETTLED} of a round compiling, up to {@code -Dbench.settleMax} seconds (default
     * 900; 0 measures right after the warm-up): on 2 cores the compiler took a whole core under this load for
     * minutes, and a measurement then shows the compiler more than the page.
     */
    private static final int SETTLE_ROUND_SECONDS = 30;
    private static final int SETTLE_MAX_SECONDS = Integer.getInteger("bench.settleMax", 900);
    private static final double JIT_SETTLED = 0.05;
    private static final Pattern JSTAT_COMPILER = Pattern.compile("(?m)^\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.,]+)");
    private static final String FORUM = "bench-forum";
    private static final int MEMBERS = 20;
    private static final int THREAD_POSTS = 200;
    private static final Duration POSTING = Duration.ofSeconds(20);
    private static final int DIGEST_USERS = 1000;
    private static final int DIGEST_GROUPS = 20;
    private static final int DIGEST_REPLIES = 2;
    private static final String DIGEST_DOMAIN = "digest.bench.test";
    private static final Pattern INVITATION_LINK = Pattern.compile("invitation\\.xhtml\\?token=([A-Za-z0-9_%.~-]+)");
    private static final Pattern POST_ID = Pattern.compile("<article[^>]*\\sid=\"post-\\d+\"");
    private static final Pattern WRK_RESULT = Pattern.compile(
            "RESULT p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) rps=([\\d.]+) errors=(\\d+) requests=(\\d+)");

    private static final List<String> FORUM_NAMES = List.of("Katrin Böhme", "Jens Mahler", "Ulrike Sander",
            "Thomas Kühn", "Sabine Richter", "Matthias Ebert", "Anja Pfeiffer", "Stefan Hoffmann", "Claudia Lehmann",
            "Frank Schubert", "Heike Vogel", "Uwe Krause", "Petra Seidel", "Michael Franke", "Doreen Haase",
            "Andreas Winkler", "Manuela Arnold", "René Schreiber", "Susanne Fiedler", "Rico Pohl");
    private static final List<String> FIRST_NAMES = List.of("Anna", "Bernd", "Carola", "Dirk", "Elke", "Falk", "Gabi",
            "Holger", "Ines", "Jörg", "Karin", "Lars", "Monika", "Nils", "Olaf", "Paula", "Ralf", "Silke", "Torsten",
            "Ute", "Volker", "Wiebke", "Yvonne", "Zoe", "Axel", "Birgit", "Conny", "Detlef", "Evelyn", "Fritz", "Grit",
            "Hannes", "Ilka", "Jana", "Kai", "Luise", "Mario", "Nadine", "Ole", "Peggy");
    private static final List<String> LAST_NAMES = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber",
            "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
            "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange");

    /** An account the benchmark made: id, address, name and a personal access token. */
    record Member(long id, String email, String name, String token) {
    }



    private final Path work;
    private final long serverPid;
    private final String adminToken;
    private final GreenMail mail;
    private final Map<String, String> figures;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Prose prose;
    private final long began = System.nanoTime();

    DiscussionsBenchmark(Path work, long serverPid, String adminToken, GreenMail mail, Map<String, String> figures) {
        this.work = work;
        this.serverPid = serverPid;
        this.adminToken = adminToken;
        this.mail = mail;
        this.figures = figures;
    }

    /**
     * Runs the parts named in {@code parts} ({@code page}, {@code posting}, {@code digest}); the phase
     * {@code discussions} runs all three, {@code discussions.page} and so on one of them.
     */
    void run(Set<String> parts) throws Exception {
        Path gesetze = de.zusammenwachsen.workspace.e2e.Corpus.root().resolve("gesetze");
        if (!Files.isDirectory(gesetze)) {
            figures.put("Discussions: corpus not found", gesetze.toString());
            return;
        }
        prose = Prose.load(gesetze, 120);
        List<Member> members = null;
        long threadId = 0;
        if (parts.contains("page") || parts.contains("posting")) {
            try {
                members = forum();
                threadId = longThread(members);
            } catch (Exception e) {
                e.printStackTrace();
                figures.put("Discussions: setting up the thread of " + THREAD_POSTS + " posts broke off", String.valueOf(e));
            }
        }
        if (threadId != 0 && parts.contains("page")) {
            try {
                threadPage(members, threadId);
            } catch (Exception e) {
                e.printStackTrace();
                figures.put("Discussions: thread page part broke off", String.valueOf(e));
            }
        }
        if (members != null && parts.contains("posting")) {
            try {
                postingRate(members);
            } catch (Exception e) {
                e.printStackTrace();
                figures.put("Discussions: posting part broke off", String.valueOf(e));
            }
        }
        if (parts.contains("digest")) {
            digest();
        }
    }

    // ---- 1. the thread page with 200 posts ----

    /** The forum group and its members, who chose no mail (the thread's setup would mail every follower about every reply). */
    private List<Member> forum() throws Exception {
        Benchmark.createGroup(adminToken, FORUM, "Benchmark Forum");
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            emails.add(String.format(Locale.ROOT, "forum%02d@forum.bench.test", i));
        }
        List<Member> members = accounts(FORUM, emails, FORUM_NAMES, 4);
        parallel(4, members.size(), i -> expect(call("PUT", "/me/mail-settings", members.get(i).token(),
                mailSettings("OFF")), 204));
        return members;
    }

    /** One thread of 200 posts by all members, one after another; answers its id. */
    private long longThread(List<Member> members) throws Exception {
        long start = System.nanoTime();
        Answer created = expect(call("POST", "/groups/" + FORUM + "/threads", members.get(0).token(), Json.createObjectBuilder()
                .add("title", "Stellungnahme zum Strukturwandel: wer schreibt welchen Abschnitt?")
                .add("body", prose.opening(FORUM_NAMES)).add("clientKey", UUID.randomUUID().toString()).build()), 201);
        long threadId = created.json().getJsonNumber("threadId").longValue();
        List<Long> postIds = new ArrayList<>();
        postIds.add(created.json().getJsonNumber("postId").longValue());
        for (int k = 1; k < THREAD_POSTS; k++) {
            JsonObjectBuilder reply = Json.createObjectBuilder().add("body", prose.post(k, FORUM_NAMES))
                    .add("clientKey", UUID.randomUUID().toString());
            if (k % 9 == 4) {
                reply.add("quotedPostId", postIds.get(k - 1));
            }
            Answer r = expect(call("POST", "/threads/" + threadId + "/posts", members.get(k % MEMBERS).token(), reply.build()), 201);
            postIds.add(r.json().getJsonNumber("postId").longValue());
        }
        figures.put("Discussions: thread of " + THREAD_POSTS + " posts by " + MEMBERS + " members written (setup, 1 client)",
                String.format(Locale.ROOT, "%.1f s (%,d characters of Markdown)", seconds(start), prose.written));
        progress("thread of " + THREAD_POSTS + " posts written");
        return threadId;
    }

    /** The thread page with all 200 posts, loaded by the 20 members at once through their sessions. */
    private void threadPage(List<Member> members, long threadId) throws Exception {

        List<String> cookies = new ArrayList<>(Collections.nCopies(MEMBERS, (String) null));
        parallel(4, MEMBERS, i -> cookies.set(i, login(members.get(i).email())));

        String url = Benchmark.BASE + "/groups/thread.xhtml?slug=" + FORUM + "&id=" + threadId + "&size=" + THREAD_POSTS;
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies.get(0)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String html = new String(page.body(), StandardCharsets.UTF_8);
        long shown = POST_ID.matcher(html).results().count();
        figures.put("Thread page: posts shown with size=" + THREAD_POSTS, page.statusCode() != 200 ? "HTTP " + page.statusCode()
                : shown + (shown == THREAD_POSTS ? "" : " (the page does not show all " + THREAD_POSTS + ": size not taken up to "
                + THREAD_POSTS + ")"));
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies.get(0))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean gzip = zipped.headers().firstValue("Content-Encoding").map(e -> e.contains("gzip")).orElse(false);
        figures.put("Thread page size (HTML)", String.format(Locale.ROOT, "%.0f KB; %s", page.body().length / 1024.0,
                gzip ? String.format(Locale.ROOT, "%.0f KB sent gzip-compressed", zipped.body().length / 1024.0)
                        : String.format(Locale.ROOT, "sent uncompressed (gzip would make it %.0f KB)", gzipped(page.body()) / 1024.0)));
        if (page.statusCode() != 200) {
            throw new IllegalStateException("thread page: " + page.statusCode());
        }
        for (int i = 1; i < MEMBERS; i++) {
            HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies.get(i)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (own.statusCode() != 200 || POST_ID.matcher(own.body()).results().count() != shown) {
                throw new IllegalStateException("member " + i + " does not see the thread as member 0 does: " + own.statusCode());
            }
        }

        Files.write(work.resolve("thread-page.html"), page.body());
        progress("members logged in, thread page loads; wrk starts");
        Matcher alone = wrk(cookies.subList(0, 1), url, "thread-alone", 1, 10);
        figures.put("Thread page (" + shown + " posts), one member alone (wrk -t1 -c1, 10 s after the warm-up above) p50 / p95 / throughput",
                alone.group(1) + " / " + alone.group(2) + " ms / " + alone.group(4) + " requests/s");
        Matcher m = wrk(cookies, url, "thread", 2, 30);
        figures.put("Thread page (" + shown + " posts) p50, 20 connections of 20 logged-in members (wrk -t2, 30 s after the warm-up above)",
                m.group(1) + " ms");
        figures.put("Thread page p95", m.group(2) + " ms (target <= 150 ms)");
        figures.put("Thread page p99", m.group(3) + " ms");
        figures.put("Thread page throughput", m.group(4) + " requests/s (" + m.group(6) + " requests)");
        figures.put("Thread page non-2xx or socket errors", m.group(5));
    }

    /** Logs in through the login page as a browser would; returns the session cookie. */
    private static String login(String email) throws Exception {
        return BenchApi.login(email, PASSWORD);
    }

    /** wrk with two threads and one connection per member, each request with the next member's session. */
    private Matcher wrk(List<String> cookies, String url, String name, int threads, int seconds) throws Exception {
        Path script = work.resolve(name + "-sessions.lua");
        Files.writeString(script, """
                local cookies = { %s }
                local turn = 0
                function request()
                  turn = turn %% #cookies + 1
                  wrk.headers["Cookie"] = cookies[turn]
                  return wrk.format("GET")
                end
                function done(summary, latency, requests)
                  io.write(string.format("RESULT p50=%%.2f p95=%%.2f p99=%%.2f rps=%%.1f errors=%%d requests=%%d\\n",
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    summary.requests / (summary.duration / 1e6),
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
                    summary.requests))
                end
                """.formatted(cookies.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "))));
        // Warm-up (-Dbench.warmup, seconds, default 10): on a slow machine the JIT compiler needs minutes of load
        // before a request's CPU time settles (33-50 ms in the first minute, 19-28 ms after five on 6 December).
        Benchmark.exec("wrk", "-t" + threads, "-c" + cookies.size(), "-d" + WARMUP_SECONDS + "s", "--timeout", "10s", "-s",
                script.toString(), url);
        int settled = 0;
        double compiling = jitSeconds();
        double share = Double.NaN;
        while (settled < SETTLE_MAX_SECONDS) {
            Benchmark.exec("wrk", "-t" + threads, "-c" + cookies.size(), "-d" + SETTLE_ROUND_SECONDS + "s", "--timeout", "10s",
                    "-s", script.toString(), url);
            settled += SETTLE_ROUND_SECONDS;
            double now = jitSeconds();
            share = (now - compiling) / SETTLE_ROUND_SECONDS;
            compiling = now;
            progress(String.format(Locale.ROOT, "%s: %d s more load, the JIT compiled %.0f%% of the last %d s", name, settled,
                    share * 100, SETTLE_ROUND_SECONDS));
            if (share <= JIT_SETTLED || Double.isNaN(share)) {
                break;
            }
        }
        String out = Benchmark.exec("wrk", "-t" + threads, "-c" + cookies.size(), "-d" + seconds + "s", "--timeout", "10s", "-s",
                script.toString(), url);
        double during = (jitSeconds() - compiling) / seconds;
        figures.put("Thread page warm-up (" + name + ")", String.format(Locale.ROOT,
                "%d s + %d s until the JIT compiled <= %.0f%% of a %d s round (last round %.0f%%, during the measurement %.0f%%)",
                WARMUP_SECONDS, settled, JIT_SETTLED * 100, SETTLE_ROUND_SECONDS, share * 100, during * 100));
        Matcher m = WRK_RESULT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        return m;
    }

    /** Seconds the server's JIT compilers have spent so far ({@code jstat -compiler}, column Time); NaN if unknown. */
    private double jitSeconds() throws Exception {
        Matcher m = JSTAT_COMPILER.matcher(Benchmark.exec("jstat", "-compiler", String.valueOf(serverPid)));
        return m.find() ? Double.parseDouble(m.group(4).replace(',', '.')) : Double.NaN;
    }

    // ---- 2. posting rate ----

    private void postingRate(List<Member> members) throws Exception {
        // The posters and the starter want every reply at once: notifications and instant mails are part of a post.
        parallel(4, 5, i -> expect(call("PUT", "/me/mail-settings", members.get(i).token(), mailSettings("INSTANT")), 204));
        int before = quietMailCount(Duration.ofMinutes(5));
        long start = System.nanoTime();
        for (int clients : new int[]{1, 4}) {
            postingRate(members, clients);
        }
        long end = System.nanoTime();
        // quietMailCount answers 5 s after the last mail arrived.
        int after = quietMailCount(Duration.ofMinutes(20));
        figures.put("Posting: instant mails to the threads' followers (outbox to the benchmark's SMTP server)", String.format(
                Locale.ROOT, "%,d mails; the last arrived %.0f s after the last post (%.1f mails/s since the first post)",
                after - before, seconds(end) - 5, (after - before) / Math.max(1, seconds(start) - 5)));
    }

    private void postingRate(List<Member> members, int clients) throws Exception {
        Answer created = expect(call("POST", "/groups/" + FORUM + "/threads", members.get(0).token(), Json.createObjectBuilder()
                .add("title", "Schreibtempo mit " + clients + (clients == 1 ? " Client" : " Clients"))
                .add("body", "Hier wird gezählt, wie schnell Antworten eingehen.")
                .add("clientKey", UUID.randomUUID().toString()).build()), 201);
        long threadId = created.json().getJsonNumber("threadId").longValue();
        progress("posting with " + clients + " client(s)");
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new LinkedHashMap<>());
        Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>());
        long start = System.nanoTime();
        long deadline = start + POSTING.toNanos();
        long[] ends = new long[clients];
        parallel(clients, clients, c -> {
            Member poster = members.get(1 + c);
            for (int n = 0; System.nanoTime() < deadline; n++) {
                String marker = "Beitrag " + c + "-" + n;
                long t = System.nanoTime();
                Answer r = call("POST", "/threads/" + threadId + "/posts", poster.token(), Json.createObjectBuilder()
                        .add("body", marker + ": " + prose.paragraph(c * 1000 + n))
                        .add("clientKey", UUID.randomUUID().toString()).build());
                latencies.add(System.nanoTime() - t);
                statuses.merge(r.status(), 1, Integer::sum);
                if (r.status() == 201) {
                    acknowledged.add(marker);
                }
            }
            ends[c] = System.nanoTime();
            return null;
        });
        long end = 0;
        for (long e : ends) {
            end = Math.max(end, e);
        }
        double wall = (end - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        String label = "Posting: " + clients + (clients == 1 ? " client" : " clients at once") + " replying for "
                + POSTING.toSeconds() + " s";
        figures.put(label, String.format(Locale.ROOT, "%.1f posts/s (%d answered 201 in %.1f s)", acknowledged.size() / wall,
                acknowledged.size(), wall));
        figures.put("  " + clients + " client(s): latency per post p50 / p95 / max", String.format(Locale.ROOT,
                "%.0f / %.0f / %.0f ms", percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 100)));
        if (statuses.keySet().stream().anyMatch(s -> s != 201)) {
            figures.put("  " + clients + " client(s): answers by status", statuses.toString());
        }

        // What the thread holds: the opening post and exactly one post per 201.
        List<String> found = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        long total = -1;
        for (int first = 0; total < 0 || first < total; first += 100) {
            JsonObject thread = expect(call("GET", "/threads/" + threadId + "?first=" + first + "&size=100", members.get(0).token(),
                    null), 200).json();
            JsonObject posts = thread.getJsonObject("posts");
            total = posts.getJsonNumber("total").longValue();
            for (JsonValue v : posts.getJsonArray("items")) {
                JsonObject p = v.asJsonObject();
                numbers.add(p.getInt("number"));
                Matcher marker = Pattern.compile("Beitrag \\d+-\\d+").matcher(p.isNull("html") ? "" : p.getString("html"));
                if (marker.find()) {
                    found.add(marker.group());
                }
            }
            if (posts.getJsonArray("items").isEmpty()) {
                break;
            }
        }
        Set<String> distinct = new HashSet<>(found);
        boolean exact = total == acknowledged.size() + 1 && found.size() == distinct.size() && distinct.equals(acknowledged)
                && numbers.size() == total;
        figures.put("  " + clients + " client(s): posts in the thread vs 201 answers", String.format(Locale.ROOT,
                "%d replies stored, %d answered 201, %d duplicates, %d lost: %s", total - 1, acknowledged.size(),
                found.size() - distinct.size(), acknowledged.stream().filter(a -> !distinct.contains(a)).count(),
                exact ? "exact" : "MISMATCH"));
    }

    // ---- 3. the daily digest for 1,000 members of 20 groups ----

    private void digest() throws Exception {
        List<String> slugs = new ArrayList<>();
        for (int g = 0; g < DIGEST_GROUPS; g++) {
            String slug = String.format(Locale.ROOT, "digest-%02d", g + 1);
            Benchmark.createGroup(adminToken, slug, String.format(Locale.ROOT, "Benchmark Übersicht %02d", g + 1));
            slugs.add(slug);
        }
        List<String> emails = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < DIGEST_USERS; i++) {
            emails.add(String.format(Locale.ROOT, "leser%04d@%s", i, DIGEST_DOMAIN));
            names.add(FIRST_NAMES.get(i % FIRST_NAMES.size()) + " " + LAST_NAMES.get(i / FIRST_NAMES.size() % LAST_NAMES.size()));
        }
        long start = System.nanoTime();
        List<Member> readers;
        try {
            readers = accounts(slugs.get(0), emails, names, 4);
        } catch (Exception e) {
            figures.put("Digest: account creation broke off after", String.format(Locale.ROOT, "%.0f s", seconds(start)));
            throw e;
        }
        double accountSeconds = seconds(start);
        progress(DIGEST_USERS + " accounts made; joining, mail choice, following");
        figures.put("Digest: " + DIGEST_USERS + " accounts through invitations (invite, mail, accept-new with PBKDF2; 4 clients)",
                String.format(Locale.ROOT, "%.1f s (%.1f accounts/s)", accountSeconds, DIGEST_USERS / accountSeconds));

        start = System.nanoTime();
        parallel(4, readers.size(), i -> {
            String token = readers.get(i).token();
            if (i % 100 == 99) {
                progress((i + 1) + " members joining");
            }
            for (String slug : slugs.subList(1, slugs.size())) {
                expect(call("POST", "/groups/" + slug + "/members", token, null), 201);
            }
            expect(call("PUT", "/me/mail-settings", token, mailSettings("DAILY")), 204);
            for (String slug : slugs) {
                expect(call("PUT", "/groups/" + slug + "/following", token, null), 204);
            }
            return null;
        });
        int setupCalls = DIGEST_USERS * (DIGEST_GROUPS - 1 + 1 + DIGEST_GROUPS);
        figures.put("  joining the other " + (DIGEST_GROUPS - 1) + " groups, choosing DAILY, following " + DIGEST_GROUPS
                + " groups (4 clients)", String.format(Locale.ROOT, "%.1f s (%,d requests, %.0f/s)", seconds(start), setupCalls,
                setupCalls / seconds(start)));

        progress("starting threads");
        // One author (the administrator, who created and so moderates every group) starts a thread in each group.
        List<Long> startMillis = new ArrayList<>();
        List<Long> threadIds = new ArrayList<>();
        for (int g = 0; g < DIGEST_GROUPS; g++) {
            long t = System.nanoTime();
            Answer created = expect(call("POST", "/groups/" + slugs.get(g) + "/threads", adminToken, Json.createObjectBuilder()
                    .add("title", "Protokoll und Termine, Runde " + (g + 1)).add("body", prose.post(g, FORUM_NAMES))
                    .add("clientKey", UUID.randomUUID().toString()).build()), 201);
            startMillis.add((System.nanoTime() - t) / 1_000_000);
            threadIds.add(created.json().getJsonNumber("threadId").longValue());
        }
        Collections.sort(startMillis);
        figures.put("  starting a thread that notifies " + DIGEST_USERS + " group followers, p50 / max", startMillis.get(
                startMillis.size() / 2) + " / " + startMillis.get(startMillis.size() - 1) + " ms");

        // Member i follows the threads of the first i mod 21 groups: 0 to 20 threads, so 20 to 60 notifications.
        start = System.nanoTime();
        int[] follows = new int[1];
        parallel(4, readers.size(), i -> {
            for (int g = 0; g < i % (DIGEST_GROUPS + 1); g++) {
                expect(call("PUT", "/threads/" + threadIds.get(g) + "/following", readers.get(i).token(), null), 204);
                synchronized (follows) {
                    follows[0]++;
                }
            }
            return null;
        });
        figures.put("  following threads (4 clients)", String.format(Locale.ROOT, "%,d follows in %.1f s", follows[0], seconds(start)));
        List<Long> replyMillis = new ArrayList<>();
        for (int r = 0; r < DIGEST_REPLIES; r++) {
            for (int g = 0; g < DIGEST_GROUPS; g++) {
                long t = System.nanoTime();
                expect(call("POST", "/threads/" + threadIds.get(g) + "/posts", adminToken, Json.createObjectBuilder()
                        .add("body", prose.post(100 + r * DIGEST_GROUPS + g, FORUM_NAMES))
                        .add("clientKey", UUID.randomUUID().toString()).build()), 201);
                replyMillis.add((System.nanoTime() - t) / 1_000_000);
            }
        }
        Collections.sort(replyMillis);
        figures.put("  replies notifying up to " + (DIGEST_USERS * DIGEST_GROUPS / (DIGEST_GROUPS + 1)) + " thread followers, p50 / max",
                replyMillis.get(replyMillis.size() / 2) + " / " + replyMillis.get(replyMillis.size() - 1) + " ms");
        long waiting = 0;
        for (int i = 0; i < DIGEST_USERS; i++) {
            waiting += expected(i);
        }
        figures.put("  notifications waiting for the digest", String.format(Locale.ROOT, "%,d (%d to %d per member)", waiting,
                expected(0), expected(DIGEST_GROUPS)));
        StringBuilder sample = new StringBuilder();
        for (int i : new int[]{0, 7, 20, 531, DIGEST_USERS - 1}) {
            long unread = expect(call("GET", "/notifications/unread-count", readers.get(i).token(), null), 200).json()
                    .getJsonNumber("count").longValue();
            sample.append(sample.isEmpty() ? "" : ", ").append(unread).append(unread == expected(i) ? "" : " (expected " + expected(i) + ")");
        }
        figures.put("  unread notifications of 5 members (GET /notifications/unread-count)", sample.toString());

        progress("notifications waiting; digest run follows");
        // Quiet outbox: only the digests may arrive from now on.
        int before = quietMailCount(Duration.ofMinutes(5));
        long heapBefore = Benchmark.heapUsed(serverPid);
        figures.put("Digest: server heap used before the run (after full GC)", mb(heapBefore));
        Sampler.Peak peak;
        long runStart;
        Answer run;
        double wall;
        try (Sampler sampler = Sampler.start(serverPid, work.resolve("digest-samples.csv"))) {
            Thread.sleep(2500);
            long window = System.currentTimeMillis();
            runStart = System.nanoTime();
            run = call("POST", "/admin/digests", adminToken, null);
            wall = seconds(runStart);
            Thread.sleep(2500);
            peak = sampler.peak(window, System.currentTimeMillis());
        }
        if (run.status() != 200) {
            figures.put("Digest run refused", run.toString());
            return;
        }
        JsonObject result = run.json();
        int mails = result.getInt("mails");
        figures.put("Digest run for " + DIGEST_USERS + " members x " + DIGEST_GROUPS + " groups (POST /api/v1/admin/digests)",
                String.format(Locale.ROOT, "%,d ms by the server's clock, %.1f s wall (target <= 60 s)",
                        result.getJsonNumber("millis").longValue(), wall));
        figures.put("  recipients / mails queued", result.getInt("recipients") + " / " + mails + " (expected " + DIGEST_USERS + ")");
        figures.put("  server heap used during the run, max (jstat every 2 s, garbage included)", kb(peak.heapUsedKb())
                + " (committed up to " + kb(peak.heapCommittedKb()) + ")");
        progress("digest run answered after " + Math.round(wall) + " s; waiting for the outbox");
        double drained = waitForMails(before + mails, Duration.ofMinutes(15), runStart);
        figures.put("  outbox drained to the SMTP server (from the POST until the last digest arrived)", drained < 0
                ? "not within 15 min: " + (mail.getReceivedMessages().length - before) + " of " + mails
                : String.format(Locale.ROOT, "%.1f s (%.1f mails/s)", drained, mails / drained));
        long heapAfter = Benchmark.heapUsed(serverPid);
        figures.put("  server heap used after the run (after full GC)", mb(heapAfter));
        figures.put("  digest mails received", digestMails());
        Answer again = expect(call("POST", "/admin/digests", adminToken, null), 200);
        figures.put("  a second run right after", again.json().getInt("mails") + " mails");
    }

    /** Notifications member i of the digest part waits for: one new thread per group, two replies per followed thread. */
    private static int expected(int i) {
        return DIGEST_GROUPS + DIGEST_REPLIES * (i % (DIGEST_GROUPS + 1));
    }

    /**
     * The digest mails the SMTP server holds: how many, to how many members, and how many Message-IDs came twice
     * (GreenMail lists mails by mailbox, not by arrival, so they are told apart by subject, not by position).
     */
    private String digestMails() throws MessagingException {
        Set<String> recipients = new HashSet<>();
        Set<String> ids = new HashSet<>();
        int digests = 0;
        int twice = 0;
        for (MimeMessage m : mail.getReceivedMessages()) {
            String subject = m.getSubject();
            if (subject != null && (subject.startsWith("Ihre Übersicht") || subject.startsWith("Your summary"))) {
                digests++;
                Address[] to = m.getAllRecipients();
                recipients.add(to == null || to.length == 0 ? "" : to[0].toString().toLowerCase(Locale.ROOT));
                if (!ids.add(String.valueOf(m.getMessageID()))) {
                    twice++;
                }
            }
        }
        return String.format(Locale.ROOT, "%d, to %d different members, %d sent twice", digests, recipients.size(), twice);
    }

    /** The number of received mails once it has not changed for five seconds. */
    private int quietMailCount(Duration limit) throws InterruptedException {
        int count = mail.getReceivedMessages().length;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - stableSince < Duration.ofSeconds(5).toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            int now = mail.getReceivedMessages().length;
            if (now != count) {
                count = now;
                stableSince = System.nanoTime();
            }
        }
        return count;
    }

    /** Seconds from {@code since} until the SMTP server holds {@code count} mails, or -1. */
    private double waitForMails(int count, Duration limit, long since) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (mail.getReceivedMessages().length >= count) {
                return seconds(since);
            }
            Thread.sleep(50);
        }
        return -1;
    }

    // ---- accounts ----

    /**
     * Accounts through the only way the API has: the administrator invites each address into {@code slug}, the
     * invitation mail arrives at the benchmark's SMTP server, and the link's secret is accepted as a new account with
     * a personal access token. The accounts are members of {@code slug}.
     */
    private List<Member> accounts(String slug, List<String> emails, List<String> names, int clients) throws Exception {
        parallel(clients, emails.size(), i -> expect(call("POST", "/groups/" + slug + "/invitations", adminToken,
                Json.createObjectBuilder().add("email", emails.get(i)).build()), 201));
        progress(emails.size() + " invited into " + slug);
        Map<String, String> secrets = invitationSecrets(emails, Duration.ofMinutes(10));
        progress(emails.size() + " invitation mails read");
        return parallel(clients, emails.size(), i -> {
            if (i % 100 == 99) {
                progress((i + 1) + " invitations accepting");
            }
            JsonObject registered = expect(call("POST", "/invitations/accept-new", null, Json.createObjectBuilder()
                    .add("token", secrets.get(emails.get(i))).add("displayName", names.get(i)).add("password", PASSWORD)
                    .add("language", "de").add("tokenName", "Benchmark").build()), 201).json();
            return new Member(registered.getJsonNumber("accountId").longValue(), emails.get(i), names.get(i),
                    registered.getString("token"));
        });
    }

    /**
     * The secret of the invitation mailed to each address, waiting until there is one for every address. GreenMail
     * lists mails by mailbox, not by arrival: each poll looks at all of them, reading only those not seen before.
     */
    private Map<String, String> invitationSecrets(List<String> emails, Duration limit) throws Exception {
        Set<String> wanted = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, String> secrets = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + limit.toNanos();
        while (secrets.size() < wanted.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("invitation mails: " + secrets.size() + " of " + wanted.size() + " after "
                        + limit.toSeconds() + " s");
            }
            for (MimeMessage m : mail.getReceivedMessages()) {
                if (!seen.add(m.getMessageID())) {
                    continue;
                }
                Address[] to = m.getAllRecipients();
                String address = to == null || to.length == 0 ? "" : to[0].toString().toLowerCase(Locale.ROOT);
                if (wanted.contains(address)) {
                    Matcher link = INVITATION_LINK.matcher(text(m));
                    if (link.find()) {
                        secrets.put(address, URLDecoder.decode(link.group(1), StandardCharsets.UTF_8));
                    }
                }
            }
            Thread.sleep(200);
        }
        Map<String, String> byEmail = new HashMap<>();
        emails.forEach(e -> byEmail.put(e, secrets.get(e.toLowerCase(Locale.ROOT))));
        return byEmail;
    }

    private static String text(Part part) throws IOException, MessagingException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    private static JsonObject mailSettings(String mode) {
        return Json.createObjectBuilder().add("defaultMode", mode).add("groups", Json.createObjectBuilder()).build();
    }

    private void progress(String what) {
        System.out.printf(Locale.ROOT, "[discussions %5.0f s] %s%n", seconds(began), what);
    }

    // ---- HTTP ----

    private Answer call(String method, String path, String token, JsonObject body) throws Exception {
        return BenchApi.call(http, Duration.ofMinutes(10), method, path, token, body);
    }



    private static long gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }

    private static double percentile(List<Long> sortedNanos, int p) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(i, sortedNanos.size() - 1))) / 1e6;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String kb(long kb) {
        return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    /**
     * German prose for posts: paragraphs of laws from the corpus (a sample of files spread over the whole folder),
     * dressed as forum posts: a sentence to open, one or two paragraphs, and now and then a list, a link to the law,
     * a table, a quote, bold text, code or a mention.
     */
    static final class Prose {

        private static final List<String> OPENERS = List.of("Ich habe nachgelesen, hier der entscheidende Absatz:",
                "Danke für den Hinweis! Im Gesetz steht dazu:", "Zur Einordnung für alle, die beim letzten Treffen nicht da waren:",
                "Kurz zusammengefasst, was ich gefunden habe:", "Bevor wir das in die Stellungnahme schreiben, bitte einmal prüfen:",
                "Das sehe ich etwas anders. Maßgeblich ist doch:", "Für den Abschnitt zur Förderung schlage ich vor:",
                "Aus der Sitzung in Borna mitgebracht:");
        private static final List<String> CLOSERS = List.of("Was meint ihr?", "Ich trage das bis Freitag ins Dokument ein.",
                "Können wir das beim nächsten Treffen besprechen?", "Einwände bitte bis Ende der Woche.",
                "Viele Grüße aus Zeitz", "Bin gespannt auf eure Rückmeldungen.");

        /** Paragraphs that are sentences (optionally numbered "(2)"), not headings, list items or tables. */
        private static final Pattern SENTENCES = Pattern.compile("(\\(\\d+[a-z]?\\)\\s+)?[A-ZÄÖÜ][^|#*_`<>\\[\\]]+[.]");

        /** A paragraph and the law it comes from. */
        record Passage(String text, String title, String slug) {
        }

        private final List<Passage> passages;
        long written;

        private Prose(List<Passage> passages) {
            this.passages = passages;
        }

        static Prose load(Path gesetze, int files) throws IOException {
            List<Path> laws;
            try (Stream<Path> list = Files.list(gesetze)) {
                laws = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            }
            List<Passage> passages = new ArrayList<>();
            int step = Math.max(1, laws.size() / files);
            for (int i = 0; i < laws.size() && passages.size() < 2000; i += step) {
                String text = Files.readString(laws.get(i));
                String title = laws.get(i).getFileName().toString().replace(".md", "");
                Matcher t = Pattern.compile("(?m)^Title:\\s*(.+)$").matcher(text);
                if (t.find()) {
                    title = t.group(1).strip();
                }
                String slug = laws.get(i).getFileName().toString().replace(".md", "");
                int body = text.indexOf("\n---", 4);
                for (String block : text.substring(body < 0 ? 0 : body + 4).split("\\n\\s*\\n")) {
                    String line = block.strip().replaceAll("\\s*\\n\\s*", " ");
                    if (line.length() >= 120 && line.length() <= 900 && SENTENCES.matcher(line).matches() && !line.contains("](")) {
                        passages.add(new Passage(line, title, slug));
                    }
                }
            }
            if (passages.size() < 50) {
                throw new IllegalStateException("too few paragraphs in " + gesetze);
            }
            return new Prose(passages);
        }

        String paragraph(int n) {
            return passages.get(Math.floorMod(n * 7919, passages.size())).text();
        }

        String opening(List<String> names) {
            Passage p = passages.get(0);
            String text = "## Worum es geht\n\nWir schreiben bis Monatsende eine gemeinsame Stellungnahme. Bitte tragt hier "
                    + "zusammen, was wir aus den Gesetzen zitieren wollen, und sagt, welchen Abschnitt ihr übernehmt.\n\n"
                    + "- Abschnitt 1: Förderung und Fristen\n- Abschnitt 2: Beteiligung vor Ort\n- Abschnitt 3: Offene Fragen\n\n"
                    + "Zum Einstieg aus dem " + p.title() + ":\n\n> " + p.text() + "\n\n@[" + names.get(1) + "], übernimmst du Abschnitt 2?";
            written += text.length();
            return text;
        }

        /** The k-th post of a thread; {@code names} are members who may be mentioned. */
        String post(int k, List<String> names) {
            Passage first = passages.get(Math.floorMod(k * 31 + 1, passages.size()));
            Passage second = passages.get(Math.floorMod(k * 17 + 5, passages.size()));
            StringBuilder b = new StringBuilder();
            b.append(OPENERS.get(k % OPENERS.size())).append("\n\n");
            int cut = first.text().indexOf(' ', 40);
            b.append(k % 11 == 6 && cut > 0 ? "**" + first.text().substring(0, cut) + "**" + first.text().substring(cut)
                    : first.text()).append("\n\n");
            if (k % 3 == 0) {
                b.append(second.text()).append("\n\n");
            }
            if (k % 5 == 1) {
                b.append("Was daraus für uns folgt:\n\n");
                String[] sentences = second.text().split("(?<=[.;:])\\s+");
                for (String sentence : sentences) {
                    if (sentence.length() >= 30) {
                        b.append("- ").append(sentence.length() > 140 ? sentence.substring(0, 140).strip() + " …" : sentence)
                                .append('\n');
                    }
                }
                b.append("- Frist im Blick behalten\n\n");
            }
            if (k % 7 == 2) {
                b.append("Volltext: [").append(first.title()).append("](https://www.gesetze-im-internet.de/")
                        .append(first.slug()).append("/)\n\n");
            }
            if (k % 40 == 5) {
                b.append("| Abschnitt | Wer | Stand |\n|---|---|---|\n| Förderung und Fristen | ")
                        .append(names.get(k % names.size())).append(" | Entwurf |\n| Beteiligung vor Ort | ")
                        .append(names.get((k + 1) % names.size())).append(" | offen |\n| Offene Fragen | ")
                        .append(names.get((k + 2) % names.size())).append(" | in Arbeit |\n\n");
            }
            if (k % 17 == 8) {
                b.append("Gemeint ist `").append("§ ").append(k % 30 + 1).append(" Abs. 2`, nicht der ganze Paragraf.\n\n");
            }
            if (k % 9 == 4) {
                b.insert(0, "> " + second.text().substring(0, Math.min(160, second.text().length())).strip() + " …\n\n");
            }
            if (k % 10 == 3) {
                b.append("@[").append(names.get((k + 3) % names.size())).append("], kannst du das gegenlesen?\n\n");
            }
            b.append(CLOSERS.get(k % CLOSERS.size()));
            String text = b.length() > 4000 ? b.substring(0, 4000) : b.toString();
            written += text.length();
            return text;
        }
    }
}
