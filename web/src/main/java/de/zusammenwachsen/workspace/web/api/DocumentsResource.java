package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Documents;
import de.zusammenwachsen.workspace.web.shell.ContentDisposition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Locale;

/**
 * One document: its metadata and versions with their extraction state, changes, new versions, restoring an older
 * one, downloads of any version, the extracted text, comments, and the trash. Members read, upload and comment;
 * the author and the moderators change and trash. Documents in the trash are visible to the moderators only.
 */
@Path("documents/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

    /** Restoring a version: {@code basedOn} is the newest version number the caller saw (stale: 409). */
    public record Restore(Integer basedOn, String comment) {
    }

    public record NewComment(String body) {
    }

    /**
     * Downloads are served with the headers of the pages' download URL ({@code FilesServlet}): nothing a browser
     * could run on our origin, a sandbox for everything, and a PDF always as an attachment (Chromium's viewer would run
     * its JavaScript).
     */
    static final String SANDBOX_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

    @Inject
    Documents documents;

    @Context
    HttpServletRequest servletRequest;

    @Context
    HttpServletResponse servletResponse;

    @Context
    UriInfo uri;

    @PathParam("id")
    Long id;

    @GET
    public DocumentView.Detail detail() {
        return documents.detail(id);
    }

    /**
     * {@code {"version": 4, "title": …, "description": …, "tags": […], "actionField": "slug", "name": …,
     * "folderId": …}}: the members present are changed (null clears title and description; {@code "folderId": null}
     * moves to the top), all together or none. Answers the changed document with its new version.
     */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Transactional
    public DocumentView.Detail change(String body) {
        JsonObject change = DocumentRequests.object(body);
        int version = DocumentRequests.version(change);
        DocumentView.Detail current = documents.detail(id);
        boolean describes = change.containsKey("title") || change.containsKey("description")
                || change.containsKey("tags") || change.containsKey("actionField");
        if (describes) {
            documents.describe(id, version,
                    change.containsKey("title") ? DocumentRequests.string(change, "title") : current.title(),
                    change.containsKey("description") ? DocumentRequests.string(change, "description") : current.description(),
                    change.containsKey("tags") ? DocumentRequests.strings(change, "tags") : current.tags(),
                    change.containsKey("actionField") ? DocumentRequests.string(change, "actionField") : current.actionFieldSlug());
            version = documents.detail(id).version();
        }
        if (change.containsKey("name")) {
            documents.rename(id, version, DocumentRequests.string(change, "name"));
            version = documents.detail(id).version();
        }
        if (change.containsKey("folderId")) {
            documents.move(id, version, DocumentRequests.number(change, "folderId"));
        }
        return documents.detail(id);
    }

    /** Moves the document to its group's trash; moderators restore or purge it there. */
    @DELETE
    public void trash() {
        documents.trash(id);
    }

    /**
     * A new version: {@code multipart/form-data} with one part {@code file}, optionally {@code basedOn} (the newest
     * version number the uploader saw; another is newest by now: 409) and {@code comment}.
     */
    @POST
    @Path("versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadVersion() {
        Form form = Form.read(servletRequest, "file");
        Form.File file = form.file("file");
        Integer basedOn = form.integer("basedOn");
        String comment = form.text("comment");
        DocumentView.Uploaded uploaded = file.read(in ->
                documents.uploadVersion(id, basedOn, file.name(), in, file.size(), comment));
        return created(uploaded);
    }

    /** Makes version {@code n} the newest again, as a new version with the same content. */
    @POST
    @Path("versions/{n}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response restore(@PathParam("n") int number, Restore request) {
        Restore r = request == null ? new Restore(null, null) : request;
        return created(documents.restoreVersion(id, number, r.basedOn(), r.comment()));
    }

    /** Version {@code n}: file name, size, type, who and when, and the state of its text extraction. */
    @GET
    @Path("versions/{n}")
    public DocumentView.Version version(@PathParam("n") int number) {
        return documents.version(versionId(number));
    }

    /**
     * The file of version {@code n}, streamed and checked against its size and SHA-256 on the way. Shown inline
     * only if the type is harmless (common images, plain text) and {@code ?download=1} is not given; everything
     * else, HTML, SVG and PDF above all, comes as an attachment. The ETag is the content's SHA-256.
     */
    @GET
    @Path("versions/{n}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("n") int number, @QueryParam("download") String download,
                            @Context Request request) {
        DocumentView.Download file = documents.download(versionId(number));
        boolean inline = file.inline() && !attachment(download);
        EntityTag tag = new EntityTag(file.hash());
        // Set on the servlet response so that they replace the site-wide ones of the security filter.
        servletResponse.setHeader("X-Content-Type-Options", "nosniff");
        servletResponse.setHeader("Content-Security-Policy", SANDBOX_CSP);
        servletResponse.setHeader("X-Frame-Options", "DENY");
        // Private, and revalidated (cheaply, by ETag) so that someone who left the group does not read on from a cache.
        servletResponse.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        StreamingOutput body = out -> documents.stream(file, out);
        return Response.ok(body, file.servedType())
                .header("Content-Disposition", ContentDisposition.of(inline, file.fileName()))
                .header(HttpHeaders.CONTENT_LENGTH, file.size())
                .header("Accept-Ranges", "none")
                .tag(tag)
                .build();
    }

    /** The text extracted from version {@code n} (for search and for scripts); 404 while there is none. */
    @GET
    @Path("versions/{n}/text")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public String text(@PathParam("n") int number) {
        return documents.extractedText(versionId(number));
    }

    @GET
    @Path("comments")
    public List<DocumentView.Comment> comments() {
        return documents.comments(id);
    }

    /** Members comment; deleted through {@code DELETE /comments/{id}}. */
    @POST
    @Path("comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(NewComment comment) {
        DocumentView.Comment created = documents.comment(id, Requests.body(comment).body());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    private Response created(DocumentView.Uploaded uploaded) {
        return Response.created(uri.getBaseUriBuilder().path("documents").path(String.valueOf(uploaded.documentId()))
                .path("versions").path(String.valueOf(uploaded.number())).build()).entity(uploaded).build();
    }

    /** The id of version {@code number} of this document, if the caller may read the document. */
    private Long versionId(int number) {
        return documents.detail(id).versions().stream().filter(v -> v.number() == number)
                .map(DocumentView.Version::id).findFirst().orElseThrow(NotFoundException::new);
    }

    private static boolean attachment(String download) {
        if (download == null || download.isBlank()) {
            return false;
        }
        return switch (download.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new InvalidInputException("rest.parameter.invalid",
                    "download", download);
        };
    }
}
