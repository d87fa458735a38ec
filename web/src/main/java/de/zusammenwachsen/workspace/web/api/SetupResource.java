package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.setup.boundary.Setup;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The first-administrator command: whoever has the setup code from the server log (or {@code setup-code.txt} in the
 * data directory) creates the first administrator, optionally with a personal access token for scripts. Answers
 * 404 once an administrator exists.
 */
@Path("setup")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SetupResource {

    public record FirstAdministrator(String setupCode, String email, String displayName, String password,
                                     String language, String tokenName) {
    }

    @Inject
    Setup setup;

    @POST
    public Response createFirstAdministrator(FirstAdministrator request) {
        FirstAdministrator r = Requests.body(request);
        Setup.Result result = setup.createFirstAdministrator(r.setupCode(), r.email(), r.displayName(), r.password(),
                Requests.language(r.language()), r.tokenName());
        return Response.status(Response.Status.CREATED).entity(result).build();
    }
}
