package de.zusammenwachsen.workspace.web.group;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The member list of a group, searchable by name; moderators change roles and remove members here. */
@Named
@RequestScoped
public class MembersView {

    @Inject
    WorkingGroups groups;

    @Inject
    Memberships memberships;

    private String slug;
    private String q;
    private Integer page;
    private GroupView.Detail group;
    private Page<GroupView.Member> members;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
        q = Requests.param("q");
        page = Requests.intParam("page");
    }

    public void load() {
        getMembers();
    }

    public GroupView.Detail getGroup() {
        if (group == null) {
            group = groups.bySlug(slug);
        }
        return group;
    }

    public Page<GroupView.Member> getMembers() {
        if (members == null) {
            members = memberships.members(slug, q, Paging.first(page, Paging.SIZE), Paging.SIZE);
        }
        return members;
    }

    public Paging getPaging() {
        return Paging.of(getMembers());
    }

    public String promote(Long accountId, String name) {
        return done(Messages.attempt(() -> memberships.changeRole(slug, accountId, Role.MODERATOR), "members.promoted", name));
    }

    public String demote(Long accountId, String name) {
        return done(Messages.attempt(() -> memberships.changeRole(slug, accountId, Role.MEMBER), "members.demoted", name));
    }

    public String remove(Long accountId, String name) {
        return done(Messages.attempt(() -> memberships.remove(slug, accountId), "members.removed", name));
    }

    private String done(boolean ok) {
        return ok ? "/groups/members?faces-redirect=true&includeViewParams=true" : null;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
