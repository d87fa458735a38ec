package de.zusammenwachsen.workspace.discussion.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer("https://arbeitsraum.example.org");

    private String html(String markdown) {
        return renderer.render(markdown, name -> null).text().html();
    }

    @Test
    void rendersTheUsualMarkdown() {
        String html = html("# Titel\n\n**fett** und *kursiv*, `code`\n\n- eins\n- zwei\n\n1. a\n2. b\n\n> Zitat\n\n```java\nint x;\n```\n\n| A | B |\n|---|:-:|\n| 1 | 2 |\n\n~~weg~~");
        assertTrue(html.contains("<h3>Titel</h3>"), html);
        assertTrue(html.contains("<strong>fett</strong>"), html);
        assertTrue(html.contains("<em>kursiv</em>"), html);
        assertTrue(html.contains("<ul>") && html.contains("<ol>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<code class=\"language-java\">"), html);
        assertTrue(html.contains("<table>") && html.contains("<td align=\"center\">2</td>"), html);
        assertTrue(html.contains("<del>weg</del>"), html);
    }

    @Test
    void linksLeavingTheWorkspaceAreNofollow() {
        String html = html("[extern](https://example.com/x) und [intern](/groups/group.xhtml?slug=a) und "
                + "[absolut](https://arbeitsraum.example.org/groups/x)");
        assertTrue(html.contains("<a href=\"https://example.com/x\" rel=\"nofollow noopener\">extern</a>"), html);
        assertTrue(html.contains("<a href=\"/groups/group.xhtml?slug&#61;a\">intern</a>"), html);
        assertTrue(html.contains("<a href=\"https://arbeitsraum.example.org/groups/x\">absolut</a>"), html);
    }

    @Test
    void scriptHandlersAndDangerousUrlsNeverSurvive() {
        for (String attack : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)",
                "![x](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>", "<svg onload=alert(1)>",
                "[x](&#106;avascript:alert(1))", "<iframe src=\"https://evil\"></iframe>", "[x]( javascript:alert(1))",
                "[x](<javascript:alert(1)>)", "![x](https://evil.example/track.png)", "<div style=\"x:expression(alert(1))\">")) {
            String html = html(attack).toLowerCase();
            // Escaped text may still spell the attack; what counts is what is inside tags.
            String tags = String.join(" ", java.util.regex.Pattern.compile("<[a-z][^>]*>").matcher(html).results()
                    .map(java.util.regex.MatchResult::group).toList());
            assertFalse(tags.contains("<script") || tags.contains("onerror") || tags.contains("onload")
                    || tags.contains("javascript:") || tags.contains("data:") || tags.contains("<iframe")
                    || tags.contains("<svg") || tags.contains("src=\"https://evil") || tags.contains("style="),
                    attack + " → " + html);
        }
    }

    @Test
    void imagesOnlyFromTheWorkspacesOwnFiles() {
        assertTrue(html("![Plan](/files/42)").contains("<img src=\"/files/42\" alt=\"Plan\" />"), html("![Plan](/files/42)"));
        assertFalse(html("![Plan](/files/42/../../x)").contains("<img"));
        assertFalse(html("![Plan](//evil.example/files/42)").contains("<img"));
    }

    @Test
    void mentionsResolveOnlyForKnownMembersAndNeverInCode() {
        Map<String, Long> members = Map.of("Anna Schmidt", 7L);
        MarkdownRenderer.Result result = renderer.render("Hallo @[Anna Schmidt] und @[Niemand], `@[Anna Schmidt]`",
                members::get);
        String html = result.text().html();
        assertEquals(List.of(7L), result.mentioned());
        assertTrue(html.contains("<span class=\"mention\">&#64;Anna Schmidt</span>"), html);
        assertTrue(html.contains("@[Niemand]") || html.contains("&#64;[Niemand]"), html);
        assertTrue(html.contains("<code>&#64;[Anna Schmidt]</code>") || html.contains("<code>@[Anna Schmidt]</code>"), html);
        assertTrue(result.text().plain().contains("@Anna Schmidt"), result.text().plain());
    }

    @Test
    void mentionsInsideEmphasisAndAfterOtherTextAreFound() {
        MarkdownRenderer.Result result = renderer.render("*Frage an @[Bo]:* und dann @[Bo] nochmal\n\n- @[Cy]",
                Map.of("Bo", 1L, "Cy", 2L)::get);
        assertEquals(List.of(1L, 2L), result.mentioned());
    }

    @Test
    void rawHtmlIsShownAsText() {
        String html = html("<b>fett?</b>");
        assertTrue(html.contains("&lt;b&gt;fett?&lt;/b&gt;"), html);
    }

    @Test
    void lineBreaksAreKept() {
        assertTrue(html("Zeile eins\nZeile zwei").contains("Zeile eins<br />"), html("Zeile eins\nZeile zwei"));
    }
}
