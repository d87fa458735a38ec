package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.meeting.boundary.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** "My tasks": the caller's action items, {@code status} OPEN (default), DONE (done or cancelled) or ALL; paged. */
@Path("me/tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

    @Inject
    Tasks tasks;

    @GET
    public Page<MinutesView.Task> mine(@QueryParam("status") String status, @BeanParam Paging paging) {
        return tasks.mine(MinutesRequests.taskFilter(status), paging.first(), paging.size());
    }
}
