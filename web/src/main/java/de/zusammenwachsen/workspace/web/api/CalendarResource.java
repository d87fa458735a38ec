package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.meeting.boundary.CalendarFeeds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * A calendar feed by its secret token, for calendar apps: no login (they cannot log in), any Accept header. Unknown
 * or revoked tokens, and feeds whose owner may no longer read the group, answer 404.
 */
@Path("calendar")
@RequestScoped
public class CalendarResource {

    @Inject
    CalendarFeeds feeds;

    @GET
    @Path("{token: [A-Za-z0-9_-]+}.ics")
    public Response feed(@PathParam("token") String token) {
        return Response.ok(feeds.feed(token), "text/calendar; charset=UTF-8")
                // Calendar apps poll; a private feed must not sit in shared caches.
                .header("Cache-Control", "private, max-age=300").build();
    }
}
