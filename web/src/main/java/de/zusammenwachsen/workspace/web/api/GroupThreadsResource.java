package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.discussion.boundary.Discussions;
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

/**
 * A group's discussion board: its threads (pinned first, then by last activity) and starting a thread. A thread
 * and its posts are at {@link ThreadsResource}.
 */
@Path("groups/{slug}/threads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupThreadsResource {

    /** A new thread; {@code clientKey} (optional, up to 64 characters) makes a second send of the same form harmless. */
    public record NewThread(String title, String body, String clientKey) {
    }

    @Inject
    Discussions discussions;

    @Context
    UriInfo uri;

    @PathParam("slug")
    String slug;

    /** {@code filter}: ALL (default), MINE, UNREAD, PINNED or TRASH (moderators); a page of 25 by default. */
    @GET
    public DiscussionView.Board board(@QueryParam("filter") String filter, @QueryParam("first") String first,
                                      @QueryParam("size") String size) {
        return discussions.board(slug, DiscussionRequests.filter(filter), DiscussionRequests.first(first),
                DiscussionRequests.size(size, DiscussionRequests.BOARD_PAGE));
    }

    /**
     * Starts a thread with its opening post (Markdown; {@code @[Name]} mentions a member). 201 with the new thread's
     * address; the same {@code clientKey} sent again answers 200 with the thread made the first time.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(NewThread request) {
        NewThread r = Requests.body(request);
        DiscussionView.Created created = discussions.start(slug, r.title(), r.body(),
                DiscussionRequests.clientKey(r.clientKey()));
        if (created.repeated()) {
            return Response.ok(created).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("threads").path(String.valueOf(created.threadId())).build())
                .entity(created).build();
    }
}
