package de.zusammenwachsen.workspace.web.admin;

import de.zusammenwachsen.workspace.search.boundary.Search;
import de.zusammenwachsen.workspace.search.boundary.SearchView;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.PageFlow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The search index on the administration page: items per kind, changes waiting, and the rebuild from the database
 * with its progress, which the page asks for every second while it runs (searching goes on meanwhile).
 */
@Named
@RequestScoped
public class SearchIndexView {

    @Inject
    Search search;

    private SearchView.IndexStatus status;

    public SearchView.IndexStatus getStatus() {
        if (status == null) {
            status = search.status();
        }
        return status;
    }

    public boolean isRunning() {
        SearchView.Rebuild rebuild = getStatus().rebuild();
        return rebuild != null && rebuild.running();
    }

    /** The kinds in the page's language; a kind the page does not know keeps the index's name. */
    public String label(SearchView.FacetValue item) {
        SearchView.Kind kind = SearchView.Kind.ofKey(item.key());
        return kind == null ? item.label() : PageFlow.text("search.page.kind." + kind.key());
    }

    /** Starts the rebuild and shows the section again, now with its progress; one already running is reported. */
    public String rebuild() {
        return Messages.attempt(() -> search.rebuild(), "search.admin.started")
                ? PageFlow.redirect("/admin/index.xhtml#searchIndexSection") : null;
    }
}
