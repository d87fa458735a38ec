package de.zusammenwachsen.workspace.web.group;

import de.zusammenwachsen.workspace.access.control.GroupAction;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.discussion.boundary.Discussions;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Library;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * A group's home page and the viewer's own membership actions there: join, request, withdraw, leave; for readers the
 * latest documents and threads, and following the group's discussions.
 */
@Named
@RequestScoped
public class GroupHome {

    private static final int LATEST_THREADS = 5;

    @Inject
    WorkingGroups groups;

    @Inject
    Memberships memberships;

    @Inject
    Library library;

    @Inject
    Discussions discussions;

    private List<DocumentView.DocumentEntry> latestDocuments;
    private DiscussionView.Board discussionBoard;

    private String slug;
    private String message;
    private GroupView.Home home;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
    }

    /** Loads the group before rendering, so that an invisible or unknown group answers 404 at once. */
    public void load() {
        getGroup();
    }

    public GroupView.Detail getGroup() {
        return home().group();
    }

    /** A few members as a preview; empty for those who may not see the member list. */
    public List<GroupView.Member> getMembers() {
        return home().members();
    }

    /** The few most recently changed documents, for the documents area; read only where the viewer may read content. */
    public List<DocumentView.DocumentEntry> getLatestDocuments() {
        if (latestDocuments == null) {
            latestDocuments = getGroup().may(GroupAction.READ_CONTENT) ? library.latest(slug, 5) : List.of();
        }
        return latestDocuments;
    }

    /**
     * The most recently active threads and whether the viewer follows the board; null where the viewer may not read
     * the group's content (the board would refuse them).
     */
    public DiscussionView.Board getDiscussions() {
        if (discussionBoard == null && getGroup().may(GroupAction.READ_CONTENT)) {
            discussionBoard = discussions.board(slug, DiscussionView.Filter.ALL, 0, LATEST_THREADS);
        }
        return discussionBoard;
    }

    private GroupView.Home home() {
        if (home == null) {
            home = groups.home(slug, 12);
        }
        return home;
    }

    public String join() {
        return act(() -> memberships.join(slug), "group.joined");
    }

    public String request() {
        return act(() -> memberships.request(slug, message), "group.requested");
    }

    public String withdraw() {
        return act(() -> memberships.withdraw(slug), "group.withdrawn");
    }

    public String leave() {
        return act(() -> memberships.leave(slug), "group.left");
    }

    /** Follows the group's board (every new thread is notified), or stops following it. */
    public String follow(boolean follow) {
        String name = getGroup().name();
        return act(() -> discussions.followBoard(slug, follow),
                follow ? "group.discussions.followed" : "group.discussions.unfollowed", name);
    }

    private String act(Runnable action, String doneKey, Object... arguments) {
        return Messages.attempt(action, doneKey, arguments) ? "/groups/group?faces-redirect=true&slug=" + slug : null;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
