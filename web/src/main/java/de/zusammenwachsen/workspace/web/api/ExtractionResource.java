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

/**
 * How far the text extraction of a group's documents is (versions pending, running, done, failed) and how long
 * it took per media type; for whoever may read the group's documents.
 */
@Path("groups/{slug}/extraction")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionResource {

    @Inject
    Imports imports;

    @GET
    public DocumentView.ExtractionStatus status(@PathParam("slug") String slug) {
        return imports.extraction(slug);
    }
}
