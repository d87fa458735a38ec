package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import de.zusammenwachsen.workspace.group.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A group's members: the list, joining and leaving, removal and roles. */
@Path("groups/{slug}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    public record RoleChange(Role role) {
    }

    @Inject
    Memberships memberships;

    @PathParam("slug")
    String slug;

    @GET
    public Page<GroupView.Member> members(@QueryParam("q") String text, @BeanParam Paging paging) {
        return memberships.members(slug, text, paging.first(), paging.size());
    }

    /** Joins an open group at once; groups with other join policies answer 403 (ask or be invited instead). */
    @POST
    public Response join() {
        memberships.join(slug);
        return Response.status(Response.Status.CREATED).build();
    }

    @DELETE
    @Path("me")
    public void leave() {
        memberships.leave(slug);
    }

    @DELETE
    @Path("{accountId}")
    public void remove(@PathParam("accountId") Long accountId) {
        memberships.remove(slug, accountId);
    }

    @PUT
    @Path("{accountId}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public void changeRole(@PathParam("accountId") Long accountId, RoleChange change) {
        memberships.changeRole(slug, accountId, Requests.body(change).role());
    }
}
