package de.zusammenwachsen.workspace.web.account;

import de.zusammenwachsen.workspace.account.boundary.Accounts;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Registration: name, e-mail, password; the account works after the mailed link is opened. The page answers the
 * same whether or not the address already has an account (its owner gets a mail instead).
 */
@Named
@RequestScoped
public class RegisterView {

    @Inject
    Accounts accounts;

    @Inject
    LanguageView language;

    private String displayName;
    private String email;
    private String password;
    private boolean done;

    public void register() {
        Language lang = Language.of(language.getLanguage());
        done = Messages.attempt(() -> accounts.register(email, displayName, password, lang), null);
        password = null;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
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

    public boolean isDone() {
        return done;
    }
}
