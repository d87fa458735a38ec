package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Trash;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A group's trash for its moderators, newest first; a folder with all it held is one entry. */
@Path("groups/{slug}/trash")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupTrashResource {

    @Inject
    Trash trash;

    @GET
    public Page<DocumentView.TrashEntry> contents(@PathParam("slug") String slug, @BeanParam Paging paging) {
        return trash.contents(slug, paging.first(), paging.size());
    }
}
