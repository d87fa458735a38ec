package de.zusammenwachsen.workspace.web.dashboard;

import de.zusammenwachsen.workspace.account.boundary.Accounts;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** "My groups": the start page after login, with the person's groups and the state of their requests. */
@Named
@RequestScoped
public class DashboardView {

    @Inject
    WorkingGroups groups;

    @Inject
    Memberships memberships;

    @Inject
    Accounts accounts;

    private List<GroupView.Summary> mine;
    private List<GroupView.Request> requests;
    private Accounts.Me me;

    public void load() {
        me = accounts.me();
    }

    public Accounts.Me getMe() {
        return me;
    }

    public List<GroupView.Summary> getMine() {
        if (mine == null) {
            mine = groups.mine();
        }
        return mine;
    }

    public List<GroupView.Request> getRequests() {
        if (requests == null) {
            requests = memberships.myRequests();
        }
        return requests;
    }
}
