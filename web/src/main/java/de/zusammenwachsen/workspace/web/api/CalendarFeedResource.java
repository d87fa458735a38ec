package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.meeting.boundary.CalendarFeeds;
import de.zusammenwachsen.workspace.meeting.boundary.MeetingView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The caller's private calendar feed of a group: {@code POST} creates it or shows the active one ({@code ?regenerate=true}
 * revokes that and makes a new URL), {@code DELETE} revokes it, {@code GET} shows it (404 when there is none).
 */
@Path("groups/{slug}/calendar-feed")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CalendarFeedResource {

    @Inject
    CalendarFeeds feeds;

    @PathParam("slug")
    String slug;

    @GET
    public MeetingView.Feed mine() {
        return feeds.mine(slug).orElseThrow(de.zusammenwachsen.workspace.core.NotFoundException::new);
    }

    @POST
    public MeetingView.Feed create(@QueryParam("regenerate") String regenerate) {
        return Requests.bool("regenerate", regenerate) ? feeds.regenerate(slug) : feeds.create(slug);
    }

    @DELETE
    public Response revoke() {
        feeds.revoke(slug);
        return Response.noContent().build();
    }
}
