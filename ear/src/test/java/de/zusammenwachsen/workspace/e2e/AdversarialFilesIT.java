package de.zusammenwachsen.workspace.e2e;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken files (see {@link AdversarialFiles}) uploaded together, as an attacker or an unlucky member
 * would: each must end in a clear state (DONE, or FAILED with a reason a person is told), HTML in disguise must never
 * render on our origin, names must lose their paths and control characters, and the server must stay healthy and
 * keep extracting ordinary files. Prints how long each file took.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdversarialFilesIT {

    /** What the extraction reports as reasons (message key suffixes, see the lead's TextExtractor). */
    static final Set<String> REASONS = Set.of("encrypted", "timeout", "corrupt", "tooComplex", "crashed", "missing");

    /** The server's default cap of extracted characters ({@code zw.extraction.max.chars}). */
    static final long MAX_CHARS = 2_000_000;

    /** Twice the extraction timeout of 60 s: two workers, each may spend a full timeout on one bomb. */
    static final Duration BOUND = Duration.ofMinutes(2);

    private record Case(String label, String fileName, byte[] content, Consumer<Extractions.Outcome> expectation) {
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void hostileFilesEndInAClearStateAndTheServerStaysHealthy() throws IOException {
        FileTime passwd = Files.exists(Path.of("/etc/passwd")) ? Files.getLastModifiedTime(Path.of("/etc/passwd")) : null;
        ApiClient api = Fixtures.admin();
        String slug = Fixtures.createGroup("PRIVATE", "INVITATION").getString("slug");

        List<Case> cases = List.of(
                new Case("zip bomb DOCX (> 1 GB XML)", "Förderbescheid.docx",
                        AdversarialFiles.zipBombDocx((1L << 30) + (1L << 26)), o -> {
                            assertEquals("FAILED", o.state(), o.toString());
                            assertEquals("tooComplex", o.error(), "refused before parsing: " + o);
                        }),
                new Case("ZIP nested 10,000 levels", "Archiv.zip", AdversarialFiles.nestedZip(10_000),
                        AdversarialFilesIT::finishedWithinLimits),
                new Case("encrypted PDF", "Vertraulich.pdf", AdversarialFiles.encryptedPdf(), o -> {
                    assertEquals("FAILED", o.state(), o.toString());
                    assertEquals("encrypted", o.error(), o.toString());
                }),
                new Case("truncated PDF", "Abgeschnitten.pdf", AdversarialFiles.truncatedPdf(60),
                        AdversarialFilesIT::corruptOrEmpty),
                new Case("garbage PDF", "Kaputt.pdf", AdversarialFiles.garbagePdf(), AdversarialFilesIT::corruptOrEmpty),
                new Case("image-only PDF (a scan)", "Scan.pdf", AdversarialFiles.imageOnlyPdf(), o -> {
                    assertEquals("DONE", o.state(), o.toString());
                    assertEquals(0, o.chars(), o.toString());
                }),
                new Case("HTML named .pdf", "Rechnung.pdf", AdversarialFiles.htmlPage(), o -> {
                    assertEquals("text/html", o.mediaType(), "the type comes from the bytes, not the name");
                    finishedWithinLimits(o);
                }),
                new Case("SVG with script", "Lageplan.svg", AdversarialFiles.svgWithScript(), o -> {
                    assertEquals("image/svg+xml", o.mediaType(), o.toString());
                    finishedWithinLimits(o);
                }),
                new Case("name ../../etc/passwd", AdversarialFiles.TRAVERSAL_NAME, OfficeFiles.utf8(AdversarialFiles.SENTENCE),
                        o -> {
                            cleanName(o.upload().name());
                            assertEquals("passwd", o.upload().name());
                            finishedWithinLimits(o);
                        }),
                new Case("name with control characters", AdversarialFiles.controlCharacterName(),
                        OfficeFiles.utf8(AdversarialFiles.SENTENCE), o -> {
                            cleanName(o.upload().name());
                            assertTrue(o.upload().name().startsWith("Sitzung"), o.upload().name());
                            assertTrue(o.upload().name().endsWith("fdp.txt"), o.upload().name());
                            finishedWithinLimits(o);
                        }),
                new Case("name of 300 characters", AdversarialFiles.longName(300), OfficeFiles.utf8(AdversarialFiles.SENTENCE),
                        o -> {
                            cleanName(o.upload().name());
                            assertTrue(o.upload().name().codePointCount(0, o.upload().name().length()) <= 255,
                                    o.upload().name().length() + " characters");
                            assertTrue(o.upload().name().endsWith(".txt"), "the extension is kept: " + o.upload().name());
                            assertTrue(o.upload().name().startsWith("Förderantrag Strukturwandel Mansfeld-Südharz"),
                                    "umlauts in names survive the upload: " + o.upload().name());
                            finishedWithinLimits(o);
                        }));

        List<Extractions.Upload> uploads = new ArrayList<>();
        Map<Extractions.Upload, Case> caseOf = new LinkedHashMap<>();
        Map<String, Extractions.Upload> byFileName = new LinkedHashMap<>();
        for (Case c : cases) {
            Extractions.Upload upload = Extractions.upload(api, slug, c.label(), c.fileName(), c.content());
            uploads.add(upload);
            caseOf.put(upload, c);
            byFileName.put(c.fileName(), upload);
        }

        // While the workers chew on the bombs, the server answers at once.
        long answeredIn = timeOfMe(api);
        assertTrue(answeredIn < 2000, "GET /me took " + answeredIn + " ms during the extraction of hostile files");

        Extractions.Upload empty = emptyFile(api, slug);
        if (empty != null) {
            uploads.add(empty);
        }

        Map<Extractions.Upload, Extractions.Outcome> outcomes = Extractions.await(api, uploads, BOUND);
        Extractions.report("Hostile files (GET /me during their extraction: " + answeredIn + " ms)", outcomes);

        List<Executable> checks = new ArrayList<>();
        for (Extractions.Outcome outcome : outcomes.values()) {
            Case c = caseOf.get(outcome.upload());
            checks.add(() -> {
                assertTrue(outcome.finished(), "still " + outcome.state() + " after " + BOUND + ": " + outcome);
                if (c != null) {
                    c.expectation().accept(outcome);
                } else {
                    assertEquals("DONE", outcome.state(), outcome.toString());
                    assertEquals(0, outcome.chars(), outcome.toString());
                }
                // The stored name is the one the version reports, and the one a download offers.
                assertEquals(outcome.upload().name(), outcome.fileName());
            });
        }
        checks.add(() -> disguisedHtmlNeverRenders(api, byFileName.get("Rechnung.pdf")));
        checks.add(() -> disguisedHtmlNeverRenders(api, byFileName.get("Lageplan.svg")));
        checks.add(() -> downloadNameIsSafe(api, byFileName.get(AdversarialFiles.controlCharacterName())));
        checks.add(() -> assertEquals(passwd, Files.exists(Path.of("/etc/passwd"))
                ? Files.getLastModifiedTime(Path.of("/etc/passwd")) : null, "/etc/passwd untouched"));
        // Last, and also when a file above ended in an unexpected state: is the server still well?
        checks.add(() -> serverStaysHealthy(api, slug));
        assertAll(checks);
    }

    /** After the hostile files: the server answers quickly, extracts an ordinary file in seconds, has lost no blob. */
    private static void serverStaysHealthy(ApiClient api, String slug) {
        long answeredIn = timeOfMe(api);
        assertTrue(answeredIn < 2000, "GET /me took " + answeredIn + " ms after the hostile files");

        Extractions.Upload ordinary = Extractions.upload(api, slug, "ordinary text afterwards", "Einladung.txt",
                OfficeFiles.text(ExtractionIT.PARAGRAPHS));
        Extractions.Outcome outcome = Extractions.await(api, List.of(ordinary), Duration.ofSeconds(30)).get(ordinary);
        Extractions.report("An ordinary file after the hostile ones", Map.of(ordinary, outcome));
        assertEquals("DONE", outcome.state(), "an ordinary text file waits behind the hostile ones: " + outcome);
        assertEquals("de", outcome.language(), outcome.toString());
        assertTrue(Extractions.normalised(Extractions.text(api, ordinary)).contains(ExtractionIT.PARAGRAPHS.get(1)));

        ApiClient.Answer storage = api.get("/admin/storage");
        assertEquals(200, storage.status(), storage.body());
        assertEquals(0, storage.json().getJsonNumber("missingBlobs").longValue(), storage.body());
    }

    /**
     * A 0-byte file is either taken (and extracted to nothing) or refused with a clear problem answer; which of the
     * two, the server decides. Null when refused.
     */
    private static Extractions.Upload emptyFile(ApiClient api, String slug) {
        long started = System.nanoTime();
        ApiClient.Answer answer = api.postMultipart("/groups/" + slug + "/documents",
                new ApiClient.Multipart().file("file", "Leer.txt", new byte[0]));
        if (answer.status() == 201) {
            JsonObject uploaded = answer.array().getJsonObject(0);
            return new Extractions.Upload("0-byte file", uploaded.getString("name"),
                    uploaded.getJsonNumber("documentId").longValue(), uploaded.getInt("number"), started);
        }
        assertEquals(400, answer.status(), "a 0-byte file is taken or refused as invalid: " + answer);
        assertEquals("application/problem+json", answer.contentType());
        assertFalse(answer.json().getString("detail", "").isBlank(), answer.body());
        System.out.println("\n0-byte file refused: " + answer.body());
        return null;
    }

    /** Done (with no more text than the cap allows) or failed with a known reason: never pending or running. */
    private static void finishedWithinLimits(Extractions.Outcome o) {
        assertTrue(o.finished(), o.toString());
        if (o.state().equals("DONE")) {
            assertTrue(o.chars() >= 0 && o.chars() <= MAX_CHARS, o.toString());
        } else {
            assertTrue(REASONS.contains(o.error()), "a reason a person is told: " + o);
        }
    }

    private static void corruptOrEmpty(Extractions.Outcome o) {
        finishedWithinLimits(o);
        if (o.state().equals("FAILED")) {
            assertEquals("corrupt", o.error(), o.toString());
        }
    }

    private static void cleanName(String name) {
        assertNotNull(name);
        assertFalse(name.isBlank());
        assertFalse(name.contains("/") || name.contains("\\"), "no path in " + name);
        assertFalse(name.startsWith("."), "no hidden or relative name: " + name);
        name.codePoints().forEach(cp -> {
            assertFalse(Character.isISOControl(cp), "control character U+" + Integer.toHexString(cp) + " in " + name);
            assertFalse(Character.getType(cp) == Character.FORMAT, "format character U+" + Integer.toHexString(cp) + " in " + name);
        });
        assertTrue(name.codePointCount(0, name.length()) <= 255, name);
    }

    /** Active content goes out as opaque bytes to be saved, never as a page of our origin. */
    private static void disguisedHtmlNeverRenders(ApiClient api, Extractions.Upload upload) {
        ApiClient.Binary file = api.download(upload.path() + "/content");
        assertEquals(200, file.status(), upload.label() + ": " + file);
        assertTrue(file.header("Content-Type").startsWith("application/octet-stream"),
                upload.label() + " served as " + file.header("Content-Type"));
        assertTrue(file.header("Content-Disposition").startsWith("attachment"),
                upload.label() + " offered " + file.header("Content-Disposition"));
        assertEquals("nosniff", file.header("X-Content-Type-Options"), upload.label());
    }

    /** The name in the download header is the cleaned one and cannot break out of the header. */
    private static void downloadNameIsSafe(ApiClient api, Extractions.Upload upload) {
        ApiClient.Binary file = api.download(upload.path() + "/content");
        assertEquals(200, file.status(), upload.label() + ": " + file);
        String disposition = file.header("Content-Disposition");
        assertNotNull(disposition, upload.label());
        disposition.chars().forEach(c -> assertTrue(c >= 0x20 && c < 0x7f, "header character " + c + " in " + disposition));
        assertTrue(disposition.contains("Sitzung"), disposition);
    }

    private static long timeOfMe(ApiClient api) {
        long start = System.nanoTime();
        ApiClient.Answer me = api.get("/me");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, me.status(), me.body());
        return millis;
    }
}
