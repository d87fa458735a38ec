package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.notification.boundary.Following;
import de.zusammenwachsen.workspace.notification.boundary.NotificationView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** What the caller follows (groups' boards and threads), newest first, and ending one of them. */
@Path("me/following")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FollowingResource {

    @Inject
    Following following;

    @GET
    public List<NotificationView.Followed> mine() {
        return following.mine();
    }

    /** {@code id} is a subscription's id from the list. */
    @DELETE
    @Path("{id}")
    public void unfollow(@PathParam("id") Long id) {
        following.unfollow(id);
    }
}
