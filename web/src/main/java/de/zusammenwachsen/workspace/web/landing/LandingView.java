package de.zusammenwachsen.workspace.web.landing;

import de.zusammenwachsen.workspace.network.boundary.Network;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The guest landing page: the network in a few words, its action fields and regions. */
@Named
@RequestScoped
public class LandingView {

    @Inject
    Network network;

    private List<Network.ActionFieldInfo> actionFields;
    private List<Network.RegionInfo> regions;

    public List<Network.ActionFieldInfo> getActionFields() {
        if (actionFields == null) {
            actionFields = network.actionFields();
        }
        return actionFields;
    }

    public List<Network.RegionInfo> getRegions() {
        if (regions == null) {
            regions = network.regions();
        }
        return regions;
    }
}
