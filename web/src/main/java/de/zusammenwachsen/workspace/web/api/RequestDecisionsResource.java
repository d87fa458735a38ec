package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.group.boundary.Memberships;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Moderators decide a join request by its id; the requester learns the outcome by mail and in {@code GET /me/requests}. */
@Path("requests/{id}")
@RequestScoped
public class RequestDecisionsResource {

    @Inject
    Memberships memberships;

    @POST
    @Path("approve")
    public void approve(@PathParam("id") Long id) {
        memberships.approve(id);
    }

    @POST
    @Path("deny")
    public void deny(@PathParam("id") Long id) {
        memberships.deny(id);
    }
}
