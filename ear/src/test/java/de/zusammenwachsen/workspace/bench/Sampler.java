package de.zusammenwachsen.workspace.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the server every 2 seconds while a benchmark phase runs: heap used and committed from {@code jstat -gc}
 * (one long-running jstat reading the JVM's performance counters, so sampling costs the server nothing, unlike a
 * jcmd attach every few seconds), and the resident set size from {@code /proc} of the server and of every JVM it
 * started (the extraction processes). Writes all samples to a CSV for a curve.
 */
final class Sampler implements AutoCloseable {

    /** One sample; sizes in KB. */
    record Sample(long at, long heapUsedKb, long heapCommittedKb, long serverRssKb, int tikaCount, long tikaRssKb,
                  long tikaMaxSingleRssKb) {
    }

    /** The highest values in a window, and how many different extraction JVMs were seen in it. */
    record Peak(long heapUsedKb, long heapCommittedKb, long serverRssKb, int tikaProcesses, long tikaMaxSingleRssKb,
                long tikaMaxTotalRssKb) {
    }

    private final long pid;
    private final Path csv;
    private final Process jstat;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sampler");
        t.setDaemon(true);
        return t;
    });
    private final List<Sample> samples = new ArrayList<>();
    /** Which extraction JVM was seen when: pid → sample times. */
    private final Map<Long, List<Long>> tikaSeen = new HashMap<>();
    private volatile long heapUsedKb;
    private volatile long heapCommittedKb;

    private Sampler(long pid, Path csv) throws IOException {
        this.pid = pid;
        this.csv = csv;
        this.jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "2000").redirectErrorStream(true).start();
        Thread reader = new Thread(this::readJstat, "jstat-reader");
        reader.setDaemon(true);
        reader.start();
        timer.scheduleAtFixedRate(this::sample, 0, 2, TimeUnit.SECONDS);
    }

    static Sampler start(long pid, Path csv) throws IOException {
        return new Sampler(pid, csv);
    }

    /** Peaks over the samples taken between the two epoch milliseconds. */
    synchronized Peak peak(long from, long to) {
        long used = 0;
        long committed = 0;
        long rss = 0;
        long single = 0;
        long total = 0;
        for (Sample s : samples) {
            if (s.at() >= from && s.at() <= to) {
                used = Math.max(used, s.heapUsedKb());
                committed = Math.max(committed, s.heapCommittedKb());
                rss = Math.max(rss, s.serverRssKb());
                single = Math.max(single, s.tikaMaxSingleRssKb());
                total = Math.max(total, s.tikaRssKb());
            }
        }
        Set<Long> tika = new HashSet<>();
        tikaSeen.forEach((p, times) -> {
            if (times.stream().anyMatch(t -> t >= from && t <= to)) {
                tika.add(p);
            }
        });
        return new Peak(used, committed, rss, tika.size(), single, total);
    }

    /** A {@code /proc/<pid>/status} field in KB (VmRSS, VmHWM), 0 when the process is gone. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading
        }
        return 0;
    }

    private void readJstat() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = null;
            for (String line; (line = in.readLine()) != null; ) {
                List<String> cells = List.of(line.trim().split("\\s+"));
                if (cells.contains("EU")) {
                    header = cells;
                } else if (header != null && cells.size() == header.size()) {
                    heapUsedKb = (long) (cell(header, cells, "S0U") + cell(header, cells, "S1U")
                            + cell(header, cells, "EU") + cell(header, cells, "OU"));
                    heapCommittedKb = (long) (cell(header, cells, "S0C") + cell(header, cells, "S1C")
                            + cell(header, cells, "EC") + cell(header, cells, "OC"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // jstat ended with the server or on close
        }
    }

    private static double cell(List<String> header, List<String> cells, String name) {
        String v = cells.get(header.indexOf(name));
        return v.equals("-") ? 0 : Double.parseDouble(v);
    }

    private void sample() {
        try {
            long now = System.currentTimeMillis();
            int count = 0;
            long total = 0;
            long single = 0;
            List<ProcessHandle> children = ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of());
            for (ProcessHandle child : children) {
                if (child.info().command().map(c -> c.endsWith("/java")).orElse(false)) {
                    long rss = status(child.pid(), "VmRSS");
                    count++;
                    total += rss;
                    single = Math.max(single, rss);
                    synchronized (this) {
                        tikaSeen.computeIfAbsent(child.pid(), k -> new ArrayList<>()).add(now);
                    }
                }
            }
            Sample s = new Sample(now, heapUsedKb, heapCommittedKb, status(pid, "VmRSS"), count, total, single);
            synchronized (this) {
                samples.add(s);
            }
        } catch (RuntimeException e) {
            // one lost sample is no reason to stop sampling
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        jstat.destroy();
        synchronized (this) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
                out.println("epochMillis,heapUsedKb,heapCommittedKb,serverRssKb,extractionJvms,extractionRssKb");
                for (Sample s : samples) {
                    out.printf(Locale.ROOT, "%d,%d,%d,%d,%d,%d%n", s.at(), s.heapUsedKb(), s.heapCommittedKb(),
                            s.serverRssKb(), s.tikaCount(), s.tikaRssKb());
                }
            }
        }
    }
}
