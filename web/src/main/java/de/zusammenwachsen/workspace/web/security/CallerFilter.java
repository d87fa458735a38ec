package de.zusammenwachsen.workspace.web.security;

import de.zusammenwachsen.workspace.access.control.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/** Tells the boundaries who is calling: the account id that the login put into the HTTP session, if any. */
@WebFilter(urlPatterns = "*.xhtml")
public class CallerFilter extends HttpFilter {

    /** The only thing a login keeps in the session: a Long, so sessions stay a few hundred bytes. */
    public static final String ACCOUNT = "zw.account";

    @Inject
    Caller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        caller.identify(session == null ? null : (Long) session.getAttribute(ACCOUNT));
        chain.doFilter(request, response);
    }
}
