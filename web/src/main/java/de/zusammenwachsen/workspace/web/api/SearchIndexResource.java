package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.search.boundary.Search;
import de.zusammenwachsen.workspace.search.boundary.SearchView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The search index for administrators: items per kind, changes waiting to be written, and the rebuild from the
 * database, which runs in the background while searching goes on (202; 409 while one runs).
 */
@Path("admin/search-index")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchIndexResource {

    @Inject
    Search search;

    @GET
    public SearchView.IndexStatus status() {
        return search.status();
    }

    /** Starts the rebuild and answers at once with the status, whose {@code rebuild} then shows its progress. */
    @POST
    @Path("rebuild")
    public Response rebuild() {
        search.rebuild();
        return Response.accepted(search.status()).build();
    }
}
