package de.zusammenwachsen.workspace.web.discussion;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.ForbiddenException;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.discussion.boundary.Discussions;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Starting a thread: title and first post in Markdown, with @mention completion and a preview. What was typed stays
 * in the form on every refusal; a second submit of the same form opens the thread the first one made.
 */
@Named
@RequestScoped
public class NewThreadView {

    static final String FORM = "newThreadForm";

    @Inject
    Discussions discussions;

    private String slug;
    private String title;
    private Draft draft;
    private DiscussionView.Board board;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
        draft = new Draft(discussions, () -> slug, FORM + ":body");
    }

    /** 404 for whoever may not read the group's discussions, 403 for readers who may not start a thread. */
    public void load() {
        if (!getBoard().may("START_THREAD")) {
            throw new ForbiddenException();
        }
    }

    /** The board's first entry only, for the group's name and what the viewer may do. */
    public DiscussionView.Board getBoard() {
        if (board == null) {
            board = discussions.board(slug, DiscussionView.Filter.ALL, 0, 1);
        }
        return board;
    }

    public String publish() {
        String body = draft.getBody();
        try {
            DiscussionView.Created created = Pages.once(() -> discussions.start(slug, title, body, draft.getClientKey()));
            Messages.info("thread.started");
            return Pages.redirect(Pages.threadPath(slug, created.threadId()));
        } catch (DomainException e) {
            Pages.refused(e, e.key().startsWith("discussion.title") ? FORM + ":title"
                    : e.key().startsWith("discussion.body") ? draft.fieldId() : null);
            return null;
        }
    }

    public String getBoardLink() {
        return Pages.contextPath() + Pages.boardPath(slug);
    }

    public Draft getDraft() {
        return draft;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
