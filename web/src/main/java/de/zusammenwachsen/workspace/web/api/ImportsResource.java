package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Imports;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One bulk import: its state (PENDING, RUNNING, DONE, FAILED) and how many entries are done; poll until DONE. */
@Path("imports/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    @Inject
    Imports imports;

    @GET
    public DocumentView.Import status(@PathParam("id") Long id) {
        return imports.status(id);
    }
}
