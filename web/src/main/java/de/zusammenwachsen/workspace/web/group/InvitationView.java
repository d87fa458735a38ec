package de.zusammenwachsen.workspace.web.group;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.group.boundary.GroupView;
import de.zusammenwachsen.workspace.group.boundary.Memberships;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import de.zusammenwachsen.workspace.web.shell.Requests;
import de.zusammenwachsen.workspace.web.shell.SessionLogin;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page an invitation link opens: logged-in people accept with one click; people without an account register
 * right here and land in the group; people with an account log in first and come back.
 */
@Named
@RequestScoped
public class InvitationView {

    @Inject
    Memberships memberships;

    @Inject
    Caller caller;

    @Inject
    LanguageView language;

    private String token;
    private GroupView.InvitationOffer offer;
    private String displayName;
    private String password;

    @PostConstruct
    void identify() {
        token = Requests.param("token");
    }

    public void load() {
        getOffer();
    }

    public GroupView.InvitationOffer getOffer() {
        if (offer == null) {
            offer = memberships.offer(token);
        }
        return offer;
    }

    public boolean isLoggedIn() {
        return !caller.isGuest();
    }

    public String accept() {
        String[] slug = new String[1];
        return Messages.attempt(() -> slug[0] = memberships.accept(token), "invitation.accepted")
                ? "/groups/group?faces-redirect=true&slug=" + slug[0] : null;
    }

    public String register() {
        Long[] id = new Long[1];
        Language lang = Language.of(language.getLanguage());
        boolean ok = Messages.attempt(() -> id[0] = memberships.registerThroughInvitation(token, displayName, password, lang),
                "invitation.registered");
        password = null;
        if (!ok) {
            return null;
        }
        SessionLogin.establish(id[0], lang, language);
        return "/groups/group?faces-redirect=true&slug=" + getOffer().groupSlug();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
