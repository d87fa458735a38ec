package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.meeting.boundary.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One action item of circulated or approved minutes: its status and due date, kept by its owner or a moderator. */
@Path("action-items/{id: [0-9]+}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ActionItemsResource {

    @Inject
    Tasks tasks;

    @PathParam("id")
    Long id;

    /** Sets status and due date (null: none); a stale {@code version} answers 409. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public MinutesView.Task update(MinutesRequests.TaskBody request) {
        MinutesRequests.TaskBody body = Requests.body(request);
        return tasks.update(id, Requests.version(body.version()), body.status(), body.dueOn());
    }
}
