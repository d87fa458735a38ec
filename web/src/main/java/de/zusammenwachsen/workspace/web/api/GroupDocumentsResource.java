package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Documents;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;

/** Uploads into a group's library; the documents themselves are at {@link DocumentsResource}. */
@Path("groups/{slug}/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupDocumentsResource {

    @Inject
    Documents documents;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /**
     * {@code multipart/form-data} with one or more parts {@code file} (each with its file name), optionally
     * {@code folderId} (none: the top) and a {@code comment} for every file. A file named like a document in that
     * folder becomes its next version. All files are stored or none: a refused one (too large, over the quota)
     * refuses the whole request.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional
    public Response upload(@PathParam("slug") String slug) {
        Form form = Form.read(request, "file");
        if (form.files().isEmpty()) {
            throw new InvalidInputException("rest.file.missing", "file");
        }
        Long folderId = form.id("folderId");
        String comment = form.text("comment");
        List<DocumentView.Uploaded> uploaded = new ArrayList<>();
        for (Form.File file : form.files()) {
            uploaded.add(file.read(in -> documents.upload(slug, folderId, file.name(), in, file.size(), comment)));
        }
        return Response.created(uri.getBaseUriBuilder().path("documents").path(String.valueOf(uploaded.get(0).documentId()))
                .build()).entity(uploaded).build();
    }
}
