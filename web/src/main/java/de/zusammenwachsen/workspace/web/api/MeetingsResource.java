package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.meeting.boundary.Agenda;
import de.zusammenwachsen.workspace.meeting.boundary.MeetingView;
import de.zusammenwachsen.workspace.meeting.boundary.Meetings;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;

/** One meeting with its agenda: reading, changing, cancelling, answering, the calendar file, the agenda's order. */
@Path("meetings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeetingsResource {

    public record AnswerBody(String answer) {
    }

    /** The accepted items' ids in the new order, and the meeting version the client saw. */
    public record OrderBody(List<Long> items, Integer version) {
    }

    public record TakeOverBody(Long actionItemId) {
    }

    @Inject
    Meetings meetings;

    @Inject
    Agenda agenda;

    @Context
    UriInfo uri;

    @GET
    @Path("{id: [0-9]+}")
    public MeetingView.Detail get(@PathParam("id") Long id) {
        return meetings.get(id);
    }

    /** Changes the meeting; {@code version} from the last read (changed meanwhile: 409). Time or place changes mail an update. */
    @PUT
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MeetingView.Detail update(@PathParam("id") Long id, MeetingRequests.MeetingBody request) {
        MeetingRequests.MeetingBody r = Requests.body(request);
        meetings.update(id, Requests.version(r.version()), r.form());
        return meetings.get(id);
    }

    /** Cancels the meeting (it stays listed, marked cancelled) and mails the cancellation. */
    @DELETE
    @Path("{id: [0-9]+}")
    public Response cancel(@PathParam("id") Long id) {
        meetings.cancel(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id: [0-9]+}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public MeetingView.Detail answer(@PathParam("id") Long id, AnswerBody request) {
        meetings.answer(id, MeetingRequests.answer(Requests.body(request).answer()));
        return meetings.get(id);
    }

    @GET
    @Path("{id: [0-9]+}.ics")
    @Produces("text/calendar")
    public Response ics(@PathParam("id") Long id) {
        return Response.ok(meetings.ics(id), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"meeting-" + id + ".ics\"").build();
    }

    @GET
    @Path("{id: [0-9]+}/ics")
    @Produces("text/calendar")
    public Response icsAlias(@PathParam("id") Long id) {
        return ics(id);
    }

    /** Proposes an agenda item (201); the organiser's and moderators' items are accepted at once. */
    @POST
    @Path("{id: [0-9]+}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(@PathParam("id") Long id, MeetingRequests.ItemBody request) {
        Long item = agenda.propose(id, Requests.body(request).form());
        return Response.created(uri.getBaseUriBuilder().path("agenda-items").path(String.valueOf(item)).build())
                .entity(Map.of("id", item)).build();
    }

    @PUT
    @Path("{id: [0-9]+}/agenda/order")
    @Consumes(MediaType.APPLICATION_JSON)
    public MeetingView.Detail reorder(@PathParam("id") Long id, OrderBody request) {
        OrderBody r = Requests.body(request);
        agenda.reorder(id, Requests.version(r.version()), r.items());
        return meetings.get(id);
    }

    @GET
    @Path("{id: [0-9]+}/offered-action-items")
    public List<MeetingView.Offered> offered(@PathParam("id") Long id) {
        return agenda.offeredActionItems(id);
    }

    /** Puts an open action item of the group on the agenda (201). */
    @POST
    @Path("{id: [0-9]+}/agenda/action-items")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response takeOver(@PathParam("id") Long id, TakeOverBody request) {
        Long item = agenda.takeOver(id, Requests.body(request).actionItemId());
        return Response.created(uri.getBaseUriBuilder().path("agenda-items").path(String.valueOf(item)).build())
                .entity(Map.of("id", item)).build();
    }
}
