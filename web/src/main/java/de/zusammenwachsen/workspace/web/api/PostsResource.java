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
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * One post: its author edits it (with the version last read) or deletes it, members react, moderators read its
 * edit history and hide it with a reason. A deleted post stays as a placeholder so that the thread still reads.
 */
@Path("posts/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PostsResource {

    /** The new Markdown, the version last read and, for a thread's opening post, optionally a new title. */
    public record PostChange(String body, Integer version, String title) {
    }

    public record Reaction(String kind) {
    }

    public record HideReason(String reason) {
    }

    @Inject
    Discussions discussions;

    @Inject
    Moderation moderation;

    @PathParam("id")
    Long id;

    /** The Markdown of the caller's own post and its version, to edit it. */
    @GET
    @Path("source")
    public DiscussionView.PostSource source() {
        return discussions.source(id);
    }

    /** Changes the caller's own post; someone changed it meanwhile: 409, and nothing is overwritten. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public void edit(PostChange change) {
        PostChange c = Requests.body(change);
        discussions.edit(id, Requests.version(c.version()), c.body(), c.title());
    }

    @DELETE
    public void delete() {
        discussions.delete(id);
    }

    /** Adds the caller's reaction of that kind, or takes it back; answers the post's reactions after the change. */
    @POST
    @Path("reactions")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<DiscussionView.ReactionCount> react(Reaction reaction) {
        return discussions.react(id, DiscussionRequests.reaction(Requests.body(reaction).kind()));
    }

    /** Earlier texts of the post, newest first (moderators). */
    @GET
    @Path("history")
    public List<DiscussionView.Revision> history() {
        return discussions.history(id);
    }

    /** Hides the post from everyone but the moderators, who see it with the reason. */
    @PUT
    @Path("hidden")
    @Consumes(MediaType.APPLICATION_JSON)
    public void hide(HideReason reason) {
        moderation.hide(id, Requests.body(reason).reason());
    }

    @DELETE
    @Path("hidden")
    public void unhide() {
        moderation.unhide(id);
    }
}
