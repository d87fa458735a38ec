package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.meeting.boundary.Agenda;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** One agenda item: change it ({@code version} from the last read), remove it, accept a proposal. */
@Path("agenda-items/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgendaItemsResource {

    @Inject
    Agenda agenda;

    @PathParam("id")
    Long id;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response edit(MeetingRequests.ItemBody request) {
        MeetingRequests.ItemBody r = Requests.body(request);
        agenda.edit(id, Requests.version(r.version()), r.form());
        return Response.noContent().build();
    }

    @DELETE
    public Response remove() {
        agenda.remove(id);
        return Response.noContent().build();
    }

    @POST
    @Path("accept")
    public Response accept() {
        agenda.accept(id);
        return Response.noContent().build();
    }
}
