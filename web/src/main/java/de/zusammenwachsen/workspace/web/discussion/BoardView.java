package de.zusammenwachsen.workspace.web.discussion;

import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView.Filter;
import de.zusammenwachsen.workspace.discussion.boundary.Discussions;
import de.zusammenwachsen.workspace.discussion.boundary.Moderation;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group's discussion board: its threads (pinned first, then by last activity), filtered (all, mine, unread,
 * pinned; the trash for moderators) and paged, with following the board and restoring trashed threads. Filter and
 * page travel as GET parameters, so that every view of the list has its own address.
 */
@Named
@RequestScoped
public class BoardView {

    @Inject
    Discussions discussions;

    @Inject
    Moderation moderation;

    private String slug;
    private Filter filter;
    private Integer page;
    private DiscussionView.Board board;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
        filter = filterOf(Requests.param("filter"));
        page = Requests.intParam("page");
    }

    /** Loads the board before rendering: 404 at once for whoever may not read the group's discussions. */
    public void load() {
        getBoard();
    }

    public DiscussionView.Board getBoard() {
        if (board == null) {
            board = discussions.board(slug, shown(), Paging.first(page, Paging.SIZE), Paging.SIZE);
        }
        return board;
    }

    public Paging getPaging() {
        return Paging.of(getBoard().threads());
    }

    /** The filters this viewer can choose; the trash only for moderators. */
    public List<Filter> getFilters() {
        List<Filter> filters = new ArrayList<>(List.of(Filter.ALL, Filter.MINE, Filter.UNREAD, Filter.PINNED));
        if (getBoard().may("MODERATE")) {
            filters.add(Filter.TRASH);
        }
        return filters;
    }

    public boolean isShown(Filter candidate) {
        return shown() == candidate;
    }

    public boolean isTrash() {
        return shown() == Filter.TRASH;
    }

    public String filterLink(Filter candidate) {
        return Pages.contextPath() + Pages.boardPath(slug) + (candidate == Filter.ALL ? "" : "&filter=" + candidate.name());
    }

    public String threadLink(Long threadId) {
        return Pages.contextPath() + Pages.threadPath(slug, threadId);
    }

    public String newThreadLink() {
        return Pages.contextPath() + "/groups/new-thread.xhtml?slug=" + Pages.encode(slug);
    }

    public String follow() {
        return Messages.attempt(() -> discussions.followBoard(slug, true), "board.followed") ? self() : null;
    }

    public String unfollow() {
        return Messages.attempt(() -> discussions.followBoard(slug, false), "board.unfollowed") ? self() : null;
    }

    /** Takes a thread out of the trash. */
    public String restore(Long threadId) {
        return Messages.attempt(() -> moderation.restore(threadId), "board.restored") ? self() : null;
    }

    private String self() {
        return "/groups/discussions?faces-redirect=true&slug=" + Pages.encode(slug)
                + (shown() == Filter.ALL ? "" : "&filter=" + shown().name()) + (page == null ? "" : "&page=" + page);
    }

    private Filter shown() {
        return filter == null ? Filter.ALL : filter;
    }

    private static Filter filterOf(String value) {
        try {
            return value == null ? null : Filter.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getFilter() {
        return filter == null ? null : filter.name();
    }

    public void setFilter(String filter) {
        // Read in identify(); the view parameter only keeps it for the pager's links.
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
