package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.meeting.boundary.MeetingView;
import de.zusammenwachsen.workspace.meeting.boundary.Meetings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;

/** A group's meetings: upcoming or past, and planning one (which invites the members by mail). */
@Path("groups/{slug}/meetings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupMeetingsResource {

    @Inject
    Meetings meetings;

    @Context
    UriInfo uri;

    @PathParam("slug")
    String slug;

    /** {@code when}: upcoming (default, soonest first) or past (latest first); a page of 20 by default. */
    @GET
    public MeetingView.Board list(@QueryParam("when") String when, @QueryParam("first") String first,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
        int pageSize = DiscussionRequests.size(size, MeetingRequests.LIST_PAGE);
        int start = page != null && first == null
                ? Math.max(0, Requests.integer("page", page, 0)) * Math.max(1, pageSize)
                : DiscussionRequests.first(first);
        return meetings.list(slug, MeetingRequests.past(when), start, pageSize);
    }

    /** 201 with the new meeting's address. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response plan(MeetingRequests.MeetingBody request) {
        MeetingRequests.MeetingBody r = Requests.body(request);
        Long id = meetings.plan(slug, r.form());
        return Response.created(uri.getBaseUriBuilder().path("meetings").path(String.valueOf(id)).build())
                .entity(Map.of("id", id)).build();
    }
}
