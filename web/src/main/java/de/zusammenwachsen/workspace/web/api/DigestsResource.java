package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.notification.boundary.Digests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The daily digest on demand, for administrators: sends every digest that waits now instead of at the configured
 * hour; answers how many recipients there were, how many mails went into the outbox and how long it took.
 */
@Path("admin/digests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DigestsResource {

    @Inject
    Digests digests;

    @POST
    public Digests.Run runNow() {
        return digests.runNow();
    }
}
