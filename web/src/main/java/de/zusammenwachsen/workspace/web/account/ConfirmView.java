package de.zusammenwachsen.workspace.web.account;

import de.zusammenwachsen.workspace.account.boundary.Accounts;
import de.zusammenwachsen.workspace.core.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Opens the confirmation link from the registration mail. */
@Named
@RequestScoped
public class ConfirmView {

    @Inject
    Accounts accounts;

    private String token;
    private String problem;
    private boolean confirmed;

    public void confirm() {
        try {
            accounts.confirm(token);
            confirmed = true;
        } catch (DomainException e) {
            problem = e.key();
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getProblem() {
        return problem;
    }

    public boolean isConfirmed() {
        return confirmed;
    }
}
