package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.meeting.boundary.Minutes;
import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.web.shell.ContentDisposition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The minutes of one meeting: starting, reading, saving the draft (with its version), circulating, comments,
 * approval, amendments, and the PDF and Markdown exports. Drafts are for the group's members only; for everyone
 * else they do not exist (404).
 */
@Path("meetings/{id: [0-9]+}/minutes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeetingMinutesResource {

    @Inject
    Minutes minutes;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @PathParam("id")
    Long id;

    @GET
    public MinutesView.Document get() {
        return minutes.get(id);
    }

    /**
     * Starts the minutes (organiser or moderator); {@code minuteTakerId} defaults to the caller. 201 the first
     * time, 200 with the existing minutes when they were started already.
     */
    @POST
    public Response start(MinutesRequests.StartBody request) {
        boolean created = minutes.start(id, request == null ? null : request.minuteTakerId());
        MinutesView.Document document = minutes.get(id);
        return created ? Response.created(uri.getAbsolutePath()).entity(document).build() : Response.ok(document).build();
    }

    /** Saves the whole draft; a stale {@code version} answers 409 and changes nothing. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public MinutesView.Document save(MinutesRequests.SaveBody request) {
        MinutesRequests.SaveBody body = Requests.body(request);
        return minutes.save(id, Requests.version(body.version()), MinutesRequests.draft(body));
    }

    @POST
    @Path("circulate")
    public MinutesView.Document circulate() {
        return minutes.circulate(id);
    }

    /** {@code ?byMeetingId=} records that the group approved them at that later meeting (optional); no body. */
    @POST
    @Path("approve")
    public MinutesView.Document approve(@QueryParam("byMeetingId") String byMeetingId) {
        return minutes.approve(id, DocumentRequests.id("byMeetingId", byMeetingId));
    }

    @POST
    @Path("comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response comment(MinutesRequests.CommentBody request) {
        MinutesRequests.CommentBody body = Requests.body(request);
        return Response.status(Response.Status.CREATED).entity(minutes.comment(id, body.agendaItemId(), body.body())).build();
    }

    @POST
    @Path("amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response amend(MinutesRequests.AmendmentBody request) {
        MinutesRequests.AmendmentBody body = Requests.body(request);
        return Response.status(Response.Status.CREATED).entity(minutes.amend(id, body.body())).build();
    }

    /** The minutes as PDF, in the language of Accept-Language (German by default); drafts are marked ENTWURF. */
    @GET
    @Path("pdf")
    @Produces("application/pdf")
    public Response pdf() {
        return file(minutes.pdf(id, Problems.locale(headers)));
    }

    @GET
    @Path("markdown")
    @Produces("text/markdown")
    public Response markdown() {
        return file(minutes.markdown(id, Problems.locale(headers)));
    }

    private static Response file(MinutesView.Export export) {
        return Response.ok(export.content(), export.contentType())
                .header("Content-Disposition", ContentDisposition.of(false, export.fileName()))
                .header("Cache-Control", "private, no-store").build();
    }
}
