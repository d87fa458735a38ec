package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.network.boundary.Network;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The network's action fields and regions. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

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

    @GET
    @Path("regions")
    public List<Network.RegionInfo> regions() {
        return network.regions();
    }
}
