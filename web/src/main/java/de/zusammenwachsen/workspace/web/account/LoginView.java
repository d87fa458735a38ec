package de.zusammenwachsen.workspace.web.account;

import de.zusammenwachsen.workspace.account.boundary.Accounts;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import de.zusammenwachsen.workspace.web.shell.SessionLogin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** Login. A login gets a new session id (against session fixation); logout is {@link LogoutServlet}. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    Accounts accounts;

    @Inject
    LanguageView language;

    private String email;
    private String password;
    private String back;

    public String login() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        // The device the attempt came from; failed logins are counted per address and device. Behind a reverse proxy
        // (ZW_BEHIND_PROXY) the server takes it from X-Forwarded-For, which the proxy must set, not append to.
        String client = ((HttpServletRequest) external.getRequest()).getRemoteAddr();
        Accounts.LoginResult result = accounts.login(email, password, client);
        password = null;
        switch (result.outcome()) {
            case SUCCESS -> {
                SessionLogin.establish(result.accountId(), result.credentialsEpoch(), result.language(), language);
                String target = SessionLogin.safeReturnPath(back, external.getRequestContextPath());
                if (target != null) {
                    external.redirect(target);
                    return null;
                }
                return "/dashboard?faces-redirect=true";
            }
            case LOCKED -> Messages.error("login.locked", Math.max(1, (result.lockout().toSeconds() + 59) / 60));
            case UNCONFIRMED -> Messages.error("login.unconfirmed");
            default -> Messages.error("login.failed");
        }
        return null;
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

    public String getBack() {
        return back;
    }

    public void setBack(String back) {
        this.back = back;
    }
}
