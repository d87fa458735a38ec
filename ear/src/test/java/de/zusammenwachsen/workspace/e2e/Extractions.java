package de.zusammenwachsen.workspace.e2e;

import jakarta.json.JsonObject;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Uploads through the REST API and waits for the background text extraction of what was uploaded, for
 * {@link ExtractionIT} and {@link AdversarialFilesIT}. Waiting polls each version until it is DONE or FAILED or
 * the bound is over; what was still pending then is returned too, so that a test names every file that hung.
 */
final class Extractions {

    /** One uploaded file: which version of which document it became, and when the upload began. */
    record Upload(String label, String name, long documentId, int number, long startedNanos) {

        String path() {
            return "/documents/" + documentId + "/versions/" + number;
        }
    }

    /** Where a version's extraction stood at the end of the wait, and how long from upload to that state. */
    record Outcome(Upload upload, JsonObject version, long wallMillis) {

        String state() {
            return version.getString("extractionState", "?");
        }

        boolean finished() {
            return state().equals("DONE") || state().equals("FAILED");
        }

        long chars() {
            return number("extractedChars");
        }

        String language() {
            return string("extractedLanguage");
        }

        String error() {
            return string("extractionError");
        }

        long extractionMillis() {
            return number("extractionMillis");
        }

        boolean truncated() {
            return version.getBoolean("extractionTruncated", false);
        }

        String mediaType() {
            return string("mediaType");
        }

        String fileName() {
            return string("fileName");
        }

        private String string(String key) {
            return version.containsKey(key) && !version.isNull(key) ? version.getString(key) : null;
        }

        private long number(String key) {
            return version.containsKey(key) && !version.isNull(key) ? version.getJsonNumber(key).longValue() : -1;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-34s %-7s %-11s chars=%-8d lang=%-4s extraction=%6d ms  upload→final=%6d ms",
                    upload.label(), state(), error() == null ? "" : error(), chars(), language(), extractionMillis(),
                    wallMillis);
        }
    }

    private Extractions() {
    }

    /** Uploads one file into the top of the group's library and expects 201 with one uploaded version. */
    static Upload upload(ApiClient api, String slug, String label, String fileName, byte[] content) {
        long started = System.nanoTime();
        ApiClient.Answer answer = api.postMultipart("/groups/" + slug + "/documents",
                new ApiClient.Multipart().file("file", fileName, content));
        assertEquals(201, answer.status(), label + ": " + answer.body());
        JsonObject uploaded = answer.array().getJsonObject(0);
        return new Upload(label, uploaded.getString("name"), uploaded.getJsonNumber("documentId").longValue(),
                uploaded.getInt("number"), started);
    }

    /** Polls every upload's version until all are DONE or FAILED or {@code limit} has passed; in upload order. */
    static Map<Upload, Outcome> await(ApiClient api, List<Upload> uploads, Duration limit) {
        Map<Upload, Outcome> outcomes = new LinkedHashMap<>();
        List<Upload> open = new ArrayList<>(uploads);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (Upload upload : List.copyOf(open)) {
                ApiClient.Answer answer = api.get(upload.path());
                assertEquals(200, answer.status(), upload.label() + ": " + answer.body());
                Outcome outcome = new Outcome(upload, answer.json(), (System.nanoTime() - upload.startedNanos()) / 1_000_000);
                outcomes.put(upload, outcome);
                if (outcome.finished()) {
                    open.remove(upload);
                }
            }
            if (open.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            pause(500);
        }
        Map<Upload, Outcome> ordered = new LinkedHashMap<>();
        uploads.forEach(u -> ordered.put(u, outcomes.get(u)));
        return ordered;
    }

    /** The extracted text of a version, as the API serves it to scripts and the search. */
    static String text(ApiClient api, Upload upload) {
        ApiClient.Answer answer = api.get(upload.path() + "/text", "text/plain");
        assertEquals(200, answer.status(), upload.label() + ": " + answer.body());
        return answer.body();
    }

    /**
     * Text as compared with a known sentence: NFC, soft hyphens gone, all whitespace (PDF line breaks, non-breaking
     * spaces) one space.
     */
    static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace("\u00AD", "")
                .replaceAll("[\\s\\u00A0\\u202F]+", " ").strip();
    }

    static void report(String title, Map<Upload, Outcome> outcomes) {
        StringBuilder table = new StringBuilder("\n" + title + "\n");
        outcomes.values().forEach(o -> table.append("  ").append(o).append('\n'));
        System.out.print(table);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
