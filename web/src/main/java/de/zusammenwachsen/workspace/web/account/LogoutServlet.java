package de.zusammenwachsen.workspace.web.account;

import de.zusammenwachsen.workspace.web.security.FormToken;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Logout, the header's plain form ({@code POST /account/logout} with the session's {@link FormToken}): ends the
 * session and goes to the start page. A request without the secret, or one another site made the browser send, logs
 * nobody out (403). When the session has already ended, there is nobody to log out, and the start page follows.
 */
@WebServlet("/account/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            if (FormToken.crossSite(request) || !FormToken.carriedBy(request)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/index.xhtml");
    }
}
