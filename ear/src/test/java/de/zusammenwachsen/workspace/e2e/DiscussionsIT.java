package de.zusammenwachsen.workspace.e2e;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.zusammenwachsen.workspace.e2e.Flows.BASE;
import static de.zusammenwachsen.workspace.e2e.Flows.assertAccessible;
import static de.zusammenwachsen.workspace.e2e.Flows.clickAndWaitForNextPage;
import static de.zusammenwachsen.workspace.e2e.Flows.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Discussions in the browser, as the issue tells it: a member starts a thread in Markdown and mentions another
 * member picked from the autocompletion, checks the preview and publishes; the mentioned member sees the bell's
 * count and the notification, gets an e-mail whose link opens the post, sees the rendered Markdown, quotes a
 * passage and replies; the author sees the reply's notification; a moderator pins and locks the thread, which the
 * board then shows first with both markers, members can no longer reply and the moderator still can. Besides: an
 * edit conflict between two windows keeps the typed text, a double click publishes once, a deleted post leaves a
 * placeholder, and the thread page fits a 390 px phone. Every page visited passes axe-core.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiscussionsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Fixtures.mailServer();

    private static final Pattern THREAD_ID = Pattern.compile("[?&]id=(\\d+)");
    private static final Pattern POST_ID = Pattern.compile("post-(\\d+)");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void mentionNotifyMailQuoteReplyPinAndLock() throws Exception {
        Fixtures.Account anna = Fixtures.createAccount(MAIL, "Anna Arnold");
        Fixtures.Account berta = Fixtures.createAccount(MAIL, "Berta Brenner");
        Fixtures.Account moritz = Fixtures.createAccount(MAIL, "Moritz Moderator");
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", moritz.email()).getString("slug");
        join(anna, slug);
        join(berta, slug);
        String board = BASE + "/groups/discussions.xhtml?slug=" + slug;
        String title = "Radweg nach Zeitz";

        try (Browser a = new Browser(); Browser b = new Browser(); Browser m = new Browser()) {
            Browser current = a;
            try {
                // Anna starts a thread: Markdown, and Berta picked from the @-completion.
                Flows.logIn(a, anna.email(), Fixtures.PASSWORD);
                a.driver.get(board);
                waitFor(a, By.id("noThreads"));
                assertAccessible(a);
                clickAndWaitForNextPage(a, By.id("newThreadLink"));
                waitFor(a, By.id("newThreadForm:title"));
                assertAccessible(a);
                Flows.type(a, "newThreadForm:title", title);
                WebElement body = a.driver.findElement(By.id("newThreadForm:body"));
                body.sendKeys("# Unser Radweg\n\nWir planen:\n\n- Treffen am **Dienstag**\n"
                        + "- Karte auf [OpenStreetMap](https://www.openstreetmap.org/)\n\nWas meinst du, @Ber");
                WebElement suggestion = Flows.visible(a, By.cssSelector(".ui-autocomplete-panel .ui-autocomplete-item"));
                assertEquals("@[Berta Brenner]", suggestion.getText());
                a.screenshot("discussions-mention-completion");
                suggestion.click();
                until(a, "the mention in the text", () -> value(a, "newThreadForm:body").endsWith("@[Berta Brenner]"));
                body.sendKeys(" – passt dir der Termin?");
                a.driver.findElement(By.id("newThreadForm:preview")).click();
                waitForAjax(a);
                WebElement preview = Flows.visible(a, By.cssSelector("[id='newThreadForm:previewArea'] .post-body h3"));
                assertEquals("Unser Radweg", preview.getText());
                String previewText = a.driver.findElement(By.id("newThreadForm:previewArea")).getText();
                assertTrue(previewText.contains("@Berta Brenner") && previewText.contains("Dienstag"), previewText);
                assertTrue(a.driver.findElement(By.id("previewMentions")).getText().contains("Berta Brenner"));
                assertEquals("Dienstag", a.driver.findElement(By.cssSelector("[id='newThreadForm:previewArea'] strong")).getText());
                assertAccessible(a);
                clickAndWaitForNextPage(a, By.id("newThreadForm:publish"));
                waitFor(a, By.id("threadTitle"));
                assertEquals(title, a.driver.findElement(By.id("threadTitle")).getText());
                assertTrue(a.driver.findElement(By.cssSelector(".ui-messages-info")).getText().contains("veröffentlicht"));
                long threadId = threadId(a.driver.getCurrentUrl());
                long openingPost = postId(a.driver.findElement(By.cssSelector("article.post")));
                assertAccessible(a);

                // Berta: the bell counts the mention, the list names it.
                current = b;
                Flows.logIn(b, berta.email(), Fixtures.PASSWORD);
                WebElement bell = b.driver.findElement(By.id("notificationsLink"));
                assertEquals("Benachrichtigungen (1)", bell.getText());
                assertEquals("Benachrichtigungen, eine ungelesen", bell.getAttribute("aria-label"));
                clickAndWaitForNextPage(b, By.id("notificationsLink"));
                waitFor(b, By.id("notifications"));
                String listed = b.driver.findElement(By.id("notifications")).getText();
                assertTrue(listed.contains("Anna Arnold hat Sie in „" + title + "“ erwähnt"), listed);
                assertTrue(listed.contains("Gruppe " + slug), listed);
                assertAccessible(b);

                // ... and the mail, whose link opens the post.
                String mail = mailText(berta.email(), "erwähnt");
                assertTrue(mail.contains("Anna Arnold"), mail);
                Matcher link = Pattern.compile("(http://localhost:8080/groups/thread\\.xhtml\\?[A-Za-z0-9_%=&.-]+)(#post-\\d+)?").matcher(mail);
                assertTrue(link.find(), mail);
                assertTrue(link.group(1).contains("post=" + openingPost), link.group(1));
                b.driver.get(link.group(1) + (link.group(2) == null ? "" : link.group(2)));
                waitFor(b, By.id("post-" + openingPost));
                assertEquals(title, b.driver.findElement(By.id("threadTitle")).getText());
                WebElement opening = b.driver.findElement(By.id("post-" + openingPost));
                assertEquals("Unser Radweg", opening.findElement(By.cssSelector(".post-body h3")).getText());
                assertEquals(2, opening.findElements(By.cssSelector(".post-body ul li")).size());
                WebElement external = opening.findElement(By.cssSelector(".post-body a"));
                assertEquals("https://www.openstreetmap.org/", external.getAttribute("href"));
                assertEquals("nofollow noopener", external.getAttribute("rel"));
                assertEquals("@Berta Brenner", opening.findElement(By.cssSelector(".post-body .mention")).getText());
                assertAccessible(b);

                // A reaction, chosen from the kinds the post offers and toggled without leaving the page.
                assertTrue(opening.findElements(By.cssSelector("button.reaction")).isEmpty(), "no reactions given yet");
                opening.findElement(By.cssSelector("a.react-open")).click();
                WebElement like = opening.findElement(By.cssSelector("button.reaction"));
                assertEquals(like, b.driver.switchTo().activeElement(), "the first kind has the focus");
                assertAccessible(b);
                assertEquals("false", like.getAttribute("aria-pressed"));
                like.click();
                waitForAjax(b);
                until(b, "the reaction pressed", () -> "true".equals(b.driver.findElement(By.cssSelector("#post-" + openingPost + " button.reaction"))
                        .getAttribute("aria-pressed")));
                WebElement liked = b.driver.findElement(By.cssSelector("#post-" + openingPost + " button.reaction"));
                assertTrue(liked.getText().endsWith("1"), liked.getText());
                assertEquals("Gefällt mir (1)", liked.getAttribute("aria-label"));

                // Berta quotes a passage (selected in the post) and replies.
                b.driver.executeScript("var item = Array.from(document.querySelectorAll('#post-" + openingPost + " .post-body li'))"
                        + ".find(function (li) { return li.textContent.indexOf('Treffen') >= 0; });"
                        + "var range = document.createRange(); range.selectNodeContents(item);"
                        + "var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);");
                clickAndWaitForNextPage(b, By.cssSelector("#post-" + openingPost + " .quote-link"));
                waitFor(b, By.id("replyForm:body"));
                String quoted = value(b, "replyForm:body");
                assertTrue(quoted.startsWith("> Anna Arnold schrieb:\n>\n> Treffen am Dienstag"), quoted);
                assertFalse(quoted.contains("OpenStreetMap"), "only the selected passage is quoted: " + quoted);
                assertAccessible(b);
                WebElement reply = b.driver.findElement(By.id("replyForm:body"));
                reply.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
                reply.sendKeys("Dienstag passt mir gut, ich bringe die Karte mit.");
                clickAndWaitForNextPage(b, By.id("replyForm:publish"));
                waitFor(b, By.cssSelector(".ui-messages-info"));
                List<WebElement> posts = b.driver.findElements(By.cssSelector("article.post"));
                assertEquals(2, posts.size());
                WebElement answer = posts.get(1);
                String blockquote = answer.findElement(By.cssSelector(".post-body blockquote")).getText();
                assertTrue(blockquote.startsWith("Anna Arnold schrieb:") && blockquote.endsWith("Treffen am Dienstag"), blockquote);
                assertTrue(answer.findElement(By.cssSelector(".post-body")).getText().contains("ich bringe die Karte mit"));
                assertTrue(b.driver.getCurrentUrl().contains("#post-" + postId(answer)), b.driver.getCurrentUrl());
                assertAccessible(b);

                // Anna is told of the reply; opening the notification marks it read.
                current = a;
                a.driver.get(board);
                waitFor(a, By.id("threads"));
                assertEquals("Benachrichtigungen (1)", a.driver.findElement(By.id("notificationsLink")).getText());
                clickAndWaitForNextPage(a, By.id("notificationsLink"));
                waitFor(a, By.id("notifications"));
                WebElement notification = a.driver.findElement(By.cssSelector("#notifications .notification.unread"));
                assertTrue(notification.getText().contains("Berta Brenner hat in „" + title + "“ geantwortet"), notification.getText());
                assertTrue(notification.getText().contains("ich bringe die Karte mit"), notification.getText());
                assertAccessible(a);
                clickAndWaitForNextPage(a, By.cssSelector("#notifications .notification.unread .notification-open"));
                waitFor(a, By.id("post-" + postId(answer)));
                assertTrue(a.driver.getCurrentUrl().contains("post=" + postId(answer)), a.driver.getCurrentUrl());
                assertEquals("Benachrichtigungen", a.driver.findElement(By.id("notificationsLink")).getText());
                assertTrue(a.driver.findElement(By.cssSelector("#post-" + postId(answer) + " .marker-fresh")).isDisplayed(),
                        "the reply is new to Anna");

                // Moritz starts a second thread, then pins and locks the first.
                current = m;
                Flows.logIn(m, moritz.email(), Fixtures.PASSWORD);
                m.driver.get(board);
                clickAndWaitForNextPage(m, By.id("newThreadLink"));
                Flows.type(m, "newThreadForm:title", "Sommerfest");
                m.driver.findElement(By.id("newThreadForm:body")).sendKeys("Wer hilft beim Aufbau?");
                clickAndWaitForNextPage(m, By.id("newThreadForm:publish"));
                waitFor(m, By.id("threadTitle"));
                m.driver.get(BASE + "/groups/thread.xhtml?slug=" + slug + "&id=" + threadId);
                waitFor(m, By.id("moderationForm:pin"));
                assertAccessible(m);
                clickAndWaitForNextPage(m, By.id("moderationForm:pin"));
                waitFor(m, By.id("pinnedNotice"));
                clickAndWaitForNextPage(m, By.id("moderationForm:lock"));
                waitFor(m, By.id("lockedNotice"));
                assertTrue(m.driver.findElements(By.id("moderationForm:unpin")).size() == 1
                        && m.driver.findElements(By.id("moderationForm:unlock")).size() == 1);
                assertAccessible(m);
                m.driver.get(board);
                waitFor(m, By.id("threads"));
                WebElement first = m.driver.findElement(By.cssSelector("#threads > li"));
                assertEquals("thread-" + threadId, first.getAttribute("id"), "the pinned thread comes first");
                String markers = first.findElement(By.cssSelector(".markers")).getText();
                assertTrue(markers.contains("Angeheftet") && markers.contains("Gesperrt"), markers);
                assertEquals(title, first.findElement(By.cssSelector(".thread-title")).getText());
                assertTrue(first.getText().contains("1 Antwort"), first.getText());
                m.screenshot("discussions-board");
                assertAccessible(m);
                m.driver.findElement(By.id("filter-PINNED")).click();
                until(m, "the pinned filter", () -> m.driver.getCurrentUrl().contains("filter=PINNED"));
                assertEquals(1, m.driver.findElements(By.cssSelector("#threads > li")).size());
                assertAccessible(m);

                // Berta may no longer reply; Moritz still may.
                current = b;
                b.driver.get(BASE + "/groups/thread.xhtml?slug=" + slug + "&id=" + threadId);
                waitFor(b, By.id("replyLocked"));
                assertTrue(b.driver.findElements(By.id("replyForm")).isEmpty(), "no reply form in a locked thread");
                assertTrue(b.driver.findElements(By.cssSelector(".quote-link")).isEmpty());
                assertAccessible(b);
                current = m;
                m.driver.get(BASE + "/groups/thread.xhtml?slug=" + slug + "&id=" + threadId);
                waitFor(m, By.id("lockedModeratorHint"));
                m.driver.findElement(By.id("replyForm:body")).sendKeys("Wir sprechen in der nächsten Sitzung weiter.");
                clickAndWaitForNextPage(m, By.id("replyForm:publish"));
                waitFor(m, By.cssSelector(".ui-messages-info"));
                assertEquals(3, m.driver.findElements(By.cssSelector("article.post")).size());
                assertTrue(m.driver.findElements(By.cssSelector("article.post")).get(2).getText().contains("nächsten Sitzung"));
                fullPage(m, "discussions-thread");
                assertAccessible(m);
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("discussions-failure");
                throw e;
            }
        }
    }

    @Test
    void editConflictDoubleClickDeleteAndPhoneWidth() throws Exception {
        Fixtures.Account anna = Fixtures.createAccount(MAIL, "Anja Autorin");
        Fixtures.Account bernd = Fixtures.createAccount(MAIL, "Bernd Beispiel");
        String slug = Fixtures.createGroup("PUBLIC", "OPEN").getString("slug");
        join(anna, slug);
        join(bernd, slug);
        String board = BASE + "/groups/discussions.xhtml?slug=" + slug;

        try (Browser a1 = new Browser(); Browser a2 = new Browser(); Browser b = new Browser()) {
            Browser current = a1;
            try {
                // A double click on "Veröffentlichen" starts one thread.
                Flows.logIn(a1, anna.email(), Fixtures.PASSWORD);
                a1.driver.get(BASE + "/groups/new-thread.xhtml?slug=" + slug);
                waitFor(a1, By.id("newThreadForm:title"));
                a1.driver.findElement(By.id("newThreadForm:publish")).click();
                waitFor(a1, By.id("newThreadForm:titleMessage"));
                assertEquals("Bitte geben Sie dem Thema einen Titel.", a1.driver.findElement(By.id("newThreadForm:titleMessage")).getText());
                assertAccessible(a1);
                Flows.type(a1, "newThreadForm:title", "Protokoll der Sitzung");
                a1.driver.findElement(By.id("newThreadForm:publish")).click();
                waitFor(a1, By.id("newThreadForm:bodyMessage"));
                assertEquals("Protokoll der Sitzung", value(a1, "newThreadForm:title"), "the typed title is kept");
                assertTrue(a1.driver.findElement(By.id("newThreadForm:bodyMessage")).getText().contains("Text"));
                a1.driver.findElement(By.id("newThreadForm:body")).sendKeys("Erste Fassung des Protokolls.\n\n"
                        + "| Punkt | Verantwortlich | Termin | Stand | Bemerkung | Nächster Schritt |\n|---|---|---|---|---|---|\n"
                        + "| Radwegekonzept Burgenlandkreis | Arbeitsgruppe Mobilität | Dienstag | offen | Rücksprache mit der Verwaltung | Antrag |\n\n"
                        + "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsverordnung\n\n"
                        + "    Code mit einer sehr langen Zeile, die auf dem Telefon nicht umbrechen darf und deshalb scrollt.");
                doubleClickAndWaitForNextPage(a1, By.id("newThreadForm:publish"));
                waitFor(a1, By.id("threadTitle"));
                String threadUrl = a1.driver.getCurrentUrl().replaceAll("#.*$", "");
                long threadId = threadId(threadUrl);
                long opening = postId(a1.driver.findElement(By.cssSelector("article.post")));
                a1.driver.get(board);
                waitFor(a1, By.id("threads"));
                assertEquals(1, a1.driver.findElements(By.cssSelector("#threads > li")).size(), "one thread after a double click");

                // Bernd replies with a double click: one post.
                current = b;
                Flows.logIn(b, bernd.email(), Fixtures.PASSWORD);
                b.driver.get(BASE + "/groups/thread.xhtml?slug=" + slug + "&id=" + threadId);
                waitFor(b, By.id("replyForm:body"));
                b.driver.findElement(By.id("replyForm:body")).sendKeys("Doppelt geklickt, einmal gesendet.");
                doubleClickAndWaitForNextPage(b, By.id("replyForm:publish"));
                waitFor(b, By.cssSelector("article.post"));
                b.driver.get(BASE + "/groups/thread.xhtml?slug=" + slug + "&id=" + threadId);
                waitFor(b, By.cssSelector("article.post"));
                List<WebElement> posts = b.driver.findElements(By.cssSelector("article.post"));
                assertEquals(2, posts.size(), "one reply after a double click");
                long replyId = postId(posts.get(1));

                // A delete button names its post. One changed in the page to name Anna's opening post (as a forger
                // would) deletes nothing: the boundary refuses, and the page says so.
                ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("document.querySelector("
                        + "'#post-" + replyId + " button.delete-post').value = '" + opening + "';");
                WebElement forged = b.driver.findElement(By.tagName("html"));
                b.driver.findElement(By.cssSelector("#post-" + replyId + " button.delete-post")).click();
                Flows.visible(b, By.id("confirmYes")).click();
                Flows.waitForNextPage(b, forged);
                assertTrue(b.driver.findElement(By.id("messages")).getText().contains("Das dürfen Sie hier nicht"),
                        b.driver.findElement(By.id("messages")).getText());
                // The page came back from a form, whose address lacks the thread: the language switch knows it still.
                assertTrue(b.driver.findElement(By.cssSelector("#languageForm input[name='back']")).getAttribute("value")
                        .contains("id=" + threadId), "language switch after a postback");
                b.driver.get(BASE + "/groups/thread.xhtml?slug=" + slug + "&id=" + threadId);
                waitFor(b, By.cssSelector("article.post"));
                assertTrue(b.driver.findElements(By.id("post-" + opening + "-deleted")).isEmpty(), "nothing deleted");
                assertTrue(b.driver.findElements(By.id("post-" + replyId + "-deleted")).isEmpty(), "nor the reply");

                // Asked first: "Nein" in the confirmation leaves the post as it is.
                b.driver.findElement(By.cssSelector("#post-" + replyId + " button.delete-post")).click();
                Flows.visible(b, By.id("confirmNo")).click();
                assertTrue(b.driver.findElements(By.id("post-" + replyId + "-deleted")).isEmpty(), "kept after Nein");

                // Bernd deletes his reply: a placeholder stays.
                WebElement delete = b.driver.findElement(By.cssSelector("#post-" + replyId + " button.delete-post"));
                WebElement page = b.driver.findElement(By.tagName("html"));
                delete.click();
                Flows.visible(b, By.id("confirmYes")).click();
                Flows.waitForNextPage(b, page);
                waitFor(b, By.id("post-" + replyId + "-deleted"));
                WebElement deleted = b.driver.findElement(By.id("post-" + replyId));
                assertTrue(deleted.getText().contains("gelöscht"), deleted.getText());
                assertTrue(deleted.findElements(By.cssSelector(".post-body")).isEmpty(), "the text is gone");
                assertTrue(deleted.findElements(By.cssSelector("button.delete-post")).isEmpty());
                assertAccessible(b);

                // Anna edits the opening post in two windows: the second save conflicts and keeps its text.
                current = a2;
                Flows.logIn(a2, anna.email(), Fixtures.PASSWORD);
                String editUrl = threadUrl + "&edit=" + opening + "#post-" + opening;
                a1.driver.get(editUrl);
                a2.driver.get(editUrl);
                By editor = By.cssSelector("#post-" + opening + " textarea");
                By save = By.cssSelector("#post-" + opening + " button[id$='saveEdit']");
                waitFor(a1, editor);
                waitFor(a2, editor);
                assertTrue(a1.driver.findElement(editor).getAttribute("value").startsWith("Erste Fassung des Protokolls."));
                assertAccessible(a2);
                current = a1;
                replaceText(a1.driver.findElement(editor), "Zweite Fassung aus dem ersten Fenster.");
                clickAndWaitForNextPage(a1, save);
                waitFor(a1, By.cssSelector(".ui-messages-info"));
                assertEquals("Zweite Fassung aus dem ersten Fenster.", a1.driver.findElement(By.cssSelector("#post-" + opening + " .post-body")).getText());
                current = a2;
                replaceText(a2.driver.findElement(editor), "Dritte Fassung aus dem zweiten Fenster.");
                clickAndWaitForNextPage(a2, save);
                waitFor(a2, By.cssSelector(".ui-messages-error"));
                assertTrue(a2.driver.findElement(By.cssSelector(".ui-messages-error")).getText().contains("inzwischen geändert"),
                        a2.driver.findElement(By.cssSelector(".ui-messages-error")).getText());
                assertEquals("Dritte Fassung aus dem zweiten Fenster.", a2.driver.findElement(editor).getAttribute("value"),
                        "the typed text is kept");
                assertTrue(a2.driver.findElement(By.id("currentVersion")).getText().contains("Zweite Fassung aus dem ersten Fenster."));
                a2.screenshot("discussions-edit-conflict");
                assertAccessible(a2);
                clickAndWaitForNextPage(a2, save);
                waitFor(a2, By.cssSelector(".ui-messages-info"));
                WebElement edited = a2.driver.findElement(By.id("post-" + opening));
                assertEquals("Dritte Fassung aus dem zweiten Fenster.", edited.findElement(By.cssSelector(".post-body")).getText());
                assertEquals("bearbeitet", edited.findElement(By.cssSelector(".marker-edited")).getText());

                // Phone width: the thread page fits, wide tables and code scroll inside the post.
                current = b;
                b.driver.manage().window().setSize(new Dimension(390, 844));
                restoreWideContent(a1, threadUrl, opening);
                for (String url : List.of(threadUrl, board, BASE + "/groups/new-thread.xhtml?slug=" + slug, BASE + "/notifications.xhtml")) {
                    b.driver.get(url);
                    waitFor(b, By.tagName("h1"));
                    Object overflow = b.driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                    assertTrue(((Number) overflow).intValue() <= 0, "no horizontal scrolling at 390 px on " + url + ": " + overflow);
                    assertAccessible(b);
                }
                b.driver.get(threadUrl);
                waitFor(b, By.cssSelector("article.post .post-body table"));
                fullPage(b, "discussions-phone");
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("discussions-failure-2");
                throw e;
            }
        }
    }

    @Test
    void moderatorReadsHistoryHidesMovesTrashesAndRestores() throws Exception {
        Fixtures.Account author = Fixtures.createAccount(MAIL, "Hanna Hinweis");
        Fixtures.Account moderator = Fixtures.createAccount(MAIL, "Malte Moderation");
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", moderator.email()).getString("slug");
        String other = Fixtures.createGroup("PRIVATE", "REQUEST", moderator.email()).getString("slug");
        join(author, slug);

        try (Browser a = new Browser(); Browser m = new Browser()) {
            Browser current = a;
            try {
                // The author starts a thread and changes its text once.
                Flows.logIn(a, author.email(), Fixtures.PASSWORD);
                a.driver.get(BASE + "/groups/new-thread.xhtml?slug=" + slug);
                Flows.type(a, "newThreadForm:title", "Telefonliste");
                a.driver.findElement(By.id("newThreadForm:body")).sendKeys("Erreichbar unter 0345 123456.");
                clickAndWaitForNextPage(a, By.id("newThreadForm:publish"));
                waitFor(a, By.id("threadTitle"));
                String threadUrl = a.driver.getCurrentUrl().replaceAll("#.*$", "");
                long post = postId(a.driver.findElement(By.cssSelector("article.post")));
                clickAndWaitForNextPage(a, By.cssSelector("#post-" + post + " .edit-link"));
                replaceText(a.driver.findElement(By.cssSelector("#post-" + post + " textarea")), "Bitte rufen Sie im Büro an.");
                clickAndWaitForNextPage(a, By.cssSelector("#post-" + post + " button[id$='saveEdit']"));
                waitFor(a, By.cssSelector(".marker-edited"));

                // The moderator reads the history ...
                current = m;
                Flows.logIn(m, moderator.email(), Fixtures.PASSWORD);
                m.driver.get(threadUrl);
                clickAndWaitForNextPage(m, By.cssSelector("#post-" + post + " .history-link"));
                waitFor(m, By.cssSelector("#post-" + post + " .revision"));
                assertEquals("Erreichbar unter 0345 123456.", m.driver.findElement(By.cssSelector("#post-" + post + " .revision-text")).getText());
                assertTrue(m.driver.findElement(By.cssSelector("#post-" + post + " .revision .meta")).getText().contains("Hanna Hinweis"));
                assertAccessible(m);

                // ... hides the post with a reason (none: refused), and shows it again.
                clickAndWaitForNextPage(m, By.cssSelector("#post-" + post + " .hide-link"));
                By reason = By.cssSelector("#post-" + post + " input[id$='hideReason']");
                By hide = By.cssSelector("#post-" + post + " button[id$='hidePost']");
                waitFor(m, reason);
                assertAccessible(m);
                clickAndWaitForNextPage(m, hide);
                waitFor(m, By.cssSelector(".ui-messages-error"));
                assertTrue(m.driver.findElement(By.cssSelector(".ui-messages-error")).getText().contains("Grund"));
                m.driver.findElement(reason).sendKeys("Persönliche Daten");
                clickAndWaitForNextPage(m, hide);
                waitFor(m, By.id("post-" + post + "-hidden"));
                WebElement hidden = m.driver.findElement(By.id("post-" + post));
                assertTrue(hidden.findElement(By.cssSelector(".hidden-reason")).getText().contains("Persönliche Daten"));
                assertEquals("Bitte rufen Sie im Büro an.", hidden.findElement(By.cssSelector(".post-body")).getText(),
                        "moderators still read the hidden text");
                assertAccessible(m);
                current = a;
                a.driver.get(threadUrl);
                waitFor(a, By.id("post-" + post + "-hidden"));
                WebElement seen = a.driver.findElement(By.id("post-" + post));
                assertTrue(seen.findElements(By.cssSelector(".post-body")).isEmpty(), "members do not read a hidden post");
                assertFalse(seen.getText().contains("Persönliche Daten"), "nor the reason");
                assertAccessible(a);
                current = m;
                m.driver.get(threadUrl);
                clickAndWaitForNextPage(m, By.cssSelector("#post-" + post + " button[id$='unhide']"));
                waitFor(m, By.cssSelector(".ui-messages-info"));
                assertTrue(m.driver.findElements(By.id("post-" + post + "-hidden")).isEmpty());

                // Moved into the moderator's private group: the author, no member there, loses it.
                new org.openqa.selenium.support.ui.Select(m.driver.findElement(By.id("moveForm:moveTarget"))).selectByValue(other);
                WebElement page = m.driver.findElement(By.tagName("html"));
                m.driver.findElement(By.id("moveForm:move")).click();
                Flows.visible(m, By.id("confirmYes")).click();
                Flows.waitForNextPage(m, page);
                waitFor(m, By.id("threadTitle"));
                assertTrue(m.driver.findElement(By.cssSelector(".breadcrumbs")).getText().contains("Gruppe " + other));
                String movedUrl = m.driver.getCurrentUrl().replaceAll("#.*$", "");
                current = a;
                a.driver.get(movedUrl);
                waitFor(a, By.tagName("h1"));
                assertTrue(a.driver.findElements(By.id("threadTitle")).isEmpty(), "404 for a thread of a group one cannot read");

                // Trashed by the moderator, listed in the board's trash, restored from there.
                current = m;
                page = m.driver.findElement(By.tagName("html"));
                m.driver.findElement(By.id("moderationForm:trash")).click();
                Flows.visible(m, By.id("confirmYes")).click();
                Flows.waitForNextPage(m, page);
                waitFor(m, By.id("boardHeading"));
                assertTrue(m.driver.findElements(By.cssSelector(".thread-title")).isEmpty(), "a trashed thread leaves the board");
                clickAndWaitForNextPage(m, By.id("filter-TRASH"));
                waitFor(m, By.cssSelector("#threads .marker-trashed"));
                assertAccessible(m);
                page = m.driver.findElement(By.tagName("html"));
                m.driver.findElement(By.cssSelector("#threads button.restore")).click();
                Flows.visible(m, By.id("confirmYes")).click();
                Flows.waitForNextPage(m, page);
                waitFor(m, By.cssSelector(".ui-messages-info"));
                waitFor(m, By.id("noThreads"));
                m.driver.findElement(By.id("filter-ALL")).click();
                waitFor(m, By.cssSelector(".thread-title"));
                assertEquals("Telefonliste", m.driver.findElement(By.cssSelector(".thread-title")).getText());
            } catch (AssertionError | RuntimeException e) {
                current.screenshot("discussions-failure-3");
                throw e;
            }
        }
    }

    /** Puts the wide table and long words back into the opening post, for the phone check. */
    private static void restoreWideContent(Browser browser, String threadUrl, long opening) {
        browser.driver.get(threadUrl + "&edit=" + opening + "#post-" + opening);
        By editor = By.cssSelector("#post-" + opening + " textarea");
        waitFor(browser, editor);
        replaceText(browser.driver.findElement(editor), "Wieder mit Tabelle.\n\n"
                + "| Punkt | Verantwortlich | Termin | Stand | Bemerkung | Nächster Schritt |\n|---|---|---|---|---|---|\n"
                + "| Radwegekonzept Burgenlandkreis | Arbeitsgruppe Mobilität | Dienstag | offen | Rücksprache mit der Verwaltung | Antrag |\n\n"
                + "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsverordnung\n\n"
                + "    Code mit einer sehr langen Zeile, die auf dem Telefon nicht umbrechen darf und deshalb scrollt.");
        clickAndWaitForNextPage(browser, By.cssSelector("#post-" + opening + " button[id$='saveEdit']"));
        waitFor(browser, By.cssSelector(".ui-messages-info"));
    }

    /**
     * The bell counts unread notifications up to 99 and shows more as "99+" (it stops counting there: a member with
     * hundreds unread made every page count all of them); the REST API still gives the exact number.
     */
    @Test
    void theBellShowsMoreThanNinetyNineAsNinetyNinePlus() throws Exception {
        Fixtures.Account writer = Fixtures.createAccount(MAIL, "Walter Vielschreiber");
        Fixtures.Account reader = Fixtures.createAccount(MAIL, "Rita Leserin");
        String slug = Fixtures.createGroup("PUBLIC", "OPEN", writer.email()).getString("slug");
        join(reader, slug);
        ApiClient.Answer started = writer.api().post("/groups/" + slug + "/threads", jakarta.json.Json.createObjectBuilder()
                .add("title", "Viele Nachträge").add("body", "Hier sammle ich Nachträge.").build());
        assertEquals(201, started.status(), started.body());
        long threadId = started.json().getJsonNumber("threadId").longValue();
        // Her reply makes the reader follow the thread: each of the writer's 100 replies notifies her.
        post(reader, threadId, "Ich lese mit.");
        for (int i = 1; i <= 100; i++) {
            post(writer, threadId, "Nachtrag " + i);
        }
        assertEquals(100, reader.api().get("/notifications/unread-count").json().getInt("count"));

        try (Browser browser = new Browser()) {
            try {
                Flows.logIn(browser, reader.email(), Fixtures.PASSWORD);
                WebElement bell = browser.driver.findElement(By.id("notificationsLink"));
                assertEquals("Benachrichtigungen (99+)", bell.getText());
                assertEquals("Benachrichtigungen, mehr als 99 ungelesen", bell.getAttribute("aria-label"));
                assertAccessible(browser);

                long first = reader.api().get("/notifications?size=1").json().getJsonArray("items").getJsonObject(0)
                        .getJsonNumber("id").longValue();
                assertEquals(204, reader.api().post("/notifications/" + first + "/read").status());
                browser.driver.get(BASE + "/dashboard.xhtml");
                waitFor(browser, By.id("notificationsLink"));
                bell = browser.driver.findElement(By.id("notificationsLink"));
                assertEquals("Benachrichtigungen (99)", bell.getText());
                assertEquals("Benachrichtigungen, 99 ungelesen", bell.getAttribute("aria-label"));
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("DiscussionsIT-bell");
                throw e;
            }
        }
    }

    private static void post(Fixtures.Account as, long threadId, String body) {
        ApiClient.Answer posted = as.api().post("/threads/" + threadId + "/posts",
                jakarta.json.Json.createObjectBuilder().add("body", body).build());
        assertEquals(201, posted.status(), posted.body());
    }

    private static void join(Fixtures.Account account, String slug) {
        ApiClient.Answer joined = account.api().post("/groups/" + slug + "/members");
        assertEquals(201, joined.status(), joined.body());
    }

    private static String value(Browser browser, String id) {
        return browser.driver.findElement(By.id(id)).getAttribute("value");
    }

    private static void replaceText(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        field.sendKeys(Keys.DELETE);
        field.sendKeys(text);
    }

    private static long threadId(String url) {
        Matcher m = THREAD_ID.matcher(url);
        assertTrue(m.find(), url);
        return Long.parseLong(m.group(1));
    }

    private static long postId(WebElement article) {
        Matcher m = POST_ID.matcher(article.getAttribute("id"));
        assertTrue(m.matches(), article.getAttribute("id"));
        return Long.parseLong(m.group(1));
    }

    /** Double-clicks a submit button, as an impatient person does, and waits for the page that answers. */
    private static void doubleClickAndWaitForNextPage(Browser browser, By button) {
        WebElement page = browser.driver.findElement(By.tagName("html"));
        new Actions(browser.driver).doubleClick(browser.driver.findElement(button)).perform();
        Flows.waitForNextPage(browser, page);
    }

    private static void waitForAjax(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                browser.driver.executeScript("return !!window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty();")));
    }

    private static void until(Browser browser, String what, BooleanSupplier condition) {
        // A script may replace what the condition looks at while it looks: that is "not yet", not a failure.
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.getAsBoolean());
    }

    /** The plain-text part of the newest mail to {@code recipient} whose subject contains {@code subject}. */
    private static String mailText(String recipient, String subject) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            MimeMessage[] messages = MAIL.getReceivedMessagesForDomain(recipient);
            for (int i = messages.length - 1; i >= 0; i--) {
                if (messages[i].getSubject().contains(subject)) {
                    String text = plain(messages[i]);
                    if (text != null) {
                        return text;
                    }
                    fail("no text/plain part in the mail '" + messages[i].getSubject() + "'");
                }
            }
            Thread.sleep(250);
        }
        fail("no mail '" + subject + "' to " + recipient);
        return null;
    }

    private static String plain(Part part) throws Exception {
        return MailParts.plain(part);
    }

    /** A screenshot of the whole page; the window keeps its size afterwards. */
    private static void fullPage(Browser browser, String name) {
        Dimension before = browser.driver.manage().window().getSize();
        Number height = (Number) browser.driver.executeScript("return document.documentElement.scrollHeight;");
        browser.driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(6000, height.intValue() + 150)));
        browser.screenshot(name);
        browser.driver.manage().window().setSize(before);
    }
}
