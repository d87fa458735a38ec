package de.zusammenwachsen.workspace.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The documents phase of the benchmark (issue 3), through the REST API as a group moving in would use it:
 * <ol>
 *     <li>bulk import of {@code corpus/binary/} (PDF, DOCX, ODT) as one ZIP, then wait until every version is
 *     extracted;</li>
 *     <li>single uploads (one file per request) of Markdown laws, one client after another and four at a time, and
 *     of the largest laws;</li>
 *     <li>bulk import of the whole {@code corpus/gesetze/} (6,636 Markdown files, 174 MB) as one ZIP, then wait until
 *     every version is extracted: the target is both within 10 minutes with a heap under 1 GB.</li>
 * </ol>
 * Each part goes into its own group, so that the group's extraction status (counts and per-type timings measured
 * by the server) belongs to that part alone. The ZIPs are built under {@code target/} at run time; the corpus is
 * never copied into the project. Throughout, a {@link Sampler} records the server's heap (jstat) and the resident
 * memory of the server and of its extraction JVMs. Prints figures only; nothing here fails on timing.
 */
final class DocumentsBenchmark {

    private static final String API = Benchmark.BASE + "/api/v1";
    private static final double MB = 1024.0 * 1024.0;
    private static final int SINGLE_UPLOADS = 200;

    private final Path work;
    private final Path corpus;
    private final long serverPid;
    private final String token;
    private final Map<String, String> figures;
    /** HTTP/1.1: no h2c upgrade attempt in front of large multipart bodies. */
    /** The imported ZIPs: stored as blobs too, and unreferenced once their import is done, until the sweeper's grace ends. */
    private long zipBytes;
    private int zips;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    DocumentsBenchmark(Path project, Path work, long serverPid, String token, Map<String, String> figures) {
        this.work = work;
        this.corpus = de.zusammenwachsen.workspace.e2e.Corpus.root();
        this.serverPid = serverPid;
        this.token = token;
        this.figures = figures;
    }

    void run() throws Exception {
        if (!Files.isDirectory(corpus.resolve("gesetze"))) {
            figures.put("Documents: corpus not found", corpus.toString());
            return;
        }
        Benchmark.createGroup(token, "bench-binary", "Benchmark Bürodateien");
        Benchmark.createGroup(token, "bench-uploads", "Benchmark Einzel-Uploads");
        Benchmark.createGroup(token, "bench-gesetze", "Benchmark Gesetze");
        try (Sampler sampler = Sampler.start(serverPid, work.resolve("documents-samples.csv"))) {
            bulkImport("binary", "bench-binary", Duration.ofMinutes(10), sampler);
            singleUploads("bench-uploads");
            waitForExtraction("bench-uploads", Duration.ofMinutes(10));
            bulkImport("gesetze", "bench-gesetze", Duration.ofMinutes(40), sampler);
            Sampler.Peak all = sampler.peak(0, Long.MAX_VALUE);
            figures.put("Documents, whole phase: server heap used, max (jstat every 2 s, garbage included)", kb(all.heapUsedKb()));
            figures.put("  whole phase: server RSS, peak (VmHWM)", kb(Sampler.status(serverPid, "VmHWM")));
            figures.put("  whole phase: extraction JVMs seen / largest RSS of one / most RSS at once", all.tikaProcesses() + " / "
                    + kb(all.tikaMaxSingleRssKb()) + " / " + kb(all.tikaMaxTotalRssKb()));
        }
        storage();
        figures.put("Documents: heap used after the run (after full GC)", mb(Benchmark.heapUsed(serverPid)));
    }

