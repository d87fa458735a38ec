package de.zusammenwachsen.workspace.web.shell;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import de.zusammenwachsen.workspace.web.security.FormToken;
import de.zusammenwachsen.workspace.web.security.SessionAccount;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Starts a logged-in session: a new session id against fixation, then only the account id and its credentials
 * epoch are kept ({@link SessionAccount}).
 */
public final class SessionLogin {

    private SessionLogin() {
    }

    /** The first session of an account just created (registration through an invitation, first administrator). */
    public static void establish(Long accountId, Language language, LanguageView languageView) {
        establish(accountId, Account.FIRST_CREDENTIALS_EPOCH, language, languageView);
    }

    public static void establish(Long accountId, int credentialsEpoch, Language language, LanguageView languageView) {
        HttpServletRequest request = renewSessionId();
        FormToken.forget(request.getSession());
        SessionAccount.keep(request.getSession(), accountId, credentialsEpoch);
        if (language != null) {
            languageView.setLanguage(language.code());
        }
    }

    /**
     * Keeps the session that changed its own password logged in with the new credentials epoch (the others end), under
     * a new session id: an id that leaked before the change is worth nothing after it.
     */
    public static void credentialsChanged(int credentialsEpoch) {
        HttpServletRequest request = renewSessionId();
        SessionAccount current = SessionAccount.of(request.getSession());
        if (current != null) {
            SessionAccount.keep(request.getSession(), current.accountId(), credentialsEpoch);
        }
    }

    private static HttpServletRequest renewSessionId() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        request.getSession(true);
        request.changeSessionId();
        return request;
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
