package de.zusammenwachsen.workspace.web.landing;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.group.entity.Visibility;
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
    private Page<GroupView.Summary> groups;

    @Inject
    WorkingGroups workingGroups;

    /** A few public groups for the guest's first look. */
    public Page<GroupView.Summary> getGroups() {
        if (groups == null) {
            groups = workingGroups.directory(new GroupView.Filter(null, null, Visibility.PUBLIC, null, false), 0, 6);
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
