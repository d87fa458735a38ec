package de.zusammenwachsen.workspace.web.account;

import de.zusammenwachsen.workspace.account.boundary.Accounts;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "Forgot password": asking for a link by mail, and setting a new password through it. */
@Named
@RequestScoped
public class ResetView {

    @Inject
    Accounts accounts;

    private String email;
    private String token;
    private String password;
    /** Offered with the new password and ticked by default: a reset is what people do when they fear a leak. */
    private boolean revokeTokens = true;
    private boolean requested;

    @PostConstruct
    void identify() {
        token = Requests.param("token");
    }

    /** Says the same whether or not the address has an account, so the form reveals no addresses. */
    public void request() {
        accounts.requestPasswordReset(email);
        requested = true;
    }

    public String reset() {
        String secret = token;
        String newPassword = password;
        password = null;
        boolean revoke = revokeTokens;
        return Messages.attempt(() -> accounts.resetPassword(secret, newPassword, revoke), "reset.done")
                ? "/account/login?faces-redirect=true" : null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isRevokeTokens() {
        return revokeTokens;
    }

    public void setRevokeTokens(boolean revokeTokens) {
        this.revokeTokens = revokeTokens;
    }

    public boolean isRequested() {
        return requested;
    }
}