    /** Imports one corpus folder as one ZIP into the group's top folder and waits until its text is extracted. */
    private void bulkImport(String folder, String slug, Duration limit, Sampler sampler) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus.resolve(folder))) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        long raw = 0;
        for (Path f : files) {
            raw += Files.size(f);
        }
        Path zip = work.resolve(folder + ".zip");
        long zipStart = System.nanoTime();
        de.zusammenwachsen.workspace.e2e.Corpus.zip(files, zip);
        zipBytes += Files.size(zip);
        zips++;
        String label = "Documents: import of " + folder + "/";
        figures.put(label, String.format(Locale.ROOT, "%,d files, %.1f MB raw, ZIP %.1f MB (built in %.1f s)",
                files.size(), raw / MB, Files.size(zip) / MB, seconds(zipStart)));

        long start = System.nanoTime();
        long window = System.currentTimeMillis();
        HttpResponse<String> posted = http.send(authorized("/groups/" + slug + "/imports")
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(multipart(zip.getFileName().toString(), HttpRequest.BodyPublishers.ofFile(zip), "application/zip"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        double uploadSeconds = seconds(start);
        if (posted.statusCode() != 202) {
            figures.put("  " + folder + "/ import refused", posted.statusCode() + " " + posted.body());
            return;
        }
        long id = json(posted.body()).getJsonNumber("id").longValue();
        JsonObject imported = null;
        double importSeconds = -1;
        double allSeconds = -1;
        JsonObject extraction = null;
        String broken = null;
        long nextReport = 0;
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (importSeconds < 0) {
                    imported = getJson("/imports/" + id);
                    String state = imported.getString("state");
                    if (state.equals("DONE") || state.equals("FAILED")) {
                        importSeconds = seconds(start);
                    }
                }
                extraction = getJson("/groups/" + slug + "/extraction");
            } catch (IOException | IllegalStateException e) {
                // The server went away or broke: print what was measured until then.
                broken = e.getMessage();
                break;
            }
            long open = extraction.getJsonNumber("pending").longValue() + extraction.getJsonNumber("running").longValue();
            if (importSeconds >= 0 && open == 0) {
                allSeconds = seconds(start);
                break;
            }
            if (System.nanoTime() >= nextReport) {
                System.out.printf(Locale.ROOT, "[%s %4.0f s] import %s %d/%d, extraction pending %d running %d done %d failed %d%n",
                        folder, seconds(start), imported.getString("state"), imported.getInt("entriesDone"),
                        imported.getInt("entriesTotal"), extraction.getJsonNumber("pending").longValue(),
                        extraction.getJsonNumber("running").longValue(), extraction.getJsonNumber("done").longValue(),
                        extraction.getJsonNumber("failed").longValue());
                nextReport = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            }
            Thread.sleep(1000);
        }
        long windowEnd = System.currentTimeMillis();
        double elapsed = seconds(start);

        figures.put("  " + folder + "/ ZIP upload (POST until 202)", String.format(Locale.ROOT, "%.1f s", uploadSeconds));
        if (importSeconds < 0) {
            figures.put("  " + folder + "/ import not finished after", String.format(Locale.ROOT, "%.0f s: %s", elapsed, imported));
        } else {
            int count = imported.getInt("imported");
            figures.put("  " + folder + "/ import wall time (POST until DONE)", String.format(Locale.ROOT, "%.1f s (%s, %d imported, %d skipped%s)",
                    importSeconds, imported.getString("state"), count, imported.getInt("skipped"),
                    imported.get("error") instanceof JsonString e ? ", error " + e.getString() : ""));
            figures.put("  " + folder + "/ import throughput", String.format(Locale.ROOT, "%.1f files/s, %.2f MB/s",
                    count / importSeconds, raw / MB / importSeconds));
        }
        figures.put("  " + folder + "/ imported and extracted (POST until no extraction pending or running)", allSeconds < 0
                ? String.format(Locale.ROOT, "not finished after %.0f s%s", elapsed, broken == null ? "" : ": " + broken)
                : String.format(Locale.ROOT, "%.1f s (%.1f min)", allSeconds, allSeconds / 60));
        if (allSeconds >= 0 && importSeconds >= 0) {
            figures.put("  " + folder + "/ extraction after the import was done", String.format(Locale.ROOT, "%.1f s", allSeconds - importSeconds));
        }
        if (extraction != null) {
            long finished = extraction.getJsonNumber("done").longValue() + extraction.getJsonNumber("failed").longValue();
            figures.put("  " + folder + "/ extraction done / failed / still open", extraction.getJsonNumber("done") + " / "
                    + extraction.getJsonNumber("failed") + " / " + (extraction.getJsonNumber("pending").longValue()
                    + extraction.getJsonNumber("running").longValue()));
            figures.put("  " + folder + "/ extraction throughput (versions finished / s since the POST)", String.format(Locale.ROOT,
                    "%.1f", finished / (allSeconds < 0 ? elapsed : allSeconds)));
            for (JsonValue v : extraction.getJsonArray("timings")) {
                JsonObject t = v.asJsonObject();
                figures.put("  " + folder + "/ extraction " + t.getString("mediaType") + " (" + t.getJsonNumber("count") + ") p50 / p95 / max",
                        t.getJsonNumber("p50Millis") + " / " + t.getJsonNumber("p95Millis") + " / "
                                + t.getJsonNumber("maxMillis") + " ms");
            }
        }
        Sampler.Peak peak = sampler.peak(window, windowEnd);
        figures.put("  " + folder + "/ server heap used, max during this import (jstat every 2 s)", kb(peak.heapUsedKb())
                + " (committed up to " + kb(peak.heapCommittedKb()) + ")");
        figures.put("  " + folder + "/ server RSS, max during this import", kb(peak.serverRssKb()));
        figures.put("  " + folder + "/ extraction JVMs seen / largest RSS of one / most RSS at once", peak.tikaProcesses() + " / "
                + kb(peak.tikaMaxSingleRssKb()) + " / " + kb(peak.tikaMaxTotalRssKb()));
    }

    /**
     * Single uploads of Markdown laws, each made unique by a trailing line so that the content-addressed store
     * cannot skip the write: 200 by one client, 200 by four clients at once, then the 10 largest laws (1–2 MB).
     */
    private void singleUploads(String slug) throws Exception {
        List<Path> laws;
        try (Stream<Path> list = Files.list(corpus.resolve("gesetze"))) {
            laws = list.filter(Files::isRegularFile).sorted().toList();
        }
        // Every n-th law: a sample with the corpus's size distribution (median 4 KB, some of 1 MB and more).
        int step = laws.size() / (2 * SINGLE_UPLOADS);
        List<Path> first = new ArrayList<>();
        List<Path> second = new ArrayList<>();
        for (int i = 0; i < 2 * SINGLE_UPLOADS; i++) {
            (i % 2 == 0 ? first : second).add(laws.get(i * step));
        }
        List<Path> largest = new ArrayList<>(laws);
        largest.sort((a, b) -> Long.compare(size(b), size(a)));
        uploadAll(slug, first, 1, "1 client", "Documents: single uploads of " + SINGLE_UPLOADS + " laws, 1 client");
        uploadAll(slug, second, 4, "4 clients", "Documents: single uploads of " + SINGLE_UPLOADS + " other laws, 4 clients at once");
        uploadAll(slug, largest.subList(0, 10), 1, "largest", "Documents: single uploads of the 10 largest laws, 1 client");
    }

    private void uploadAll(String slug, List<Path> files, int clients, String tag, String label) throws Exception {
        long bytes = 0;
        for (Path f : files) {
            bytes += size(f);
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        String run = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Path f : files) {
                done.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(authorized("/groups/" + slug + "/documents")
                            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                            .POST(multipart(f.getFileName().toString(), HttpRequest.BodyPublishers.concat(
                                    HttpRequest.BodyPublishers.ofFile(f),
                                    HttpRequest.BodyPublishers.ofString("\n<!-- Benchmark-Upload " + run + " -->\n")),
                                    "text/markdown")).build(), HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t);
                    if (r.statusCode() != 201) {
                        errors.add(r.statusCode() + " " + r.body());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double wall = seconds(start);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        figures.put(label, String.format(Locale.ROOT, "%.1f uploads/s, %.2f MB/s (%.1f MB in %.1f s)",
                files.size() / wall, bytes / MB / wall, bytes / MB, wall));
        figures.put("  " + tag + ": latency per upload p50 / p95 / max", String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 100)));
        if (!errors.isEmpty()) {
            figures.put("  " + tag + ": failed uploads", errors.size() + ", first: " + errors.get(0));
        }
    }

    private void waitForExtraction(String slug, Duration limit) throws Exception {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject e = getJson("/groups/" + slug + "/extraction");
            if (e.getJsonNumber("pending").longValue() + e.getJsonNumber("running").longValue() == 0) {
                figures.put("  uploads: extraction of all finished after the last upload", String.format(Locale.ROOT,
                        "%.1f s (done %s, failed %s)", seconds(start), e.getJsonNumber("done"), e.getJsonNumber("failed")));
                return;
            }
            Thread.sleep(1000);
        }
        figures.put("  uploads: extraction not finished after", limit.toMinutes() + " min");
    }

    /** The blob store as the server reports it, and what the data directory takes on disk. */
    private void storage() throws Exception {
        JsonObject s = getJson("/admin/storage");
        long blobBytes = s.getJsonNumber("blobBytes").longValue();
        long rawBytes = s.getJsonNumber("rawBytes").longValue();
        figures.put("Documents: blob store vs raw (all versions) after the run", String.format(Locale.ROOT,
                "%.1f MB in %,d blobs vs %.1f MB in %,d versions (%.0f %%)", blobBytes / MB, s.getJsonNumber("blobs").longValue(),
                rawBytes / MB, s.getJsonNumber("versions").longValue(), rawBytes == 0 ? 0 : 100.0 * blobBytes / rawBytes));
        figures.put("  blob store without the " + zips + " import ZIPs (unreferenced, left to the sweeper)", String.format(
                Locale.ROOT, "%.1f MB (%.0f %% of raw)", (blobBytes - zipBytes) / MB,
                rawBytes == 0 ? 0 : 100.0 * (blobBytes - zipBytes) / rawBytes));
        figures.put("  missing blobs / unreferenced blobs / incomplete uploads", s.getJsonNumber("missingBlobs") + " / "
                + s.getJsonNumber("unreferencedBlobs") + " / " + s.getJsonNumber("incompleteUploads"));
        Path data = work.resolve("data");
        if (Files.isDirectory(data)) {
            StringBuilder du = new StringBuilder();
            try (Stream<Path> dirs = Files.list(data)) {
                for (Path d : dirs.sorted().toList()) {
                    String out = Benchmark.exec("du", "-sk", d.toString()).trim();
                    du.append(du.isEmpty() ? "" : ", ").append(d.getFileName()).append(' ')
                            .append(kb(Long.parseLong(out.split("\\s+")[0])));
                }
            }
            figures.put("  data directory on disk (du)", du.toString());
        }
    }

    private static final String BOUNDARY = "zw-bench-" + UUID.randomUUID();

    /** A multipart/form-data body with one part {@code file}, streamed (the content is never held in memory). */
    private static HttpRequest.BodyPublisher multipart(String fileName, HttpRequest.BodyPublisher content, String type) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        return HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head), content,
                HttpRequest.BodyPublishers.ofString("\r\n--" + BOUNDARY + "--\r\n"));
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private JsonObject getJson(String path) throws Exception {
        HttpResponse<String> r = http.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            String body = r.body();
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
        }
        return json(r.body());
    }

    private static JsonObject json(String body) {
        JsonStructure s = Json.createReader(new StringReader(body)).read();
        return s.asJsonObject();
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
        return String.format(Locale.ROOT, "%.0f MB", bytes / MB);
    }
}
