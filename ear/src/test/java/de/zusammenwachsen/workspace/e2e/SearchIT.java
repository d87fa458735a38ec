package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search from the browser, as a member of the network uses it: suggestions in the header's search box while typing
 * (an ARIA combobox, followed with the keyboard), a search for another inflection of a word with its umlaut changed,
 * the results page with the highlighted passage, a type facet that narrows the hits, the hit leading to its page,
 * the empty state and the empty query; the REST answer of the same search; and the administrator rebuilding the
 * index from the administration page while searching goes on. Every page visited passes axe-core, the results page
 * also at phone width. All data is made through the REST API: a public group with a Markdown document (its text
 * extracted before the test looks for it) and a discussion thread, both mentioning the group's "Häckselplätze".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    /** A word of the document and thread, found by its singular with the umlaut undone: "Häckselplatz". */
    static final String WORD = "Häckselplätze";
    static final String QUERY = "Häckselplatz";
    /** The document's title; its rare first word is typed into the header box. */
    static final String TITLE = "Quendelwiesen Pflegeplan";
    static final String TYPED = "Quendel";
    /** A word only at the end of a long text. */
    static final String DEEP_WORD = "Kopfweidenschnitt";
    /** Laws imported for the rebuild, so that it runs long enough to be watched. */
    static final int LAWS = 300;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    /** What the tests share: the people, the group and what it holds. */
    private record World(Fixtures.Account moderator, Fixtures.Account reader, String slug, long documentId, long threadId) {
    }

    private static World world;

    private static synchronized World world() throws Exception {
        if (world == null) {
            Fixtures.Account moderator = Fixtures.createAccount(MAIL, "Hanna Hecke");
            Fixtures.Account reader = Fixtures.createAccount(MAIL, "Rudi Rundgang");
            String slug = Fixtures.createGroup("PUBLIC", "OPEN", moderator.email()).getString("slug");
            ApiClient api = moderator.api();
            String markdown = "# " + TITLE + "\n\nDie " + WORD + " am Streuobsthang pflegen wir im Herbst gemeinsam; "
                    + "Astschnitt und Laub kommen dorthin und nicht in den Graben.\n\n## Termine\n\n- Samstag nach "
                    + "dem Erntedankfest\n- Werkzeug bringt jede und jeder selbst mit\n";
            ApiClient.Answer uploaded = expect(201, api.postMultipart("/groups/" + slug + "/documents",
                    new ApiClient.Multipart().file("file", "pflegeplan.md", markdown.getBytes(StandardCharsets.UTF_8))));
            long documentId = uploaded.array().getJsonObject(0).getJsonNumber("documentId").longValue();
            int version = expect(200, api.get("/documents/" + documentId)).json().getInt("version");
            expect(200, api.patch("/documents/" + documentId, Json.createObjectBuilder().add("version", version)
                    .add("title", TITLE).build()));
            waitForExtraction(api, documentId);
            JsonObject thread = expect(201, api.post("/groups/" + slug + "/threads", Json.createObjectBuilder()
                    .add("title", "Arbeitseinsatz im Herbst")
                    .add("body", "Wer hilft an den " + WORD + "n mit? Wir treffen uns am Tor.").build())).json();
            long threadId = thread.getJsonNumber("threadId").longValue();
            world = new World(moderator, reader, slug, documentId, threadId);
            // Written to the index with the commit; the document's text once extracted. Wait until both are found.
            until("document and thread found by the API", () -> {
                JsonObject result = search(reader.api(), "q=" + encode(QUERY) + "&group=" + slug);
                return hasHit(result, "document", documentId) && hasHit(result, "thread", threadId);
            });
        }
        return world;
    }

    @Test
    void memberSearchesFromTheHeaderNarrowsByTypeAndFollowsTheHit() throws Exception {
        World w = world();
        try (Browser browser = new Browser()) {
            try {
                Flows.logIn(browser, w.reader().email(), Fixtures.PASSWORD);
                browser.driver.get(BASE + "/dashboard.xhtml");
                waitFor(browser, By.id("siteSearchQuery"));

                // Suggestions while typing: the document's title, chosen with the arrow keys and followed with Enter.
                WebElement box = browser.driver.findElement(By.id("siteSearchQuery"));
                assertEquals("combobox", box.getAttribute("role"));
                assertEquals("false", box.getAttribute("aria-expanded"));
                box.sendKeys(TYPED);
                WebElement listbox = Flows.visible(browser, By.id("siteSearchSuggestions"));
                until(browser, "the document's title suggested",
                        () -> listbox.getText().contains(TITLE));
                assertEquals("listbox", listbox.getAttribute("role"));
                assertEquals("true", box.getAttribute("aria-expanded"));
                assertEquals("siteSearchSuggestions", box.getAttribute("aria-controls"));
                box.sendKeys(Keys.ESCAPE);
                until(browser, "Escape closes the list", () -> !listbox.isDisplayed());
                assertEquals("false", box.getAttribute("aria-expanded"));
                assertEquals(TYPED, box.getAttribute("value"), "Escape keeps the text");
                box.sendKeys(Keys.ARROW_DOWN);
                until(browser, "ArrowDown opens the list again", listbox::isDisplayed);
                // axe-core finishes its run in a window of its own; the box loses the focus then and closes its list
                // as it does whenever the focus leaves. One more letter (a space) asks again.
                assertAccessible(browser);
                box.sendKeys(" ");
                until(browser, "the list open again", () -> listbox.isDisplayed() && listbox.getText().contains(TITLE));
                WebElement chosen = null;
                for (int i = 0; i < 8 && chosen == null; i++) {
                    box.sendKeys(Keys.ARROW_DOWN);
                    String active = box.getAttribute("aria-activedescendant");
                    assertNotNull(active, "an option is active");
                    WebElement option = browser.driver.findElement(By.id(active));
                    assertEquals("true", option.getAttribute("aria-selected"));
                    if (option.getText().contains(TITLE)) {
                        chosen = option;
                    }
                }
                assertNotNull(chosen, "the document's suggestion can be reached with the arrow keys");
                assertTrue(chosen.getText().contains("Dokument"), chosen.getText());
                WebElement page = browser.driver.findElement(By.tagName("html"));
                box.sendKeys(Keys.ENTER);
                Flows.waitForNextPage(browser, page);
                until(browser, "the document page", () -> browser.driver.getCurrentUrl()
                        .endsWith("/groups/document.xhtml?id=" + w.documentId()));
                waitFor(browser, By.id("documentTitle"));
                assertEquals(TITLE, browser.driver.findElement(By.id("documentTitle")).getText());

                // A search from the header box for the singular, without the plural's umlaut.
                search(browser, QUERY);
                assertTrue(browser.driver.getCurrentUrl().contains("/search.xhtml?q="), browser.driver.getCurrentUrl());
                WebElement hit = browser.driver.findElement(hitOf("document", w.documentId()));
                List<WebElement> marks = hit.findElements(By.cssSelector(".hit-passage mark"));
                assertFalse(marks.isEmpty(), "the passage marks the word: " + hit.getText());
                assertEquals(WORD, marks.get(0).getText());
                assertEquals(TITLE, hit.findElement(By.cssSelector(".hit-link")).getText());
                assertTrue(hit.getText().contains("Dokument") && hit.getText().contains("Gruppe " + w.slug()), hit.getText());
                assertFalse(browser.driver.findElements(hitOf("thread", w.threadId())).isEmpty(), "the thread is found too");
                assertFalse(browser.driver.findElements(By.cssSelector("#facet-group li[data-key='" + w.slug() + "']")).isEmpty(),
                        "the group is a facet");
                assertAccessible(browser);

                // The type facet "Dokument": only documents remain, as many as it counted.
                WebElement documents = browser.driver.findElement(By.cssSelector("#facet-type li[data-key='document'] a.facet-link"));
                assertTrue(documents.getText().startsWith("Dokument"), documents.getText());
                long counted = Long.parseLong(documents.findElement(By.cssSelector(".facet-count")).getText().replaceAll("\\D", ""));
                long before = total(browser);
                assertTrue(before > counted, "the thread is among the hits as well: " + before + " > " + counted);
                Flows.clickAndWaitForNextPage(browser, By.cssSelector("#facet-type li[data-key='document'] a.facet-link"));
                waitFor(browser, By.id("resultCount"));
                assertTrue(browser.driver.getCurrentUrl().contains("type=document"), browser.driver.getCurrentUrl());
                assertEquals(counted, total(browser));
                List<WebElement> hits = browser.driver.findElements(By.cssSelector(".search-hit"));
                assertFalse(hits.isEmpty());
                assertTrue(hits.stream().allMatch(h -> "document".equals(h.getAttribute("data-kind"))), "only documents");
                WebElement selected = browser.driver.findElement(By.cssSelector("#facet-type li.selected[data-key='document']"));
                assertEquals("true", selected.findElement(By.cssSelector("[aria-current]")).getAttribute("aria-current"));
                assertFalse(selected.findElements(By.cssSelector("a.facet-remove")).isEmpty(), "a link removes the facet");
                assertTrue(browser.driver.findElement(By.id("activeFilters")).getText().contains("Dokument"));
                browser.screenshot("search-results");
                assertAccessible(browser);

                // The hit leads to the document.
                Flows.clickAndWaitForNextPage(browser, By.cssSelector(cssOf("document", w.documentId()) + " a.hit-link"));
                waitFor(browser, By.id("documentTitle"));
                assertTrue(browser.driver.getCurrentUrl().endsWith("/groups/document.xhtml?id=" + w.documentId()),
                        browser.driver.getCurrentUrl());

                // Nothing found: the empty state with tips; no text: the box says what is missing.
                search(browser, "Zqxwvjkbpfz");
                waitFor(browser, By.id("noHits"));
                assertEquals(0, total(browser));
                assertTrue(browser.driver.findElement(By.id("noHits")).getText().contains("Keine Treffer"));
                assertAccessible(browser);
                browser.driver.get(BASE + "/search.xhtml?q=");
                waitFor(browser, By.id("queryError"));
                assertEquals("true", browser.driver.findElement(By.id("q")).getAttribute("aria-invalid"));
                assertTrue(browser.driver.findElements(By.id("searchHits")).isEmpty());
                assertAccessible(browser);

                // Search within the group, from its page, and within its documents, from the library.
                browser.driver.get(BASE + "/groups/group.xhtml?slug=" + w.slug());
                waitFor(browser, By.id("groupSearchQuery"));
                assertAccessible(browser);
                Flows.type(browser, "groupSearchQuery", QUERY);
                Flows.clickAndWaitForNextPage(browser, By.id("groupSearchButton"));
                waitFor(browser, By.id("searchHits"));
                assertTrue(browser.driver.getCurrentUrl().contains("group=" + w.slug()), browser.driver.getCurrentUrl());
                assertTrue(browser.driver.findElement(By.id("activeFilters")).getText().contains("Gruppe " + w.slug()));
                browser.driver.get(BASE + "/groups/documents.xhtml?slug=" + w.slug());
                waitFor(browser, By.id("librarySearchQuery"));
                assertAccessible(browser);
                Flows.type(browser, "librarySearchQuery", QUERY);
                Flows.clickAndWaitForNextPage(browser, By.id("librarySearchButton"));
                waitFor(browser, By.id("searchHits"));
                assertTrue(browser.driver.getCurrentUrl().contains("type=document"), browser.driver.getCurrentUrl());
                assertEquals(1, total(browser), "the group's one document");
                assertFalse(browser.driver.findElements(hitOf("document", w.documentId())).isEmpty());

                // A phone: no sideways scrolling, with the header box on a line of its own.
                browser.driver.manage().window().setSize(new Dimension(390, 844));
                browser.driver.get(BASE + "/search.xhtml?q=" + encode(QUERY));
                waitFor(browser, By.id("searchHits"));
                Object overflow = browser.driver.executeScript(
                        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
                assertEquals(Boolean.FALSE, overflow, "no horizontal scrolling at 390 px");
                assertTrue(browser.driver.findElement(By.id("siteSearchQuery")).isDisplayed());
                browser.screenshot("search-phone");
                assertAccessible(browser);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("SearchIT-member");
                throw e;
            }
        }
    }

    @Test
    void theApiAnswersTheSameSearchWithFacetsAndRefusesBadParameters() throws Exception {
        World w = world();
        ApiClient api = w.reader().api();
        JsonObject result = search(api, "q=" + encode(QUERY) + "&group=" + w.slug() + "&type=document&type=thread");
        assertEquals(QUERY, result.getString("query"));
        assertEquals(1, result.getInt("page"));
        assertEquals(20, result.getInt("size"));
        assertEquals(2, result.getJsonNumber("total").longValue(), result.toString());
        JsonObject document = hit(result, "document", w.documentId());
        assertEquals(TITLE, document.getString("title"));
        assertTrue(document.getString("passage").contains("<mark>" + WORD + "</mark>"), document.toString());
        assertEquals("/groups/document.xhtml?id=" + w.documentId(), document.getString("link"));
        assertEquals(w.slug(), document.getJsonObject("group").getString("slug"));
        assertEquals(Fixtures.ACTION_FIELD, document.getJsonObject("actionField").getString("slug"));
        assertEquals("Hanna Hecke", document.getJsonObject("author").getString("name"));
        JsonArray types = result.getJsonObject("facets").getJsonArray("type");
        assertTrue(types.stream().map(JsonValue::asJsonObject)
                .anyMatch(t -> t.getString("key").equals("document") && t.getString("label").equals("Dokument")
                        && t.getInt("count") == 1), types.toString());
        assertEquals(1, search(api, "q=" + encode(QUERY) + "&group=" + w.slug() + "&type=document,thread&size=1")
                .getJsonArray("hits").size());

        // Found by its title alone: the passage is the start of its text, unmarked, rather than nothing.
        JsonObject byTitle = hit(search(api, "q=Arbeitseinsatz&group=" + w.slug() + "&type=thread"), "thread", w.threadId());
        assertEquals("Wer hilft an den " + WORD + "n mit? Wir treffen uns am Tor.", byTitle.getString("passage"),
                byTitle.toString());

        JsonArray suggestions = expect(200, api.get("/search/suggestions?q=" + TYPED)).array();
        assertTrue(suggestions.stream().map(JsonValue::asJsonObject)
                .anyMatch(s -> s.getString("title").equals(TITLE) && s.getString("type").equals("document")
                        && s.getString("link").equals("/groups/document.xhtml?id=" + w.documentId())), suggestions.toString());
        assertEquals(0, expect(200, api.get("/search/suggestions?q=Q")).array().size());

        // The header box's own address answers the same for the session, and nothing to another site's page.
        HttpResponse<String> crossSite = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(BASE + "/search/suggestions?q=" + TYPED)).header("Sec-Fetch-Site", "cross-site").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode());

        expectProblem(400, "rest.parameter.invalid", api.get("/search?q=" + encode(QUERY) + "&from=gestern"));
        expectProblem(400, "rest.parameter.invalid", api.get("/search?q=" + encode(QUERY) + "&type=unbekannt"));
        expectProblem(400, "rest.parameter.invalid", api.get("/search?q=" + encode(QUERY) + "&page=0"));
        expectProblem(400, "rest.parameter.invalid", api.get("/search?q=" + encode(QUERY) + "&sort=zufall"));
        expectProblem(400, "search.query.empty", api.get("/search?q=%20"));
        expect(404, api.get("/search?q=" + encode(QUERY) + "&group=gibt-es-nicht"));

        expectProblem(401, "error.loginRequired", ApiClient.guest().get("/admin/search-index"));
        expectProblem(403, "error.forbidden", api.get("/admin/search-index"));
        expectProblem(403, "error.forbidden", api.post("/admin/search-index/rebuild"));
        JsonObject status = expect(200, Fixtures.admin().get("/admin/search-index")).json();
        assertTrue(status.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(i -> i.getString("key").equals("document") && i.getJsonNumber("count").longValue() >= 1), status.toString());
    }

    /**
     * A word that lies beyond the stored start of a long text (10,000 characters): the hit shows the text's opening
     * and says where the marked passage is; that address answers it from the whole text, for whoever may read the
     * item, and 404 for whoever may not. On the results page, search.js puts it in place of the opening.
     */
    @Test
    void aWordDeepInALongTextGetsItsMarkedPassageFromTheWholeText() throws Exception {
        World w = world();
        Fixtures.Account outsider = Fixtures.createAccount(MAIL, "Olga Außenstehend");
        String privateSlug = Fixtures.createGroup("PRIVATE", "REQUEST", w.moderator().email()).getString("slug");
        String filler = "Der Verein pflegt die Wege am Bach und mäht die Wiesen zweimal im Jahr. ".repeat(200);
        String text = filler + "Zuletzt kommt der " + DEEP_WORD + " an die Reihe, mit Leiter und Säge.\n";
        long open = longDocument(w.moderator().api(), w.slug(), "lange-notiz.txt", text);
        long closed = longDocument(w.moderator().api(), privateSlug, "geheime-notiz.txt", text);
        until("both long documents found by their deep word", () -> {
            JsonObject result = search(w.moderator().api(), "q=" + DEEP_WORD);
            return hasHit(result, "document", open) && hasHit(result, "document", closed);
        });

        JsonObject hit = hit(search(w.reader().api(), "q=" + DEEP_WORD), "document", open);
        assertFalse(hit.getString("passage").contains("<mark>"), "the opening, unmarked: " + hit);
        assertTrue(hit.getString("passage").startsWith("Der Verein pflegt"), hit.toString());
        String link = hit.getString("passageLink");
        assertEquals("/api/v1/search/passage?type=document&id=" + open + "&q=" + DEEP_WORD, link);
        String passage = expect(200, w.reader().api().get(link.substring("/api/v1".length()))).json().getString("passage");
        assertTrue(passage.contains("<mark>" + DEEP_WORD + "</mark>"), passage);
        assertTrue(passage.startsWith("…"), "it starts inside the text: " + passage);
        JsonObject shortText = hit(search(w.reader().api(), "q=" + encode(QUERY)), "document", w.documentId());
        assertFalse(shortText.containsKey("passageLink"), "a short text's hit has its passage already: " + shortText);

        // The private group's copy: found by its moderator, not found and not answered for anyone else.
        String closedLink = "/search/passage?type=document&id=" + closed + "&q=" + DEEP_WORD;
        assertTrue(expect(200, w.moderator().api().get(closedLink)).json().getString("passage").contains("<mark>"));
        assertFalse(hasHit(search(outsider.api(), "q=" + DEEP_WORD), "document", closed));
        expect(404, outsider.api().get(closedLink));
        expect(404, w.reader().api().get(closedLink));
        expect(404, ApiClient.guest().get(closedLink));
        expect(404, w.reader().api().get("/search/passage?type=document&id=99999999&q=" + DEEP_WORD));
        expectProblem(400, "rest.parameter.invalid", w.reader().api().get("/search/passage?type=unbekannt&id=" + open + "&q=x"));
        expectProblem(400, "rest.parameter.invalid", w.reader().api().get("/search/passage?type=document&id=eins&q=x"));
        expectProblem(400, "search.query.empty", w.reader().api().get("/search/passage?type=document&id=" + open + "&q=%20"));

        // The page: the session's own address answers the same; the opening is replaced by the marked passage.
        try (Browser browser = new Browser()) {
            try {
                Flows.logIn(browser, w.reader().email(), Fixtures.PASSWORD);
                browser.driver.get(BASE + "/search.xhtml?q=" + DEEP_WORD);
                waitFor(browser, By.id("searchHits"));
                assertTrue(browser.driver.findElements(hitOf("document", closed)).isEmpty(), "the private copy is not found");
                WebElement found = browser.driver.findElement(hitOf("document", open));
                until(browser, "the marked passage in place of the opening",
                        () -> !found.findElements(By.cssSelector(".hit-passage mark")).isEmpty());
                assertEquals(DEEP_WORD, found.findElement(By.cssSelector(".hit-passage mark")).getText());
                assertAccessible(browser);
                Object status = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(function (r) { done(r.status); });", BASE + closedLink);
                assertEquals(404L, ((Number) status).longValue(), "the session's address refuses the private copy too");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("SearchIT-deep");
                throw e;
            }
        }
    }

    /**
     * The security probe's query: a guest sent twenty words with {@code ~} (similar spellings), which Lucene expanded
     * beyond its limit of clauses; the answer was a 500 and a stack trace of 400 lines in the log. Now the query is
     * refused before it runs, as a 400 problem with a clear German message, and the results page shows the message
     * next to the box. Long queries of ordinary words are still searched up to 40 words, and refused beyond.
     */
    @Test
    void aQueryOfManyTypoTolerantWordsIsRefusedWithAClearMessage() throws Exception {
        World w = world();
        String probe = "a~2 b~2 c~2 d~2 e~2 f~2 g~2 h~2 i~2 j~2 k~2 l~2 m~2 n~2 o~2 p~2 q~2 r~2 s~2 t~2";
        ApiClient.Answer refused = ApiClient.guest().get("/search?q=" + encode(probe));
        expectProblem(400, "search.query.tooManyExpansions", refused);
        assertTrue(refused.json().getString("detail").contains("zu viele Wörter mit ~"), refused.body());
        expectProblem(400, "search.query.tooManyExpansions", w.reader().api().get("/search?q=" + encode(probe)));
        assertEquals(200, ApiClient.guest().get("/search/suggestions?q=" + encode(probe)).status(),
                "suggestions while typing never answer an error");

        // A pasted sentence of 37 ordinary words is searched (nothing holds all of them), and so are twenty single
        // letters without operators, whose typo-tolerant retry is left out; 60 words are refused.
        String sentence = "Wir treffen uns am Samstag um neun Uhr am Tor der alten Schule und pflegen gemeinsam die "
                + "Wiese am Bach, schneiden die Hecken, sammeln das Laub und bringen danach alles zum Platz hinter "
                + "der Kirche im Dorf";
        assertEquals(0, search(ApiClient.guest(), "q=" + encode(sentence)).getJsonNumber("total").longValue());
        search(w.reader().api(), "q=" + encode(sentence));
        search(ApiClient.guest(), "q=" + encode("a b c d e f g h i j k l m n o p q r s t"));
        search(w.reader().api(), "q=" + encode("a b c d e f g h i j k l m n o p q r s t"));
        expectProblem(400, "search.query.tooManyTerms", ApiClient.guest().get("/search?q=" + encode("Weg ".repeat(60))));

        try (Browser browser = new Browser()) {
            try {
                Flows.logIn(browser, w.reader().email(), Fixtures.PASSWORD);
                browser.driver.get(BASE + "/search.xhtml?q=" + encode(probe));
                waitFor(browser, By.id("queryError"));
                assertTrue(browser.driver.findElement(By.id("queryError")).getText().contains("zu viele Wörter mit ~"),
                        browser.driver.findElement(By.id("queryError")).getText());
                assertEquals("true", browser.driver.findElement(By.id("q")).getAttribute("aria-invalid"));
                assertEquals(probe, browser.driver.findElement(By.id("q")).getAttribute("value"), "the query is kept to correct");
                assertTrue(browser.driver.findElements(By.id("searchHits")).isEmpty());
                assertAccessible(browser);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("SearchIT-probe");
                throw e;
            }
        }
    }

    /** A text file, its extraction waited for; its id. */
    private static long longDocument(ApiClient api, String slug, String name, String text) throws InterruptedException {
        ApiClient.Answer uploaded = expect(201, api.postMultipart("/groups/" + slug + "/documents",
                new ApiClient.Multipart().file("file", name, text.getBytes(StandardCharsets.UTF_8))));
        long id = uploaded.array().getJsonObject(0).getJsonNumber("documentId").longValue();
        waitForExtraction(api, id);
        return id;
    }

    @Test
    void administratorRebuildsTheIndexWhileSearchingGoesOn() throws Exception {
        World w = world();
        ApiClient admin = Fixtures.admin();
        String lawsGroup = Fixtures.createGroup("PRIVATE", "INVITATION").getString("slug");
        List<Path> laws;
        try (Stream<Path> files = Files.list(Corpus.gesetze())) {
            laws = files.filter(f -> f.toString().endsWith(".md")).sorted().limit(LAWS).toList();
        }
        Path zip = Corpus.zip(laws, Path.of("target", "search-it", Fixtures.unique("gesetze") + ".zip"));
        SearchQualityIT.importAndWait(admin, lawsGroup, zip, laws.size());

        try (Browser browser = new Browser()) {
            try {
                Flows.logInAsAdministrator(browser);
                browser.driver.get(BASE + "/admin/index.xhtml");
                waitFor(browser, By.id("searchIndexSection"));
                long documents = Long.parseLong(browser.driver.findElement(By.cssSelector("#indexItems li[data-key='document']"))
                        .getText().replaceAll("\\D", ""));
                assertTrue(documents >= LAWS + 1, "documents in the index: " + documents);
                assertAccessible(browser);

                WebElement page = browser.driver.findElement(By.tagName("html"));
                Flows.clickAndConfirm(browser, By.id("searchIndex:rebuild"));
                Flows.waitForNextPage(browser, page);
                waitFor(browser, By.id("searchIndexSection"));
                assertTrue(browser.driver.findElement(By.cssSelector(".ui-messages-info")).getText().contains("begonnen"));
                WebElement progress = browser.driver.findElement(By.id("rebuildProgress"));
                assertTrue(progress.isDisplayed(), "the progress bar shows while the rebuild runs");

                // Searching goes on meanwhile, and finds what was there before.
                JsonObject during = expect(200, admin.get("/admin/search-index")).json().getJsonObject("rebuild");
                JsonObject result = search(w.reader().api(), "q=" + encode(QUERY) + "&group=" + w.slug());
                JsonObject after = expect(200, admin.get("/admin/search-index")).json().getJsonObject("rebuild");
                System.out.println("SearchIT: before the search during the rebuild " + during + ", after it " + after);
                assertTrue(after.getBoolean("running"), "the search was made while the rebuild ran: " + after);
                assertTrue(hasHit(result, "document", w.documentId()), "found during the rebuild: " + result);
                expectProblem(409, "search.rebuild.running", admin.post("/admin/search-index/rebuild"));

                assertFalse(browser.driver.findElement(By.id("searchIndex:rebuild")).isEnabled(), "one rebuild at a time");
                browser.screenshot("search-rebuild-running");
                assertAccessible(browser);

                // The page asks for the progress by itself and shows the end without being reloaded.
                new WebDriverWait(browser.driver, Duration.ofSeconds(300)).withMessage("the rebuild to finish on the page")
                        .until(d -> !d.findElements(By.id("rebuildFinished")).isEmpty());
                assertTrue(browser.driver.findElements(By.id("rebuildProgress")).isEmpty());
                assertTrue(browser.driver.findElements(By.id("rebuildError")).isEmpty(),
                        browser.driver.findElement(By.id("searchIndexSection")).getText());
                assertTrue(browser.driver.findElement(By.id("searchIndex:rebuild")).isEnabled());
                assertAccessible(browser);

                JsonObject rebuild = expect(200, admin.get("/admin/search-index")).json().getJsonObject("rebuild");
                assertFalse(rebuild.getBoolean("running"), rebuild.toString());
                assertEquals(rebuild.getJsonNumber("total").longValue(), rebuild.getJsonNumber("done").longValue(), rebuild.toString());
                assertTrue(rebuild.getJsonNumber("done").longValue() >= LAWS, rebuild.toString());
                System.out.println("SearchIT: rebuild of " + rebuild.getJsonNumber("done") + " items from "
                        + rebuild.getString("startedAt") + " to " + rebuild.getString("finishedAt"));
                assertTrue(hasHit(search(w.reader().api(), "q=" + encode(QUERY) + "&group=" + w.slug()), "document", w.documentId()),
                        "found after the rebuild");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("SearchIT-admin");
                throw e;
            }
        }
    }

    /** Types the text into the header's box, sends it with Enter and waits for the results page. */
    private static void search(Browser browser, String text) {
        WebElement box = browser.driver.findElement(By.id("siteSearchQuery"));
        box.clear();
        box.sendKeys(text);
        WebElement page = browser.driver.findElement(By.tagName("html"));
        box.sendKeys(Keys.ENTER);
        Flows.waitForNextPage(browser, page);
        waitFor(browser, By.id("resultCount"));
    }

    private static long total(Browser browser) {
        return Long.parseLong(browser.driver.findElement(By.id("resultCount")).getAttribute("data-total"));
    }

    private static String cssOf(String kind, long id) {
        return "li.search-hit[data-kind='" + kind + "'][data-id='" + id + "']";
    }

    private static By hitOf(String kind, long id) {
        return By.cssSelector(cssOf(kind, id));
    }

    private static void waitForExtraction(ApiClient api, long documentId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        JsonObject version = expect(200, api.get("/documents/" + documentId + "/versions/1")).json();
        while (!List.of("DONE", "FAILED").contains(version.getString("extractionState"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            version = expect(200, api.get("/documents/" + documentId + "/versions/1")).json();
        }
        assertEquals("DONE", version.getString("extractionState"), version.toString());
    }

    private static JsonObject search(ApiClient api, String query) {
        return expect(200, api.get("/search?" + query)).json();
    }

    private static boolean hasHit(JsonObject result, String type, long id) {
        return result.getJsonArray("hits").stream().map(JsonValue::asJsonObject)
                .anyMatch(h -> h.getString("type").equals(type) && h.getJsonNumber("id").longValue() == id);
    }

    private static JsonObject hit(JsonObject result, String type, long id) {
        return result.getJsonArray("hits").stream().map(JsonValue::asJsonObject)
                .filter(h -> h.getString("type").equals(type) && h.getJsonNumber("id").longValue() == id)
                .findFirst().orElseThrow(() -> new AssertionError(type + " " + id + " not in " + result));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static ApiClient.Answer expect(int status, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.toString());
        return answer;
    }

    private static void expectProblem(int status, String code, ApiClient.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(code, answer.json().getString("code"), answer.body());
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(250);
        }
    }

    private static void until(Browser browser, String what, BooleanSupplier condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).withMessage(what).until(d -> condition.getAsBoolean());
    }
}
