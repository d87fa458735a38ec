package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Library;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** New folders in a group's library; changed and trashed through {@link FoldersResource}. */
@Path("groups/{slug}/folders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupFoldersResource {

    /** {@code parentId}: the folder to create it in; none: the library's top. */
    public record NewFolder(String name, Long parentId) {
    }

    @Inject
    Library library;

    @Context
    UriInfo uri;

    /** Members create folders; 409 when the parent already holds a folder of that name. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("slug") String slug, NewFolder request) {
        NewFolder r = Requests.body(request);
        DocumentView.FolderRef folder = library.createFolder(slug, r.parentId(), r.name());
        return Response.created(uri.getBaseUriBuilder().path("groups").path(slug).path("library")
                .queryParam("folder", folder.id()).build()).entity(folder).build();
    }
}
