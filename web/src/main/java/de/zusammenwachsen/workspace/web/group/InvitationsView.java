package de.zusammenwachsen.workspace.web.group;

import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import de.zusammenwachsen.workspace.group.boundary.WorkingGroups;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Moderators invite people by e-mail and see or withdraw the invitations still open. */
@Named
@RequestScoped
public class InvitationsView {

    @Inject
    WorkingGroups groups;

    @Inject
    Memberships memberships;

    private String slug;
    private String email;
    private GroupView.Detail group;
    private List<GroupView.PendingInvitation> pending;

    @PostConstruct
    void identify() {
        slug = Requests.param("slug");
    }

    public void load() {
        getPending();
    }

    public GroupView.Detail getGroup() {
        if (group == null) {
            group = groups.bySlug(slug);
        }
        return group;
    }

    public List<GroupView.PendingInvitation> getPending() {
        if (pending == null) {
            pending = memberships.pendingInvitations(slug);
        }
        return pending;
    }

    public String invite() {
        String address = email;
        return Messages.attempt(() -> memberships.invite(slug, address), "invitations.sent", address)
                ? "/groups/invitations?faces-redirect=true&slug=" + slug : null;
    }

    public String revoke(Long id, String address) {
        return Messages.attempt(() -> memberships.revokeInvitation(id), "invitations.revoked", address)
                ? "/groups/invitations?faces-redirect=true&slug=" + slug : null;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
