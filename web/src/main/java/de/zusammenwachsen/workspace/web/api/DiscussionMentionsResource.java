package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.discussion.boundary.Discussions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Members of the group to mention, by the start of their name or of a word of it ({@code ?q=An}), for autocompletion. */
@Path("groups/{slug}/mention-candidates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DiscussionMentionsResource {

    @Inject
    Discussions discussions;

    @GET
    public List<DiscussionView.MemberRef> candidates(@PathParam("slug") String slug, @QueryParam("q") String prefix) {
        return discussions.mentionCandidates(slug, prefix);
    }
}
