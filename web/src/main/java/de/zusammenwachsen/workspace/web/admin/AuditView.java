package de.zusammenwachsen.workspace.web.admin;

import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The audit log: the whole network's for administrators, one group's for its moderators. */
@Named
@RequestScoped
public class AuditView {

    @Inject
    AuditLog audit;

    @Inject
    WorkingGroups groups;

    private String slug;
    private Integer page;
    private Page<AuditLog.Entry> entries;
    private GroupView.Detail group;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
        page = Requests.intParam("page");
    }

    public void load() {
        getEntries();
    }

    public Page<AuditLog.Entry> getEntries() {
        if (entries == null) {
            int first = Paging.first(page, 50);
            entries = slug == null ? audit.all(first, 50) : audit.ofGroup(slug, first, 50);
        }
        return entries;
    }

    public GroupView.Detail getGroup() {
        if (group == null && slug != null) {
            group = groups.bySlug(slug);
        }
        return group;
    }

    public Paging getPaging() {
        return Paging.of(getEntries());
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
