package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.discussion.boundary.Discussions;
import de.zusammenwachsen.workspace.discussion.boundary.Moderation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One thread: reading it a page of posts at a time, replying, following it, and what moderators do with it (pin,
 * lock, move, trash and restore). A thread in the trash is there for moderators only; everyone else gets 404.
 */
@Path("threads/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ThreadsResource {

    /** A reply; {@code quotedPostId} names the post of this thread it quotes, {@code clientKey} as for a new thread. */
    public record NewReply(String body, Long quotedPostId, String clientKey) {
    }

    /** The slug of the group to move the thread to (one the caller moderates). */
    public record MoveTarget(String group) {
    }

    @Inject
    Discussions discussions;

    @Inject
    Moderation moderation;

    @Context
    UriInfo uri;

    @PathParam("id")
    Long id;

    /**
     * The thread with one page of posts (50 by default); {@code post} picks the page that holds that post. Marks
     * what is shown as read for the caller.
     */
    @GET
    public DiscussionView.Thread thread(@QueryParam("first") String first, @QueryParam("size") String size,
                                        @QueryParam("post") String post) {
        return discussions.thread(id, DocumentRequests.id("post", post), DiscussionRequests.first(first),
                DiscussionRequests.size(size, DiscussionRequests.THREAD_PAGE));
    }

    /** 201 with the new post's address; the same {@code clientKey} sent again answers 200 with the first post. */
    @POST
    @Path("posts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reply(NewReply request) {
        NewReply r = Requests.body(request);
        DiscussionView.Created created = discussions.reply(id, r.body(), r.quotedPostId(),
                DiscussionRequests.clientKey(r.clientKey()));
        if (created.repeated()) {
            return Response.ok(created).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("posts").path(String.valueOf(created.postId())).build())
                .entity(created).build();
    }

    /** Moves the thread to the group's trash (moderators); {@code POST …/restore} brings it back. */
    @DELETE
    public void trash() {
        moderation.trash(id);
    }

    @POST
    @Path("restore")
    public void restore() {
        moderation.restore(id);
    }

    @PUT
    @Path("pinned")
    public void pin() {
        moderation.pin(id, true);
    }

    @DELETE
    @Path("pinned")
    public void unpin() {
        moderation.pin(id, false);
    }

    /** A locked thread takes replies from moderators only. */
    @PUT
    @Path("locked")
    public void lock() {
        moderation.lock(id, true);
    }

    @DELETE
    @Path("locked")
    public void unlock() {
        moderation.lock(id, false);
    }

    /** Moves the thread to another group the caller moderates; its notifications go along. */
    @POST
    @Path("move")
    @Consumes(MediaType.APPLICATION_JSON)
    public void move(MoveTarget target) {
        moderation.move(id, Requests.body(target).group());
    }

    /** Notifies the caller of every reply (by mail as chosen in the mail settings). */
    @PUT
    @Path("following")
    public void follow() {
        discussions.followThread(id, true);
    }

    @DELETE
    @Path("following")
    public void unfollow() {
        discussions.followThread(id, false);
    }
}
