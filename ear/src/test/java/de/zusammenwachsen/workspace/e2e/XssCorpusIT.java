package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebElement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The XSS corpus of {@code xss-payloads.txt} (at least 50 known payloads) in every place where people put text
 * that others see: as a thread title, as a post body, as a display name shown as author, and mentioned with
 * {@code @[Name]}. All of it is created through the REST API; then the thread pages, the board, the group page and
 * the notification pages are opened in Chromium. On every page: no dialog opened, no marker set
 * ({@code window.__xss}, {@code document.title = 'XSS'}), no element in the content with an event handler, no
 * script, frame, object, embed, style, SVG or MathML, no {@code javascript:}, {@code data:} or {@code vbscript:} URL,
 * and no Faces EL evaluated from user text; titles and names appear as the literal text that was typed.
 * All findings are collected and reported together.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XssCorpusIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    /** 9^5, computed by the corpus's EL payloads: it appears on a page only if user text was evaluated. */
    private static final String EVALUATED = "59049";
    private static final int AUTHORS = 10;
    private static final int MAX_NAME = 100;
    private static final int MAX_TITLE = 200;
    private static final Pattern CODE_POINT = Pattern.compile("\\{U\\+([0-9A-Fa-f]{4,6})}");
    private static final Pattern MENTIONABLE = Pattern.compile("[^\\[\\]\\n]{1,100}");

    /**
     * Looks through the page's main content for what the sanitizer must never let through. The page's own scripts
     * carry the CSP nonce (Chromium hides the attribute, the property stays), an injected one would not.
     */
    private static final String INSPECT = """
            const root = document.querySelector('main') || document.body;
            const found = [];
            const tags = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'BASE', 'META',
                'LINK', 'STYLE', 'SVG', 'MATH', 'TEMPLATE', 'NOSCRIPT', 'XMP', 'ISINDEX', 'KEYGEN', 'MARQUEE', 'AUDIO',
                'VIDEO', 'SOURCE', 'BGSOUND', 'PORTAL']);
            const urls = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background',
                'poster', 'srcset', 'dynsrc', 'lowsrc', 'codebase', 'cite', 'ping', 'longdesc', 'manifest']);
            const describe = e => '<' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '>';
            for (const e of root.querySelectorAll('*')) {
                const tag = e.tagName.toUpperCase();
                if (tag === 'SCRIPT' && e.nonce) continue;
                // The page's own template of the reaction kinds (discussion.js), never inside a post.
                if (tag === 'TEMPLATE' && e.id === 'reactionKinds' && !e.closest('.post-body')) continue;
                if (tags.has(tag)) found.push('element ' + describe(e));
                for (const a of e.attributes) {
                    const name = a.name.toLowerCase();
                    if (name.startsWith('on')) found.push('handler ' + name + ' on ' + describe(e));
                    if (name === 'srcdoc') found.push('srcdoc on ' + describe(e));
                    if (urls.has(name)) {
                        const value = a.value.replace(/[\\u0000-\\u0020\\u007f-\\u00a0\\u200b-\\u200f\\u2028\\u2029\\ufeff]/g, '').toLowerCase();
                        if (/^(javascript|data|vbscript|livescript|mocha|file):/.test(value)) {
                            found.push(name + '=' + a.value + ' on ' + describe(e));
                        }
                    }
                    if (name === 'style' && e.closest('.post-body')) found.push('style on ' + describe(e) + ' in a post');
                }
            }
            if (typeof window.__xss !== 'undefined') found.push('window.__xss was set');
            if (document.title === 'XSS') found.push('document.title was set');
            return found;
            """;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    /** One payload and where it went. */
    private record Case(int number, String payload, String title, String name, boolean mentionable, long threadId,
                        Long mentionPostId, Long authorPostId) {
    }

    @Test
    void noPayloadRunsOrInjectsAnElementAnywhere() throws Exception {
        List<String> payloads = payloads();
        assertTrue(payloads.size() >= 50, "the corpus holds at least 50 payloads, has " + payloads.size());

        Fixtures.Account host = Fixtures.createAccount(MAIL, "Hanna Gastgeberin");
        List<Fixtures.Account> authors = new ArrayList<>();
        for (int i = 0; i < AUTHORS; i++) {
            authors.add(Fixtures.createAccount(MAIL, "Autor " + i));
        }
        JsonObject group = Fixtures.createGroup("PRIVATE", "OPEN");
        String slug = group.getString("slug");
        for (Fixtures.Account a : concat(host, authors)) {
            assertEquals(201, a.api().post("/groups/" + slug + "/members").status());
        }

        List<String> findings = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        Set<Integer> resolved = new TreeSet<>();
        try (Browser browser = new Browser(); Browser authorBrowser = new Browser()) {
            Browser current = browser;
            try {
                Flows.logIn(browser, host.email(), Fixtures.PASSWORD);
                for (int i = 0; i < payloads.size(); i++) {
                    String payload = payloads.get(i);
                    Fixtures.Account author = authors.get(i % AUTHORS);
                    String title = payload.length() > MAX_TITLE ? payload.substring(0, MAX_TITLE) : payload;
                    String name = payload.strip().length() > MAX_NAME ? null : payload.strip();
                    boolean mentionable = name != null && MENTIONABLE.matcher(name).matches();
                    if (name != null) {
                        rename(author, name);
                    }
                    long threadId = start(host, slug, title, payload);
                    Long mentionPost = mentionable ? reply(host, threadId, "Danke @[" + name + "] für die Hilfe.") : null;
                    Long authorPost = name != null ? reply(author, threadId, "Antwort Nummer " + i) : null;
                    Case c = new Case(i, payload, title, name, mentionable, threadId, mentionPost, authorPost);
                    cases.add(c);

                    String where = "thread page of payload " + i + " " + payload;
                    if (open(browser, BASE + "/groups/thread.xhtml?slug=" + slug + "&id=" + threadId, where, findings)) {
                        inspect(browser, where, findings);
                        String heading = normal(text(browser, By.tagName("h1")));
                        expect(findings, heading.contains(normal(title)), where + ": the title is not shown as typed, h1 reads: " + heading);
                        if (authorPost != null) {
                            String article = normal(text(browser, By.id("post-" + authorPost)));
                            expect(findings, article.contains(normal(name)), where + ": the author's name is not shown as typed: " + article);
                        }
                        if (mentionPost != null) {
                            List<WebElement> spans = browser.driver.findElements(By.cssSelector("[id='post-" + mentionPost + "'] .mention"));
                            if (!spans.isEmpty()) {
                                resolved.add(i);
                                expect(findings, compact(spans.get(0).getText()).equals("@" + compact(name)),
                                        where + ": the mention does not show the name as typed: " + spans.get(0).getText());
                            }
                        }
                        expect(findings, !normal(text(browser, By.tagName("main"))).contains(EVALUATED), where + ": EL was evaluated");
                    }
                }

                // The board, page by page: every title listed as typed.
                List<String> listed = new ArrayList<>();
                String url = BASE + "/groups/discussions.xhtml?slug=" + slug;
                for (int page = 1; url != null && page < 20; page++) {
                    String where = "board page " + page;
                    if (!open(browser, url, where, findings)) {
                        break;
                    }
                    inspect(browser, where, findings);
                    browser.driver.findElements(By.cssSelector(".thread-title")).forEach(e -> listed.add(normal(e.getText())));
                    expect(findings, !text(browser, By.tagName("main")).contains(EVALUATED), where + ": EL was evaluated");
                    url = next(browser);
                }
                for (Case c : cases) {
                    expect(findings, listed.contains(normal(c.title())), "board: title of payload " + c.number() + " not listed as typed");
                }

                // The group page: the latest threads and the members (whose names are the last payloads).
                String where = "group page";
                if (open(browser, BASE + "/groups/group.xhtml?slug=" + slug, where, findings)) {
                    inspect(browser, where, findings);
                    List<String> latest = browser.driver.findElements(By.cssSelector("#latestThreads .thread-title")).stream()
                            .map(e -> normal(e.getText())).toList();
                    List<String> expected = new ArrayList<>(cases.subList(cases.size() - 5, cases.size()).stream()
                            .map(c -> normal(c.title())).toList());
                    Collections.reverse(expected);
                    expect(findings, latest.size() == 5 && latest.equals(expected), where + ": latest threads " + latest + ", expected " + expected);
                    expect(findings, !text(browser, By.tagName("main")).contains(EVALUATED), where + ": EL was evaluated");
                }

                // The host's notifications: replies by authors with payload names in threads with payload titles.
                String notifications = notificationPages(browser, "host's notifications", findings);
                for (Case c : cases) {
                    if (c.authorPostId() != null) {
                        expect(findings, notifications.contains(normal(c.title())), "host's notifications: title of payload "
                                + c.number() + " missing or not as typed");
                    }
                }

                // An author's notifications: the mentions, with the mentioned names in the excerpts.
                current = authorBrowser;
                Flows.logIn(authorBrowser, authors.get(0).email(), Fixtures.PASSWORD);
                String mentions = notificationPages(authorBrowser, "author's notifications", findings);
                for (Case c : cases) {
                    if (resolved.contains(c.number()) && c.number() % AUTHORS == 0) {
                        expect(findings, mentions.contains(normal(c.title())), "author's notifications: mention in the thread of payload "
                                + c.number() + " missing");
                    }
                }
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("xss-corpus");
                throw e;
            }
        }
        System.out.println("XssCorpusIT: " + payloads.size() + " payloads as titles and posts, "
                + cases.stream().filter(c -> c.name() != null).count() + " as display names, "
                + cases.stream().filter(Case::mentionable).count() + " mentioned, of which " + resolved.size()
                + " resolved to the member; not resolved: " + cases.stream().filter(c -> c.mentionable() && !resolved.contains(c.number()))
                .map(c -> c.number() + " " + c.name()).toList());
        assertEquals("", String.join("\n", findings), findings.size() + " findings");
    }

    /** The check itself, on a page made to fail it: it must report each kind of injection, and an open dialog. */
    @Test
    void theInspectionFindsWhatItLooksFor() throws Exception {
        try (Browser browser = new Browser()) {
            browser.driver.get("about:blank");
            browser.driver.executeScript("document.body.innerHTML = '<main><div class=\"post-body\" style=\"color:red\">"
                    + "<img src=x onerror=\"window.__xss=1\"><a href=\" JaVaScRiPt:alert(1)\">a</a><script>1</script>"
                    + "<iframe></iframe><svg></svg><img src=\"data:image/png;base64,AA==\"></div></main>';");
            Thread.sleep(300);
            List<String> findings = new ArrayList<>();
            inspect(browser, "test page", findings);
            String all = String.join("\n", findings);
            for (String expected : List.of("handler onerror", "href= JaVaScRiPt:alert(1)", "element <script>", "element <iframe>",
                    "element <svg>", "src=data:image/png", "style on <div>", "window.__xss was set")) {
                assertTrue(all.contains(expected), "the inspection misses " + expected + ":\n" + all);
            }
            browser.driver.executeScript("setTimeout(() => alert('XSS'), 0);");
            Thread.sleep(300);
            List<String> dialogs = new ArrayList<>();
            noDialog(browser, "test page", dialogs);
            assertEquals(List.of("test page: a dialog opened: XSS"), dialogs);
        }
    }

    /** Opens a page; an open dialog at any point is a finding (and ends the visit). */
    private static boolean open(Browser browser, String url, String where, List<String> findings) {
        try {
            browser.driver.get(url);
            // Handlers such as onerror and onfocus fire right after loading; give them the chance.
            Thread.sleep(300);
            if (!noDialog(browser, where, findings)) {
                return false;
            }
            if (browser.driver.findElements(By.tagName("main")).isEmpty()) {
                findings.add(where + ": the page did not load: " + browser.driver.getTitle());
                return false;
            }
            return true;
        } catch (UnhandledAlertException e) {
            findings.add(where + ": a dialog opened: " + e.getAlertText());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean noDialog(Browser browser, String where, List<String> findings) {
        try {
            String text = browser.driver.switchTo().alert().getText();
            browser.driver.switchTo().alert().dismiss();
            findings.add(where + ": a dialog opened: " + text);
            return false;
        } catch (NoAlertPresentException expected) {
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    private static void inspect(Browser browser, String where, List<String> findings) {
        try {
            List<Object> found = (List<Object>) browser.driver.executeScript(INSPECT);
            found.forEach(f -> findings.add(where + ": " + f));
            noDialog(browser, where, findings);
        } catch (UnhandledAlertException e) {
            findings.add(where + ": a dialog opened: " + e.getAlertText());
        }
    }

    /** All pages of the notification list of the logged-in person, inspected; their text, normalized. */
    private static String notificationPages(Browser browser, String name, List<String> findings) {
        StringBuilder all = new StringBuilder();
        String url = BASE + "/notifications.xhtml";
        for (int page = 1; url != null && page < 20; page++) {
            String where = name + ", page " + page;
            if (!open(browser, url, where, findings)) {
                break;
            }
            inspect(browser, where, findings);
            String text = normal(text(browser, By.tagName("main")));
            expect(findings, !text.contains(EVALUATED), where + ": EL was evaluated");
            all.append(text).append('\n');
            url = next(browser);
        }
        return all.toString();
    }

    /** The pager's link to the next page, if there is one. */
    private static String next(Browser browser) {
        List<WebElement> next = browser.driver.findElements(By.cssSelector("a[id$='nextPage']"));
        return next.isEmpty() ? null : next.get(0).getAttribute("href");
    }

    private static String text(Browser browser, By element) {
        List<WebElement> found = browser.driver.findElements(element);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static void expect(List<String> findings, boolean condition, String finding) {
        if (!condition) {
            findings.add(finding);
        }
    }

    /**
     * Text as a browser shows it: runs of white space as one space, without the invisible format characters (zero
     * width, direction overrides), which WebDriver may or may not report.
     */
    static String normal(String text) {
        return Objects.requireNonNullElse(text, "").replaceAll("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]", "")
                .replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    /**
     * Text without any white space, control or format characters: the sanitizer drops control characters such as a
     * form feed that a browser shows as a space, so names are compared by what is left.
     */
    static String compact(String text) {
        return Objects.requireNonNullElse(text, "").replaceAll("[\\s\\p{Cc}\\p{Cf}\\u00A0]", "");
    }

    private static void rename(Fixtures.Account account, String name) {
        ApiClient api = account.api();
        int version = api.get("/me").json().getInt("version");
        ApiClient.Answer renamed = api.put("/me", Json.createObjectBuilder().add("version", version).add("displayName", name).build());
        assertEquals(200, renamed.status(), "renaming to " + name + ": " + renamed);
    }

    private static long start(Fixtures.Account author, String slug, String title, String body) {
        ApiClient.Answer created = author.api().post("/groups/" + slug + "/threads",
                Json.createObjectBuilder().add("title", title).add("body", body).build());
        assertEquals(201, created.status(), "starting a thread titled " + title + ": " + created);
        return created.json().getJsonNumber("threadId").longValue();
    }

    private static Long reply(Fixtures.Account author, long threadId, String body) {
        ApiClient.Answer created = author.api().post("/threads/" + threadId + "/posts",
                Json.createObjectBuilder().add("body", body).build());
        assertEquals(201, created.status(), "replying " + body + ": " + created);
        return created.json().getJsonNumber("postId").longValue();
    }

    private static List<Fixtures.Account> concat(Fixtures.Account first, List<Fixtures.Account> rest) {
        List<Fixtures.Account> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** The corpus: comment lines ("# …") and blank lines skipped, {U+XXXX} replaced by that code point. */
    static List<String> payloads() throws IOException {
        List<String> payloads = new ArrayList<>();
        try (InputStream in = XssCorpusIT.class.getResourceAsStream("/xss-payloads.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, "xss-payloads.txt"),
                     StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.equals("#") || line.startsWith("# ")) {
                    continue;
                }
                Matcher m = CODE_POINT.matcher(line);
                StringBuilder payload = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(payload, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
                }
                m.appendTail(payload);
                payloads.add(payload.toString());
            }
        }
        return payloads;
    }
}
