package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.group.control.GroupInput;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.Visibility;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * Working groups: the directory, a group's home, the administrators' and moderators' changes to a group and its
 * audit log. Members, join requests and invitations have their own resources under {@code groups/{slug}/}.
 */
@Path("groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    /** A new group: {@link GroupInput}'s fields plus the e-mail addresses of its first moderators. */
    public record NewGroup(String slug, String name, String description, List<String> actionFields, List<String> regions,
                           Visibility visibility, JoinPolicy joinPolicy, List<String> moderators) {

        GroupInput input() {
            return new GroupInput(slug, name, description, actionFields, regions, visibility, joinPolicy);
        }
    }

    /** Changed settings with the version last read; the slug never changes, so that links keep working. */
    public record GroupChange(Integer version, String name, String description, List<String> actionFields,
                              List<String> regions, Visibility visibility, JoinPolicy joinPolicy) {

        GroupInput input(String slug) {
            return new GroupInput(slug, name, description, actionFields, regions, visibility, joinPolicy);
        }
    }

    public record Appointment(String email) {
    }

    @Inject
    WorkingGroups groups;

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    @GET
    public Page<GroupView.Summary> directory(@QueryParam("actionField") String actionField,
                                             @QueryParam("region") String region,
                                             @QueryParam("visibility") String visibility,
                                             @QueryParam("q") String text,
                                             @QueryParam("archived") String archived,
                                             @BeanParam Paging paging) {
        var filter = new GroupView.Filter(actionField, region, Requests.visibility(visibility), text,
                Requests.bool("archived", archived));
        return groups.directory(filter, paging.first(), paging.size());
    }

    @GET
    @Path("{slug}")
    public GroupView.Detail group(@PathParam("slug") String slug) {
        return groups.bySlug(slug);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewGroup request) {
        NewGroup r = Requests.body(request);
        GroupView.Detail group = groups.create(r.input(), r.moderators());
        return Response.created(uri.getAbsolutePathBuilder().path(group.slug()).build()).entity(group).build();
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupView.Detail update(@PathParam("slug") String slug, GroupChange change) {
        GroupChange c = Requests.body(change);
        return groups.update(slug, Requests.version(c.version()), c.input(slug));
    }

    @POST
    @Path("{slug}/archive")
    public void archive(@PathParam("slug") String slug) {
        groups.archive(slug, true);
    }

    @DELETE
    @Path("{slug}/archive")
    public void unarchive(@PathParam("slug") String slug) {
        groups.archive(slug, false);
    }

    /** Administrators appoint a moderator by e-mail: a member is promoted, anyone else admitted as moderator. */
    @POST
    @Path("{slug}/moderators")
    @Consumes(MediaType.APPLICATION_JSON)
    public void appointModerator(@PathParam("slug") String slug, Appointment appointment) {
        groups.appointModerator(slug, Requests.body(appointment).email());
    }

    /** The group's audit log, newest first; for its moderators and administrators. */
    @GET
    @Path("{slug}/audit")
    public Page<AuditLog.Entry> audit(@PathParam("slug") String slug, @BeanParam Paging paging) {
        return audit.ofGroup(slug, paging.first(), paging.size());
    }
}
