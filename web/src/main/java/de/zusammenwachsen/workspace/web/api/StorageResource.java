package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Storage;
import de.zusammenwachsen.workspace.document.control.BlobStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The blob store for administrators: how much is stored, that no row names a missing file
 * ({@code missingBlobs} is 0), and a sweep of the files no row names any more.
 */
@Path("admin/storage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorageResource {

    @Inject
    Storage storage;

    @GET
    public DocumentView.StorageStatus status() {
        return storage.status();
    }

    /** Removes unreferenced files older than the grace period (an upload in flight keeps its file). */
    @POST
    @Path("sweep")
    public BlobStore.SweepResult sweep() {
        return storage.sweep();
    }
}
