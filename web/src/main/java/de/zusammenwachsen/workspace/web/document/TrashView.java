package de.zusammenwachsen.workspace.web.document;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Trash;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A group's trash for its moderators: what was deleted, by whom, from where; restore or purge for good. */
@Named
@RequestScoped
public class TrashView {

    @Inject
    Trash trash;

    @Inject
    WorkingGroups groups;

    private String slug;
    private Integer page;
    private Page<DocumentView.TrashEntry> contents;
    private GroupView.Detail group;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
        page = Requests.intParam("page");
    }

    public void load() {
        getContents();
    }

    public Page<DocumentView.TrashEntry> getContents() {
        if (contents == null) {
            contents = trash.contents(slug, Paging.first(page, Paging.SIZE), Paging.SIZE);
        }
        return contents;
    }

    public GroupView.Detail getGroup() {
        if (group == null) {
            group = groups.bySlug(slug);
        }
        return group;
    }

    public Paging getPaging() {
        return Paging.of(getContents());
    }

    public String restore(DocumentView.TrashKind kind, Long id, String name) {
        return done(Messages.attempt(() -> trash.restore(kind, id), "documents.trash.restored", name));
    }

    public String purge(DocumentView.TrashKind kind, Long id, String name) {
        return done(Messages.attempt(() -> trash.purge(kind, id), "documents.trash.purged", name));
    }

    private String done(boolean ok) {
        return ok ? "/groups/trash?faces-redirect=true&slug=" + URLEncoder.encode(slug, StandardCharsets.UTF_8)
                + (page == null ? "" : "&page=" + page) : null;
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
