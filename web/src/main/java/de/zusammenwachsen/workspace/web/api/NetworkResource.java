package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.network.boundary.Network;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The network's action fields and regions: read by everyone, renamed by administrators. Action fields are read by
 * slug (stable, readable links) but edited by id, which the list answers with, so a rename never moves the target.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

    public record ActionFieldChange(Integer version, String name, String nameEn, String description) {
    }

    public record RegionChange(Integer version, String name) {
    }

    @Inject
    Network network;

    @GET
    @Path("action-fields")
    public List<Network.ActionFieldInfo> actionFields() {
        return network.actionFields();
    }

    @GET
    @Path("action-fields/{slug}")
    public Network.ActionFieldInfo actionField(@PathParam("slug") String slug) {
        return network.actionField(slug);
    }

    @PUT
    @Path("action-fields/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Network.ActionFieldInfo updateActionField(@PathParam("id") Long id, ActionFieldChange change) {
        ActionFieldChange c = Requests.body(change);
        return network.updateActionField(id, Requests.version(c.version()), c.name(), c.nameEn(), c.description());
    }

    @GET
    @Path("regions")
    public List<Network.RegionInfo> regions() {
        return network.regions();
    }

    @PUT
    @Path("regions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Network.RegionInfo updateRegion(@PathParam("id") Long id, RegionChange change) {
        RegionChange c = Requests.body(change);
        return network.updateRegion(id, Requests.version(c.version()), c.name());
    }
}
