package de.zusammenwachsen.workspace.web.shell;

import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import de.zusammenwachsen.workspace.web.security.CallerFilter;
import de.zusammenwachsen.workspace.web.security.FormToken;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** Starts a logged-in session: a new session id against fixation, then only the account id is kept. */
public final class SessionLogin {

    private SessionLogin() {
    }

    public static void establish(Long accountId, Language language, LanguageView languageView) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.getSession(true);
        request.changeSessionId();
        FormToken.forget(request.getSession());
        external.getSessionMap().put(CallerFilter.ACCOUNT, accountId);
        if (language != null) {
            languageView.setLanguage(language.code());
        }
    }

    /** Only paths inside the workspace are followed after login, so a crafted link cannot send people elsewhere. */
    public static String safeReturnPath(String back, String contextPath) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.contains("\r")
                || back.contains("\n")) {
            return null;
        }
        return back.startsWith(contextPath) ? back : null;
    }
}
