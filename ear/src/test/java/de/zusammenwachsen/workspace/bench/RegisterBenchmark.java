package de.zusammenwachsen.workspace.bench;

import de.zusammenwachsen.workspace.bench.BenchApi.Answer;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import static de.zusammenwachsen.workspace.bench.BenchApi.expect;
import static de.zusammenwachsen.workspace.bench.BenchApi.parallel;

/**
 * The register phase of the benchmark (issue 5): 10,000 approved decisions across 50 groups of mixed visibility (30
 * public, 10 private, 10 hidden), made through the REST API as people make them (a meeting is planned, its minutes
 * are saved with 50 decisions in one PUT, circulated and approved), and 20 members who each belong to one private
 * and one hidden group. Then wrk, each request with the next member's session (pages) or token (API):
 * <ul>
 *     <li>the register page filtered by action field and outcome, page 1, with 1 and with 20 connections;</li>
 *     <li>the same filter on a deep page (the last but one);</li>
 *     <li>the unfiltered register, page 1;</li>
 *     <li>{@code GET /api/v1/decisions} with the same filter.</li>
 * </ul>
 * Prints p50/p95/p99 and requests/s; nothing here fails on timing.
 */
final class RegisterBenchmark {

    private static final String API = Benchmark.BASE + "/api/v1";
    private static final String PASSWORD = "Beschließen im Mitteldeutschen Revier";
    private static final int GROUPS = 50;
    private static final int MEETINGS_PER_GROUP = 4;
    private static final int DECISIONS_PER_MINUTES = 50;
    private static final int MEMBERS = 20;
    private static final String FIELD = "energie-klimaschutz";
    private static final List<String> FIELDS = List.of("ehrenamt", "beteiligung", "lebendige-doerfer", "bildung-kultur",
            "zirkulaeres-wirtschaften", "mobilitaet", "energie-klimaschutz", "naturschutz", "ernaehrung-landwirtschaft",
            "bauen-wohnen");
    private static final List<String> REGIONS = List.of("mansfeld-suedharz", "burgenlandkreis", "saalekreis",
            "anhalt-bitterfeld", "nordsachsen", "landkreis-leipzig", "leipzig", "halle");
    private static final List<String> SUBJECTS = List.of("die Förderung des Dorfladens in Kayna",
            "einen Antrag auf Mittel aus dem Strukturstärkungsgesetz", "die gemeinsame Stellungnahme zum Regionalplan",
            "den Bürgerbus zwischen Zeitz und Hohenmölsen", "die Solargenossenschaft auf dem Tagebaugelände",
            "das Repair-Café im Gemeindehaus", "die Streuobstwiese am Geiseltalsee", "den Jugendbeirat des Landkreises",
            "die Wanderausstellung zur Bergbaugeschichte", "das Lastenrad für die Tafel");

    private record Member(String email, String token) {
    }



    private final Path work;
    private final String adminToken;
    private final GreenMail mail;
    private final Map<String, String> figures;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final long began = System.nanoTime();

    RegisterBenchmark(Path work, String adminToken, GreenMail mail, Map<String, String> figures) {
        this.work = work;
        this.adminToken = adminToken;
        this.mail = mail;
        this.figures = figures;
    }

