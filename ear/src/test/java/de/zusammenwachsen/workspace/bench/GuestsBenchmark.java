package de.zusammenwachsen.workspace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guests phase of the benchmark ({@code -Dbench.phases=guests}): 60 s of anonymous traffic, wrk with 20
 * connections and no cookies, over the public pages (start page, decisions register, a search, the group directory),
 * as a crawler sends it. Prints latency and throughput, and the web application's live HTTP sessions before and after
 * (read from WildFly's management model) and the heap after a full GC: a guest's page view must not make a session.
 */
final class GuestsBenchmark {

    private static final String[] PAGES = {"/", "/decisions.xhtml", "/search.xhtml?q=energie", "/groups/index.xhtml"};

    private final Path project;
    private final Path work;
    private final long pid;
    private final Map<String, String> figures;

    GuestsBenchmark(Path project, Path work, long pid, Map<String, String> figures) {
        this.project = project;
        this.work = work;
        this.pid = pid;
        this.figures = figures;
    }

    void run() throws Exception {
        long before = activeSessions();
        Path script = work.resolve("guests.lua");
        Files.writeString(script, """
                local pages = { %s }
                local turn = 0
                -- No cookie is ever sent back: every request is a new visitor, as a crawler's are.
                function request()
                  turn = turn %% #pages + 1
                  return wrk.format("GET", pages[turn])
                end
                function done(summary, latency, requests)
                  io.write(string.format("RESULT p50=%%.2f p95=%%.2f p99=%%.2f rps=%%.1f requests=%%d errors=%%d\\n",
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
                    summary.requests / (summary.duration / 1e6), summary.requests,
                    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
                end
                """.formatted(String.join(", ", java.util.Arrays.stream(PAGES).map(p -> "\"" + p + "\"").toList())));
        String out = Benchmark.exec("wrk", "-t2", "-c20", "-d60s", "-s", script.toString(), Benchmark.BASE);
        Matcher m = Pattern.compile("RESULT p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) rps=([\\d.]+) requests=(\\d+) errors=(\\d+)")
                .matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        long after = activeSessions();
        figures.put("Guests: public pages p50, 20 connections without cookies (wrk -t2, 60 s)", m.group(1) + " ms");
        figures.put("Guests: p95 / p99", m.group(2) + " / " + m.group(3) + " ms");
        figures.put("Guests: throughput (requests in 60 s)", m.group(4) + " requests/s (" + m.group(5) + ")");
        figures.put("Guests: non-2xx or socket errors", m.group(6));
        figures.put("Guests: live HTTP sessions before / after", before + " / " + after);
        figures.put("Guests: heap used after the run (after full GC)", String.format("%.0f MB", Benchmark.heapUsed(pid) / 1048576.0));
    }

    /** The web module's active sessions, from WildFly's management model (jboss-cli on the local management port). */
    private long activeSessions() throws Exception {
        String out = Benchmark.exec(project.resolve("wildfly-config/target/wildfly/bin/jboss-cli.sh").toString(), "-c",
                "--command=/deployment=workspace.ear/subdeployment=workspace-web.war/subsystem=undertow:read-attribute(name=active-sessions)");
        Matcher m = Pattern.compile("\"result\" => (\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected jboss-cli output: " + out);
        }
        return Long.parseLong(m.group(1));
    }
}
