package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Library;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A group's document library, one folder at a time: its path, subfolders, a page of documents (sorted, filtered by
 * tag and kind), the group's tags, the size limits and what the caller may do there.
 */
@Path("groups/{slug}/library")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

    @Inject
    Library library;

    /**
     * {@code folder}: a folder id (none: the top); {@code kind}: PDF, TEXT, SPREADSHEET, PRESENTATION, IMAGE, ARCHIVE
     * or OTHER; {@code sort}: name (default), updated, size or type; {@code desc=true} reverses the order.
     */
    @GET
    public DocumentView.Library folder(@PathParam("slug") String slug, @QueryParam("folder") String folder,
                                       @QueryParam("tag") String tag, @QueryParam("kind") String kind,
                                       @QueryParam("sort") String sort, @QueryParam("desc") String descending,
                                       @BeanParam Paging paging) {
        var query = new DocumentView.Query(tag == null || tag.isBlank() ? null : tag, DocumentRequests.kind(kind),
                DocumentRequests.sort(sort), Requests.bool("desc", descending));
        return library.folder(slug, DocumentRequests.id("folder", folder), query, paging.first(), paging.size());
    }
}
