package de.zusammenwachsen.workspace.web.shell;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.network.boundary.Network;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** What the header shows: the action fields menu, and the links that depend on who is logged in. */
@Named
@RequestScoped
public class NavigationView {

    @Inject
    Caller caller;

    @Inject
    Network network;

    private List<Network.ActionFieldInfo> actionFields;

    public boolean isLoggedIn() {
        return !caller.viewer().isGuest();
    }

    public boolean isAdministrator() {
        return caller.viewer().administrator();
    }

    public List<Network.ActionFieldInfo> getActionFields() {
        if (actionFields == null) {
            actionFields = network.actionFields();
        }
        return actionFields;
    }
}
