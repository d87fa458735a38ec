package de.zusammenwachsen.workspace.web.security;

import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/**
 * Stops two kinds of form posts to the pages before they reach Faces, and before anything makes a session:
 * <ul>
 *   <li>a post another site made the browser send (Fetch Metadata). It arrives without the session cookie (which is
 *   {@code SameSite=Lax}), so it could never act as the person, but the answer used to set a new session cookie over
 *   theirs and so logged them out;</li>
 *   <li>a form whose fields cannot be read, e.g. more than the server's 1,000 parameters: it used to fail inside Faces
 *   with a 500 and a stack trace.</li>
 * </ul>
 * Both get a short page of their own (403, 400), written here because the request cannot go through Faces (its
 * parameters are unreadable, or reading them would start the refused work). The REST API has its own doors: bearer
 * tokens, which no other site can make a browser send.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UnsafeRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (SAFE.contains(request.getMethod()) || path.startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        if (FormToken.crossSite(request)) {
            answer(request, response, HttpServletResponse.SC_FORBIDDEN, "error.crossSite");
            return;
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            try {
                // Read as Faces would: every page and form of the workspace is UTF-8.
                if (request.getCharacterEncoding() == null) {
                    request.setCharacterEncoding("UTF-8");
                }
                request.getParameterMap();
            } catch (RuntimeException unreadable) {
                // Undertow refuses more than its max-parameters (1,000) fields with an IllegalStateException.
                answer(request, response, HttpServletResponse.SC_BAD_REQUEST, "error.badRequest");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        Locale locale = LanguageView.localeOf(request);
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", SecurityHeadersFilter.STRICT_CSP);
        String title = Texts.get(locale, status == HttpServletResponse.SC_FORBIDDEN ? "error.forbidden" : "error.invalid");
        PrintWriter out = response.getWriter();
        out.append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"UTF-8\">")
                .append("<title>").append(title).append("</title></head><body><main><h1>").append(title).append("</h1><p>")
                .append(Texts.get(locale, key)).append("</p><p><a href=\"").append(request.getContextPath()).append("/\">")
                .append(Texts.get(locale, "app.home")).append("</a></p></main></body></html>");
    }
}
