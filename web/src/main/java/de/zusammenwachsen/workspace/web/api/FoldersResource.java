package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.document.boundary.Library;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A folder by its id: renamed, moved (also to the top, {@code "parentId": null}) or moved to the trash with
 * everything in it. The author of a folder and the group's moderators may; the version of the folder is in the
 * library listing ({@code folderVersion}).
 */
@Path("folders/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FoldersResource {

    @Inject
    Library library;

    /**
     * {@code {"version": 3, "name": "Neu", "parentId": 12}}: the members present are changed, together or not at
     * all; each change raises the folder's version by one.
     */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Transactional
    public void change(@PathParam("id") Long id, String body) {
        JsonObject change = DocumentRequests.object(body);
        int version = DocumentRequests.version(change);
        library.changeFolder(id, version, change.containsKey("name") ? DocumentRequests.string(change, "name") : null,
                change.containsKey("parentId"), change.containsKey("parentId") ? DocumentRequests.number(change, "parentId") : null);
    }

    /** Moves the folder, its subfolders and their documents to the group's trash, as one entry. */
    @DELETE
    public void trash(@PathParam("id") Long id) {
        library.trashFolder(id);
    }
}
