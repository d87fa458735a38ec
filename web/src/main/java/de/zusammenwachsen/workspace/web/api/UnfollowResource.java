package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.notification.boundary.Following;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The unfollow link of notification mails, by the subscription's secret token: no login, no token, no session.
 * {@code POST} is the RFC 8058 one-click target named in the mails' {@code List-Unsubscribe} header: mail
 * providers send it as a form ({@code List-Unsubscribe=One-Click}), so any content type and any Accept header is
 * taken, and the answer is JSON whatever was asked for. Unknown tokens answer 404.
 */
@Path("unfollow/{token}")
@RequestScoped
public class UnfollowResource {

    @Inject
    Following following;

    @PathParam("token")
    String token;

    /** What the link ends (a group's board or a thread) and whether it is still followed. */
    @GET
    public Response subscription() {
        return json(following.byToken(token));
    }

    /** Ends the subscription; sending it again changes nothing. */
    @POST
    public Response unfollow() {
        return json(following.unfollowByToken(token));
    }

    private static Response json(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
