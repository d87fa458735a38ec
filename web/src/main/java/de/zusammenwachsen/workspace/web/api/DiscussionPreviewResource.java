package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.discussion.boundary.Discussions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A draft rendered as it would be posted in the group (sanitized HTML), with the members it would mention. */
@Path("groups/{slug}/preview")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DiscussionPreviewResource {

    public record Draft(String body) {
    }

    @Inject
    Discussions discussions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public DiscussionView.Preview preview(@PathParam("slug") String slug, Draft draft) {
        return discussions.preview(slug, Requests.body(draft).body());
    }
}
