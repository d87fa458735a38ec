package de.zusammenwachsen.workspace.web.i18n;

import de.zusammenwachsen.workspace.web.security.FormToken;
import de.zusammenwachsen.workspace.web.shell.SessionLogin;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The header's language switch, a plain form ({@code POST /language}, fields {@code language} and {@code back}):
 * keeps the language (session and cookie, see {@link LanguageView}) and shows the same page again ({@code back}, a path inside the workspace;
 * otherwise the start page). A switch another site made the browser send is refused (403); it would only change
 * the language, so the form carries no secret, and a guest needs no session to see it.
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LanguageView language;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (FormToken.crossSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        language.setLanguage(request.getParameter("language"));
        LanguageView.remember(request, response, language.getLanguage());
        String back = SessionLogin.safeReturnPath(request.getParameter("back"), request.getContextPath());
        response.sendRedirect(back != null ? back : request.getContextPath() + "/index.xhtml");
    }
}
