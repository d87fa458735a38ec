package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.document.boundary.Trash;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * An entry of a group's trash ({@code kind} is {@code folder} or {@code document}, as listed by
 * {@code GET /groups/{slug}/trash}): moderators put it back where it was or delete it for good.
 */
@Path("trash/{kind}/{id}")
@RequestScoped
public class TrashResource {

    @Inject
    Trash trash;

    @PathParam("kind")
    String kind;

    @PathParam("id")
    Long id;

    /** Back to where it was (to the top if that folder is gone); a name taken meanwhile gets a number. */
    @POST
    @Path("restore")
    public void restore() {
        trash.restore(DocumentRequests.trashKind(kind), id);
    }

    /** Final: the rows go at once, the file contents with the next sweep if nothing else holds them. */
    @DELETE
    public void purge() {
        trash.purge(DocumentRequests.trashKind(kind), id);
    }
}
