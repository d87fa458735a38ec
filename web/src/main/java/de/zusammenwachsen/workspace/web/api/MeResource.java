package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.account.boundary.AccessTokens;
import de.zusammenwachsen.workspace.account.boundary.Profiles;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
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
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The caller's own account: profile, personal access tokens, groups and join requests. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    public record ProfileChange(Integer version, String displayName, String organisation, String region,
                                String competences, String bio, String language) {
    }

    public record TokenRequest(String name) {
    }

    @Inject
    Profiles profiles;

    @Inject
    AccessTokens tokens;

    @Inject
    WorkingGroups groups;

    @Inject
    Memberships memberships;

    @GET
    public Profiles.Profile me() {
        return profiles.mine();
    }

    /** Replaces the profile; a missing language keeps the current one. */
    @PUT
    public Profiles.Profile update(ProfileChange change) {
        ProfileChange c = Requests.body(change);
        var language = c.language() == null ? profiles.mine().language() : Requests.language(c.language());
        return profiles.update(Requests.version(c.version()), c.displayName(), c.organisation(), c.region(),
                c.competences(), c.bio(), language);
    }

    @GET
    @Path("tokens")
    public List<AccessTokens.TokenInfo> tokens() {
        return tokens.mine();
    }

    /** The answer is the only time the secret is shown. */
    @POST
    @Path("tokens")
    public Response createToken(TokenRequest request) {
        AccessTokens.NewToken token = tokens.create(Requests.body(request).name());
        return Response.status(Response.Status.CREATED).entity(token).build();
    }

    @DELETE
    @Path("tokens/{id}")
    public void revokeToken(@PathParam("id") Long id) {
        tokens.revoke(id);
    }

    @GET
    @Path("groups")
    public List<GroupView.Summary> groups() {
        return groups.mine();
    }

    @GET
    @Path("requests")
    public List<GroupView.Request> requests() {
        return memberships.myRequests();
    }
}
