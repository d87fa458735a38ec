package de.zusammenwachsen.workspace.discussion.control;

import de.zusammenwachsen.workspace.discussion.entity.RenderedText;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentNodeRendererContext;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a post's Markdown into HTML that is safe to put into a page and into an e-mail, in two independent layers:
 * commonmark-java renders with raw HTML escaped and unsafe link targets dropped, then the OWASP sanitizer keeps only a
 * fixed list of elements and attributes (so that a renderer bug cannot let script through). Headings move two levels
 * down so that a post never competes with the page's own headings; images may only come from the workspace's own
 * download URLs (documents of a group, checked again on download); links leaving the workspace get
 * {@code rel="nofollow noopener"}.
 *
 * <p>Mentions are written {@code @[Name]}; the caller resolves names to accounts (the members of the group).
 */
public final class MarkdownRenderer {

    /** The version of these rules; posts rendered by older rules are rendered again when read. */
    public static final int RULES = 1;

    static final Pattern MENTION = Pattern.compile("@\\[([^\\[\\]\\n]{1,100})]");
    private static final Pattern OWN_FILE = Pattern.compile("^/files/\\d{1,18}$");

    private final List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
            AutolinkExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(extensions)
            .escapeHtml(true).sanitizeUrls(true).softbreak("<br />\n")
            .nodeRendererFactory(MentionHtml::new).build();
    private final TextContentRenderer text = TextContentRenderer.builder().extensions(extensions)
            .nodeRendererFactory(MentionText::new).build();
    private final PolicyFactory policy;
    private final String ownOrigin;

    public MarkdownRenderer(String baseUrl) {
        this.ownOrigin = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.policy = new HtmlPolicyBuilder()
                .allowElements("p", "br", "hr", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li",
                        "table", "thead", "tbody", "tr", "th", "td")
                .allowElements((name, attrs) -> "h" + Math.min(6, name.charAt(1) - '0' + 2), "h1", "h2", "h3", "h4", "h5", "h6")
                .allowAttributes("align").matching(false, "left", "center", "right").onElements("th", "td")
                .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
                .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,30}")).onElements("code")
                .allowElements("span")
                .allowAttributes("class").matching(false, "mention").onElements("span")
                .allowUrlProtocols("http", "https", "mailto")
                .allowElements(this::link, "a")
                .allowAttributes("href").onElements("a")
                .allowAttributes("title").onElements("a", "img")
                .allowElements(this::image, "img")
                .allowAttributes("src").matching((element, attribute, value) -> ownFile(value) ? value : null).onElements("img")
                .allowAttributes("alt").onElements("img")
                .toFactory();
    }

    /** Renders with mentions resolved by {@code members} (a name as written → account id, or null). */
    public Result render(String markdown, Function<String, Long> members) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        Set<Long> mentioned = new LinkedHashSet<>();
        TextCollector texts = new TextCollector();
        document.accept(texts);
        texts.found.forEach(t -> resolveMentions(t, members, mentioned));
        String rendered = policy.sanitize(html.render(document));
        String plain = text.render(document);
        return new Result(new RenderedText(markdown, rendered, plain, RULES), List.copyOf(mentioned));
    }

    /** The names written as mentions, so that the caller can look up only those. */
    public static Set<String> mentionedNames(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        if (markdown != null) {
            Matcher m = MENTION.matcher(markdown);
            while (m.find()) {
                names.add(m.group(1).strip());
            }
        }
        return names;
    }

    private boolean ownFile(String url) {
        String path = url.startsWith(ownOrigin + "/") ? url.substring(ownOrigin.length()) : url;
        return OWN_FILE.matcher(path).matches();
    }

    private String link(String element, List<String> attrs) {
        int href = attrs.indexOf("href");
        if (href < 0 || href % 2 != 0) {
            // A link without a target is just text; keep it as a span so that its words remain.
            return "span";
        }
        String url = attrs.get(href + 1);
        boolean external = (url.startsWith("http://") || url.startsWith("https://") || url.startsWith("//"))
                && !url.startsWith(ownOrigin + "/") && !url.equals(ownOrigin);
        if (external) {
            attrs.add("rel");
            attrs.add("nofollow noopener");
        }
        return element;
    }

    private String image(String element, List<String> attrs) {
        int src = attrs.indexOf("src");
        return src >= 0 && src % 2 == 0 ? element : null;
    }

    public record Result(RenderedText text, List<Long> mentioned) {
    }

    /** A resolved mention; rendered as a span with the name, so that it reads the same in a page and a mail. */
    static final class Mention extends CustomNode {

        final Long accountId;

        Mention(Long accountId, String name) {
            this.accountId = accountId;
            appendChild(new Text("@" + name));
        }
    }

    private static final class MentionHtml implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        MentionHtml(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Mention.class);
        }

        @Override
        public void render(Node node) {
            var out = context.getWriter();
            out.tag("span", Map.of("class", "mention"));
            out.text(((Text) node.getFirstChild()).getLiteral());
            out.tag("/span");
        }
    }

    private static final class MentionText implements NodeRenderer {

        private final TextContentNodeRendererContext context;

        MentionText(TextContentNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Mention.class);
        }

        @Override
        public void render(Node node) {
            context.getWriter().write(((Text) node.getFirstChild()).getLiteral());
        }
    }

    /** Collects text nodes first: changing the tree while the visitor walks it would skip siblings. */
    private static final class TextCollector extends AbstractVisitor {

        final List<Text> found = new ArrayList<>();

        @Override
        public void visit(Text text) {
            found.add(text);
        }
    }

    /** Replaces resolvable {@code @[Name]} in a text node (never in code) by {@link Mention} nodes. */
    private static void resolveMentions(Text text, Function<String, Long> members, Set<Long> mentioned) {
        if (text.getParent() == null) {
            return;
        }
        // The parser may split "@[Name]" at the brackets; join the neighbouring text first.
        while (text.getNext() instanceof Text next) {
            text.setLiteral(text.getLiteral() + next.getLiteral());
            next.unlink();
        }
        String literal = text.getLiteral();
        Matcher m = MENTION.matcher(literal);
        List<Node> parts = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            Long id = members.apply(m.group(1).strip());
            if (id == null) {
                continue;
            }
            if (m.start() > last) {
                parts.add(new Text(literal.substring(last, m.start())));
            }
            parts.add(new Mention(id, m.group(1).strip()));
            mentioned.add(id);
            last = m.end();
        }
        if (parts.isEmpty()) {
            return;
        }
        if (last < literal.length()) {
            parts.add(new Text(literal.substring(last)));
        }
        for (Node part : parts) {
            text.insertBefore(part);
        }
        text.unlink();
    }
}
