package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Moderators invite people to their group by e-mail, members of the network or not, and see who is invited. */
@Path("groups/{slug}/invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupInvitationsResource {

    public record Invitee(String email) {
    }

    @Inject
    Memberships memberships;

    @PathParam("slug")
    String slug;

    /** Answers the invitation's id; the secret link goes to the invited address only. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(Invitee invitee) {
        Long id = memberships.invite(slug, Requests.body(invitee).email());
        JsonObject created = Json.createObjectBuilder().add("id", id).build();
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    public List<GroupView.PendingInvitation> pending() {
        return memberships.pendingInvitations(slug);
    }
}
