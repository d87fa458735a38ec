package de.zusammenwachsen.workspace.web.setup;

import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.setup.boundary.Setup;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import de.zusammenwachsen.workspace.web.shell.SessionLogin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The first-run page that creates the first administrator; gone (404) as soon as one exists. */
@Named
@RequestScoped
public class SetupView {

    @Inject
    Setup setup;

    @Inject
    LanguageView language;

    private String code;
    private String email;
    private String displayName;
    private String password;

    public void requireNeeded() {
        if (!setup.needed()) {
            throw new NotFoundException();
        }
    }

    public String create() {
        Language lang = Language.of(language.getLanguage());
        Setup.Result[] result = new Setup.Result[1];
        boolean ok = Messages.attempt(() -> result[0] = setup.createFirstAdministrator(code, email, displayName, password, lang, null),
                "setup.done");
        password = null;
        if (!ok) {
            return null;
        }
        SessionLogin.establish(result[0].accountId(), lang, language);
        return "/admin/index?faces-redirect=true";
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
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
