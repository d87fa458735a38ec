package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.document.boundary.Documents;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A comment on a document by its id; its author and the group's moderators delete it. */
@Path("comments/{id}")
@RequestScoped
public class CommentsResource {

    @Inject
    Documents documents;

    @DELETE
    public void delete(@PathParam("id") Long id) {
        documents.deleteComment(id);
    }
}
