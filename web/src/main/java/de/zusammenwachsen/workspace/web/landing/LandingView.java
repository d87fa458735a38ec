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
    private de.zusammenwachsen.workspace.core.Page<de.zusammenwachsen.workspace.group.boundary.GroupView.Summary> groups;

    @Inject
    de.zusammenwachsen.workspace.group.boundary.WorkingGroups workingGroups;

    /** Public groups for the guest's first look; logged-in people see what they may see. */
    public de.zusammenwachsen.workspace.core.Page<de.zusammenwachsen.workspace.group.boundary.GroupView.Summary> getGroups() {
        if (groups == null) {
            groups = workingGroups.directory(new de.zusammenwachsen.workspace.group.boundary.GroupView.Filter(
                    null, null, de.zusammenwachsen.workspace.group.entity.Visibility.PUBLIC, null, false), 0, 6);
        }
        return groups;
    }

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
