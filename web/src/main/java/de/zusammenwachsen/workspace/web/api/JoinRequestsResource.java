package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Requests to join a group with join policy REQUEST; decided through {@link RequestDecisionsResource}. */
@Path("groups/{slug}/requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JoinRequestsResource {

    /** The message to the moderators is optional; so is the body, when the request says it is JSON. */
    public record RequestMessage(String message) {
    }

    @Inject
    Memberships memberships;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(@PathParam("slug") String slug, RequestMessage request) {
        Long id = memberships.request(slug, request == null ? null : request.message());
        JsonObject created = Json.createObjectBuilder().add("id", id).build();
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /** The group's open requests, oldest first; for its moderators and administrators. */
    @GET
    public Page<GroupView.Request> pending(@PathParam("slug") String slug, @BeanParam Paging paging) {
        return memberships.pendingRequests(slug, paging.first(), paging.size());
    }
}
