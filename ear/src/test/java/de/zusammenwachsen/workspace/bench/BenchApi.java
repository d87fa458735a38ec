package de.zusammenwachsen.workspace.bench;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the benchmark phases share to drive the workspace: REST calls, logging in through the page, work on a pool,
 * invitation mails, and wrk.
 */
final class BenchApi {

    static final String API = Benchmark.BASE + "/api/v1";
    private static final Pattern INVITATION_LINK = Pattern.compile("invitation\\.xhtml\\?token=([A-Za-z0-9_%.~-]+)");
    /** What {@link #wrk} reads from its script's output: groups 1–6 are p50, p95, p99 (ms), requests/s, errors, requests. */
    private static final Pattern WRK_RESULT = Pattern.compile(
            "RESULT p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) rps=([\\d.]+) errors=(\\d+) requests=(\\d+)");

    private BenchApi() {
    }

    /** One HTTP answer. */
    record Answer(int status, String body) {

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** Something to do for the i-th of many, on a pool. */
    interface Task<T> {
        T run(int i) throws Exception;
    }

    /** A JSON call of the REST API, with a bearer token unless {@code token} is null. */
    static Answer call(HttpClient http, Duration timeout, String method, String path, String token, JsonObject body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + answer);
        }
        return answer;
    }

    /** Runs {@code task} for 0 … count-1 on {@code threads} threads; the results in order; the first failure is thrown. */
    static <T> List<T> parallel(int threads, int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Logs in through the login page as a browser would; returns the session cookie. */
    static String login(String email, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = Benchmark.post(browser, "/account/login.xhtml", "loginForm", Map.of("loginForm:email", email,
                "loginForm:password", password, "loginForm:login", ""));
        if (page.contains("id=\"loginForm\"")) {
            throw new IllegalStateException("login of " + email + " failed");
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> "JSESSIONID=" + c.getValue()).findFirst().orElseThrow();
    }

    /**
     * The secret of the invitation mailed to each address (as {@code …/invitation.xhtml?token=…}), by address,
     * waiting up to {@code limit} for all of them.
     */
    static Map<String, String> invitationSecrets(GreenMail mail, List<String> emails, Duration limit) throws Exception {
        Set<String> wanted = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, String> secrets = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + limit.toNanos();
        while (secrets.size() < wanted.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("invitation mails: " + secrets.size() + " of " + wanted.size());
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

    /** All text parts of a mail, wherever they sit in its multipart tree. */
    static String text(Part part) throws IOException, MessagingException {
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

    /**
     * wrk on {@code urls} (all on the same server), 10 s warm-up, then {@code seconds} measured: request n goes to
     * the n-th URL and carries the n-th of {@code values} as {@code header} (a session cookie or a bearer token),
     * both taken in turn. Answers the script's result line (see {@link #WRK_RESULT} for its groups); the script is
     * kept as {@code <name>.lua} under {@code work}.
     */
    static Matcher wrk(Path work, String name, String header, List<String> values, List<String> urls, int threads,
                       int connections, int seconds) throws Exception {
        Path script = work.resolve(name + ".lua");
        Files.writeString(script, """
                local values = { %s }
                local paths = { %s }
                local turn = 0
                function request()
                  turn = turn + 1
                  wrk.headers["%s"] = values[turn %% #values + 1]
                  return wrk.format("GET", paths[turn %% #paths + 1])
                end
                function done(summary, latency, requests)
                  io.write(string.format("RESULT p50=%%.2f p95=%%.2f p99=%%.2f rps=%%.1f errors=%%d requests=%%d\\n",
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    summary.requests / (summary.duration / 1e6),
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
                    summary.requests))
                end
                """.formatted(quoted(values), quoted(urls.stream().map(BenchApi::pathAndQuery).toList()), header));
        String url = urls.get(0);
        Benchmark.exec("wrk", "-t" + threads, "-c" + connections, "-d10s", "--timeout", "10s", "-s", script.toString(), url);
        String out = Benchmark.exec("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), url);
        Matcher m = WRK_RESULT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        return m;
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", "));
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
