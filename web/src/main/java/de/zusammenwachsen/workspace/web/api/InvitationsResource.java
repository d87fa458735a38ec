package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.account.boundary.AccessTokens;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Invitations by id and by their mailed link: moderators withdraw them; the invited person accepts it, as the
 * logged-in account of the invited address (403 {@code invitation.otherAddress} for any other account) or by
 * creating the account of that address. The API has no registration of its own: an invitation is the way in for
 * scripts too. Inviting is {@link GroupInvitationsResource}.
 */
@Path("invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    /** The secret from the link ({@code …/invitation.xhtml?token=SECRET}). */
    public record Acceptance(String token) {
    }

    /**
     * A new account through the link. With a {@code tokenName} the answer also carries a personal access token
     * (shown once), so that a script can go on at once.
     */
    public record Registration(String token, String displayName, String password, String language, String tokenName) {
    }

    public record Registered(Long accountId, String group, String token) {
    }

    @Inject
    Memberships memberships;

    @Inject
    WorkingGroups groups;

    @Inject
    AccessTokens tokens;

    @DELETE
    @Path("{id}")
    public void revoke(@PathParam("id") Long id) {
        memberships.revokeInvitation(id);
    }

    /** Accepts as the calling account; answers the group the caller now belongs to. */
    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupView.Detail accept(Acceptance acceptance) {
        String slug = memberships.accept(Requests.body(acceptance).token());
        return groups.bySlug(slug);
    }

    /**
     * One transaction for the account and its token: a refused token name must not leave an account behind whose
     * invitation is used up.
     */
    @POST
    @Path("accept-new")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response acceptAsNewAccount(Registration registration) {
        Registration r = Requests.body(registration);
        String slug = memberships.offer(r.token()).groupSlug();
        Long accountId = memberships.registerThroughInvitation(r.token(), r.displayName(), r.password(),
                Requests.language(r.language()));
        // The boundary identified the new account as the caller, so the token is issued to it.
        String secret = r.tokenName() == null || r.tokenName().isBlank() ? null : tokens.create(r.tokenName()).secret();
        return Response.status(Response.Status.CREATED).entity(new Registered(accountId, slug, secret)).build();
    }
}