    void run() throws Exception {
        List<String> slugs = groups();
        long seeding = System.nanoTime();
        seed(slugs);
        figures.put("Register: " + GROUPS * MEETINGS_PER_GROUP * DECISIONS_PER_MINUTES + " decisions in "
                        + GROUPS * MEETINGS_PER_GROUP + " approved minutes of " + GROUPS + " groups seeded through the API (4 clients)",
                String.format(Locale.ROOT, "%.1f s", seconds(seeding)));
        List<Member> members = members(slugs);
        List<String> cookies = parallel(4, MEMBERS, i -> login(members.get(i).email()));
        List<String> tokens = members.stream().map(Member::token).toList();
        progress("members logged in");

        JsonObject filtered = expect(call("GET", "/decisions?field=" + FIELD + "&outcome=ADOPTED&size=20", tokens.get(0), null), 200).json();
        long total = filtered.getJsonObject("decisions").getJsonNumber("total").longValue();
        long all = expect(call("GET", "/decisions", tokens.get(0), null), 200).json().getJsonObject("totals")
                .getJsonNumber("decisions").longValue();
        figures.put("Register: decisions a member sees / filtered (action field + adopted)", all + " / " + total);
        long deepPage = Math.max(1, (total + 19) / 20 - 1);

        String filter = "/decisions.xhtml?field=" + FIELD + "&outcome=ADOPTED";
        String page = Benchmark.BASE + filter;
        HttpResponse<String> check = http.send(HttpRequest.newBuilder(URI.create(page)).header("Cookie", cookies.get(0)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (check.statusCode() != 200 || !check.body().contains("decision-card")) {
            throw new IllegalStateException("register page: " + check.statusCode());
        }
        Files.writeString(work.resolve("register-page.html"), check.body());

        Matcher alone = wrk(cookies.subList(0, 1), "Cookie", page, "register-alone", 1);
        figures.put("Register page, filtered, page 1, one member alone (wrk -t1 -c1) p50 / p95 / throughput",
                alone.group(1) + " / " + alone.group(2) + " ms / " + alone.group(4) + " requests/s");
        report("Register page, filtered (action field + outcome), page 1", wrk(cookies, "Cookie", page, "register", 2));
        report("Register page, filtered, deep page " + deepPage,
                wrk(cookies, "Cookie", page + "&page=" + deepPage, "register-deep", 2));
        report("Register page, unfiltered, page 1", wrk(cookies, "Cookie", Benchmark.BASE + "/decisions.xhtml", "register-all", 2));
        List<String> bearer = tokens.stream().map(t -> "Bearer " + t).toList();
        report("GET /api/v1/decisions, filtered, first 20",
                wrk(bearer, "Authorization", API + "/decisions?field=" + FIELD + "&outcome=ADOPTED", "register-api", 2));
    }

    private void report(String name, Matcher m) {
        figures.put(name + ": p50 / p95 / p99, 20 connections of 20 members (wrk -t2, 30 s after 10 s warm-up)",
                m.group(1) + " / " + m.group(2) + " / " + m.group(3) + " ms (target p95 <= 150 ms)");
        figures.put(name + ": throughput, errors", m.group(4) + " requests/s (" + m.group(6) + " requests), " + m.group(5) + " errors");
        progress(name + " measured");
    }

    // ---- seeding ----

    private List<String> groups() throws Exception {
        List<String> slugs = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String visibility = g % 5 < 3 ? "PUBLIC" : g % 5 == 3 ? "PRIVATE" : "HIDDEN";
            String slug = String.format(Locale.ROOT, "ag-register-%02d", g);
            JsonObject body = Json.createObjectBuilder().add("slug", slug)
                    .add("name", String.format(Locale.ROOT, "AG %s %02d", SUBJECTS.get(g % SUBJECTS.size()).replaceAll("^\\S+ ", ""), g))
                    .add("description", "Eine Arbeitsgruppe des Beschlussregister-Benchmarks.")
                    .add("actionFields", Json.createArrayBuilder().add(FIELDS.get(g % FIELDS.size())).add(FIELDS.get((g * 3 + 1) % FIELDS.size())))
                    .add("regions", Json.createArrayBuilder().add(REGIONS.get(g % REGIONS.size())))
                    .add("visibility", visibility).add("joinPolicy", visibility.equals("HIDDEN") ? "INVITATION" : "OPEN")
                    .add("moderators", Json.createArrayBuilder()).build();
            expect(call("POST", "/groups", adminToken, body), 201);
            slugs.add(slug);
        }
        progress(GROUPS + " groups created");
        return slugs;
    }

    /** Every group's meetings with minutes of 50 decisions, saved in one PUT each, circulated and approved. */
    private void seed(List<String> slugs) throws Exception {
        LocalDateTime first = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(1).withHour(18).withMinute(0)
                .withSecond(0).withNano(0);
        parallel(4, slugs.size() * MEETINGS_PER_GROUP, n -> {
            int g = n / MEETINGS_PER_GROUP;
            int k = n % MEETINGS_PER_GROUP;
            LocalDateTime start = first.plusDays((long) k * 60 + g);
            long meeting = expect(call("POST", "/groups/" + slugs.get(g) + "/meetings", adminToken, Json.createObjectBuilder()
                    .add("title", (k + 1) + ". Plenum " + start.getYear()).add("startsAt", start.toString())
                    .add("endsAt", start.plusHours(2).toString()).add("place", "Bürgerhaus").build()), 201)
                    .json().getJsonNumber("id").longValue();
            Answer started = call("POST", "/meetings/" + meeting + "/minutes", adminToken, Json.createObjectBuilder().build());
            if (started.status() != 201 && started.status() != 200) {
                throw new IllegalStateException("minutes start: " + started);
            }
            int version = expect(call("GET", "/meetings/" + meeting + "/minutes", adminToken, null), 200).json().getInt("version");
            JsonArrayBuilder decisions = Json.createArrayBuilder();
            for (int d = 0; d < DECISIONS_PER_MINUTES; d++) {
                decisions.add(decision(n * DECISIONS_PER_MINUTES + d));
            }
            expect(call("PUT", "/meetings/" + meeting + "/minutes", adminToken, Json.createObjectBuilder()
                    .add("version", version).add("guests", "").add("decisions", decisions)
                    .add("actionItems", Json.createArrayBuilder()).build()), 200);
            expect(call("POST", "/meetings/" + meeting + "/minutes/circulate", adminToken, null), 200);
            expect(call("POST", "/meetings/" + meeting + "/minutes/approve", adminToken, Json.createObjectBuilder().build()), 200);
            if (n % 20 == 19) {
                progress((n + 1) + " minutes approved");
            }
            return meeting;
        });
    }

    /** A decision of ordinary length: 70 % adopted, 20 % rejected, 10 % postponed; 40 % published. */
    private static JsonObject decision(int i) {
        String outcome = i % 10 < 7 ? "ADOPTED" : i % 10 < 9 ? "REJECTED" : "POSTPONED";
        String subject = SUBJECTS.get(i % SUBJECTS.size());
        JsonObjectBuilder d = Json.createObjectBuilder()
                .add("wording", "Die Arbeitsgruppe beschließt " + subject + " (Beschluss " + i + "). Die Koordination "
                        + "informiert die beteiligten Vereine und berichtet in der nächsten Sitzung über den Stand.\n"
                        + "Die Kosten trägt das Projektbudget; Rückfragen an die Sprecherin der Gruppe.")
                .add("outcome", outcome).add("published", i % 5 < 2);
        if (i % 3 == 0) {
            d.add("voteMode", "CONSENSUS");
        } else {
            d.add("voteMode", "COUNTED").add("votesFor", 5 + i % 7).add("votesAgainst", i % 3).add("abstentions", i % 2);
        }
        return d.build();
    }

    /**
     * 20 members, each invited into one hidden group (the invitation makes the account) and then joining one
     * private group, so that every member sees a different part of the register.
     */
    private List<Member> members(List<String> slugs) throws Exception {
        List<String> hidden = slugs.stream().filter(s -> Integer.parseInt(s.substring(s.length() - 2)) % 5 == 4).toList();
        List<String> closed = slugs.stream().filter(s -> Integer.parseInt(s.substring(s.length() - 2)) % 5 == 3).toList();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            emails.add(String.format(Locale.ROOT, "member%02d@register.bench.test", i));
        }
        parallel(4, MEMBERS, i -> expect(call("POST", "/groups/" + hidden.get(i % hidden.size()) + "/invitations", adminToken,
                Json.createObjectBuilder().add("email", emails.get(i)).build()), 201));
        Map<String, String> secrets = BenchApi.invitationSecrets(mail, emails, Duration.ofMinutes(5));
        List<Member> members = parallel(4, MEMBERS, i -> {
            JsonObject registered = expect(call("POST", "/invitations/accept-new", null, Json.createObjectBuilder()
                    .add("token", secrets.get(emails.get(i))).add("displayName", "Mitglied " + i).add("password", PASSWORD)
                    .add("language", "de").add("tokenName", "Benchmark").build()), 201).json();
            return new Member(emails.get(i), registered.getString("token"));
        });
        parallel(4, MEMBERS, i -> expect(call("POST", "/groups/" + closed.get(i % closed.size()) + "/members",
                members.get(i).token(), null), 201));
        progress(MEMBERS + " members in their groups");
        return members;
    }

    // ---- measuring ----

    /** Logs in through the login page as a browser would; returns the session cookie. */
    private static String login(String email) throws Exception {
        return BenchApi.login(email, PASSWORD);
    }

    /** wrk with one connection per credential, each request with the next one's {@code header}; 10 s warm-up, 30 s. */
    private Matcher wrk(List<String> credentials, String header, String url, String name, int threads) throws Exception {
        return BenchApi.wrk(work, name, header, credentials, List.of(url), threads, credentials.size(), 30);
    }

    // ---- HTTP ----

    private Answer call(String method, String path, String token, JsonObject body) throws Exception {
        return BenchApi.call(http, Duration.ofMinutes(5), method, path, token, body);
    }



    private void progress(String what) {
        System.out.printf(Locale.ROOT, "[register %5.0f s] %s%n", seconds(began), what);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
