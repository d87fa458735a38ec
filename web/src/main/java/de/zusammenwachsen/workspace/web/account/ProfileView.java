package de.zusammenwachsen.workspace.web.account;

import de.zusammenwachsen.workspace.account.boundary.AccessTokens;
import de.zusammenwachsen.workspace.account.boundary.Profiles;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import de.zusammenwachsen.workspace.web.shell.SessionLogin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The own profile, the password and the personal access tokens for the REST API. */
@Named
@RequestScoped
public class ProfileView {

    @Inject
    Profiles profiles;

    @Inject
    AccessTokens tokens;

    @Inject
    Network network;

    @Inject
    LanguageView languageView;

    private int version;
    private String email;
    private String displayName;
    private String organisation;
    private String region;
    private String competences;
    private String bio;
    private String language;
    private String currentPassword;
    private String newPassword;
    /** Offered with the new password and ticked by default, as on the reset page. */
    private boolean revokeTokens = true;
    private String tokenName;
    private String newTokenSecret;
    private List<AccessTokens.TokenInfo> tokenList;
    private List<Network.RegionInfo> regions;

    public void load() {
        Profiles.Profile p = profiles.mine();
        email = p.email();
        if (!FacesContext.getCurrentInstance().isPostback()) {
            version = p.version();
            displayName = p.displayName();
            organisation = p.organisation();
            region = p.region();
            competences = p.competences();
            bio = p.bio();
            language = p.language().code();
        }
    }

    public String save() {
        Language lang = Language.of(language);
        boolean ok = Messages.attempt(() -> profiles.update(version, displayName, organisation, region, competences, bio, lang),
                "profile.saved");
        if (ok) {
            languageView.setLanguage(lang.code());
            return "/account/profile?faces-redirect=true";
        }
        return null;
    }

    /** Changes the password; this session stays logged in, the person's other sessions end. */
    public String changePassword() {
        int[] epoch = new int[1];
        boolean ok = Messages.attempt(() -> epoch[0] = profiles.changePassword(currentPassword, newPassword, revokeTokens),
                "profile.passwordChanged");
        currentPassword = null;
        newPassword = null;
        if (!ok) {
            return null;
        }
        SessionLogin.credentialsChanged(epoch[0]);
        return "/account/profile?faces-redirect=true";
    }

    /** Creates a token and shows its secret on this response only; it is never shown again. */
    public void createToken() {
        Messages.attempt(() -> newTokenSecret = tokens.create(tokenName).secret(), "tokens.created", tokenName);
        tokenName = null;
        tokenList = null;
    }

    public String revokeToken(Long id, String name) {
        return Messages.attempt(() -> tokens.revoke(id), "tokens.revoked", name) ? "/account/profile?faces-redirect=true" : null;
    }

    public List<AccessTokens.TokenInfo> getTokens() {
        if (tokenList == null) {
            tokenList = tokens.mine();
        }
        return tokenList;
    }

    public List<Network.RegionInfo> getRegions() {
        if (regions == null) {
            regions = network.regions();
        }
        return regions;
    }

    public String getNewTokenSecret() {
        return newTokenSecret;
    }

    public String getEmail() {
        return email;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getCompetences() {
        return competences;
    }

    public void setCompetences(String competences) {
        this.competences = competences;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public boolean isRevokeTokens() {
        return revokeTokens;
    }

    public void setRevokeTokens(boolean revokeTokens) {
        this.revokeTokens = revokeTokens;
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }
}
