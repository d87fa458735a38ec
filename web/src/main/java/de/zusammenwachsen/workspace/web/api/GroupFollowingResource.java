package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.discussion.boundary.Discussions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Following a group's board: the caller is notified of every new thread there. */
@Path("groups/{slug}/following")
@RequestScoped
public class GroupFollowingResource {

    @Inject
    Discussions discussions;

    @PathParam("slug")
    String slug;

    @PUT
    public void follow() {
        discussions.followBoard(slug, true);
    }

    @DELETE
    public void unfollow() {
        discussions.followBoard(slug, false);
    }
}
