package de.zusammenwachsen.workspace.web.group;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Open requests to join a group, for its moderators to approve or deny. */
@Named
@RequestScoped
public class RequestsView {

    @Inject
    WorkingGroups groups;

    @Inject
    Memberships memberships;

    private String slug;
    private Integer page;
    private GroupView.Detail group;
    private Page<GroupView.Request> requests;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
        page = Requests.intParam("page");
    }

    public void load() {
        getRequests();
    }

    public GroupView.Detail getGroup() {
        if (group == null) {
            group = groups.bySlug(slug);
        }
        return group;
    }

    public Page<GroupView.Request> getRequests() {
        if (requests == null) {
            requests = memberships.pendingRequests(slug, Paging.first(page, Paging.SIZE), Paging.SIZE);
        }
        return requests;
    }

    public Paging getPaging() {
        return Paging.of(getRequests());
    }

    public String approve(Long id, String name) {
        return done(Messages.attempt(() -> memberships.approve(id), "requests.approved", name));
    }

    public String deny(Long id, String name) {
        return done(Messages.attempt(() -> memberships.deny(id), "requests.denied", name));
    }

    private String done(boolean ok) {
        return ok ? "/groups/requests?faces-redirect=true&slug=" + slug : null;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
