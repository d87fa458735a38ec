package de.zusammenwachsen.workspace.web.discussion;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.discussion.boundary.Discussions;
import de.zusammenwachsen.workspace.web.shell.Requests;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The Markdown editor of a new thread and of a reply: the text, @mention completion, the preview, and the client key
 * that makes a second submit of the same form (double click, reload) find the first one's post instead of adding
 * another. The key is made when the form is first shown and travels in a hidden field named {@code clientKey}.
 * It only tells apart the author's own submits (the boundary looks it up with the author's account), so it needs to
 * be unique, not secret: it comes from {@link ThreadLocalRandom}, and only when asked for. {@code UUID.randomUUID()}
 * on every thread page took the JVM's one lock around {@code /dev/urandom}, which 20 users at once queued for (JFR).
 */
public final class Draft {

    private static final int MAX_NAME_PREFIX = 100;

    private final Discussions discussions;
    private final Supplier<String> slug;
    private String clientKey;
    private final String fieldId;
    private String body;
    private String previewHtml;
    private List<DiscussionView.MemberRef> previewMentioned = List.of();

    /** {@code fieldId}: the client id of the text area, for messages next to it. */
    Draft(Discussions discussions, Supplier<String> slug, String fieldId) {
        this.discussions = discussions;
        this.slug = slug;
        this.fieldId = fieldId;
        String sent = Requests.param("clientKey");
        this.clientKey = sent != null && sent.length() <= 64 ? sent : null;
    }

    /**
     * Suggestions for the word being typed: members of the group whose name starts like the text after "@", offered
     * as {@code @[Name]}, the form the renderer resolves to a mention. Other words get none.
     */
    public List<String> complete(String query) {
        if (query == null || !query.startsWith("@") || query.startsWith("@[") && query.endsWith("]")) {
            return List.of();
        }
        String prefix = query.substring(1).replace("[", "").strip();
        if (prefix.isEmpty() || prefix.length() > MAX_NAME_PREFIX) {
            return List.of();
        }
        return discussions.mentionCandidates(slug.get(), prefix).stream().map(m -> "@[" + m.name() + "]").toList();
    }

    /** Renders the text as it would be posted (sanitized HTML) into the preview area. */
    public void preview() {
        try {
            DiscussionView.Preview preview = discussions.preview(slug.get(), body);
            previewHtml = preview.html();
            previewMentioned = preview.mentioned();
        } catch (DomainException e) {
            previewHtml = null;
            previewMentioned = List.of();
            Pages.refused(e, fieldId);
        }
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getClientKey() {
        if (clientKey == null) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            clientKey = new UUID(random.nextLong(), random.nextLong()).toString();
        }
        return clientKey;
    }

    /** Sanitized by the boundary's renderer: the only HTML of a draft that is shown unescaped. */
    public String getPreviewHtml() {
        return previewHtml;
    }

    public boolean isPreviewed() {
        return previewHtml != null;
    }

    public List<DiscussionView.MemberRef> getPreviewMentioned() {
        return previewMentioned;
    }

    String fieldId() {
        return fieldId;
    }
}
