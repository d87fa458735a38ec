package de.zusammenwachsen.workspace.web.account;

import de.zusammenwachsen.workspace.account.boundary.Accounts;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import de.zusammenwachsen.workspace.web.security.CallerFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Login and logout. A login gets a new session id (against session fixation); logout ends the session. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    Accounts accounts;

    @Inject
    LanguageView language;

    private String email;
    private String password;

    public String login() {
        Accounts.LoginResult result = accounts.login(email, password);
        password = null;
        switch (result.outcome()) {
            case SUCCESS -> {
                ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
                ((HttpServletRequest) external.getRequest()).changeSessionId();
                external.getSessionMap().put(CallerFilter.ACCOUNT, result.accountId());
                language.setLanguage(result.language().code());
                return "/index?faces-redirect=true";
            }
            case LOCKED -> Messages.error("login.locked");
            case UNCONFIRMED -> Messages.error("login.unconfirmed");
            default -> Messages.error("login.failed");
        }
        return null;
    }

    public String logout() {
        FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
        return "/index?faces-redirect=true";
    }

    public boolean isLoggedIn() {
        var session = FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        return session.get(CallerFilter.ACCOUNT) != null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
