package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Imports;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * Bulk imports into a group's library, for its moderators: a ZIP archive (up to 1 GB) becomes folders and
 * documents in the background; {@code GET /imports/{id}} tells how far it is.
 */
@Path("groups/{slug}/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupImportsResource {

    @Inject
    Imports imports;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /**
     * {@code multipart/form-data} with one part {@code file} (a ZIP archive) and optionally {@code folderId} (none:
     * the top). Answers 202 as soon as the archive is stored; the unpacking goes on in the background.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response start(@PathParam("slug") String slug) {
        Form form = Form.read(request, "file");
        Form.File file = form.file("file");
        Long folderId = form.id("folderId");
        DocumentView.Import started = file.read(in -> imports.start(slug, folderId, file.name(), in, file.size()));
        return Response.accepted(started)
                .location(uri.getBaseUriBuilder().path("imports").path(String.valueOf(started.id())).build()).build();
    }

    /** The group's last 50 imports, newest first. */
    @GET
    public List<DocumentView.Import> imports(@PathParam("slug") String slug) {
        return imports.ofGroup(slug);
    }
}
