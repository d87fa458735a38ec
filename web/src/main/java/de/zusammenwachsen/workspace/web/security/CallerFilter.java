package de.zusammenwachsen.workspace.web.security;

import de.zusammenwachsen.workspace.access.control.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Tells the boundaries who is calling: the account that the login put into the HTTP session, if any, and if its
 * password has not been changed since ({@link SessionAccount}).
 */
@WebFilter(urlPatterns = "*.xhtml")
public class CallerFilter extends HttpFilter {

    /** Where Faces serves the libraries' scripts, styles and images: the same for everybody, so nobody is identified. */
    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Inject
    Caller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().startsWith(RESOURCES, request.getContextPath().length())) {
            caller.identify(null);
        } else {
            SessionAccount.identify(request, caller);
        }
        chain.doFilter(request, response);
    }
}
