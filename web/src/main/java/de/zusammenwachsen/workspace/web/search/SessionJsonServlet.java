package de.zusammenwachsen.workspace.web.search;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import de.zusammenwachsen.workspace.web.security.SessionAccount;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A read-only JSON answer for the pages' own scripts (suggestions in the header box, passages of search hits), for
 * the logged-in session: the REST API answers the same, but only sees bearer tokens and never the session cookie.
 * Without side effects, so a cookie-authenticated GET needs no CSRF token; requests another site makes the browser
 * send are refused all the same (Fetch Metadata), and the answer is never cached. A refusal of the boundary (404
 * for what the visitor may not read, 400 for a bad parameter) is sent as its status.
 */
abstract class SessionJsonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    transient Caller caller;

    @Inject
    transient LanguageView languageView;

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        SessionAccount.identify(request, caller);
        Locale locale = languageView.getLocale();
        JsonValue answer;
        try {
            answer = answer(request, locale);
        } catch (DomainException e) {
            response.sendError(e.status());
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "private, no-store");
        response.getWriter().write(answer.toString());
    }

    /** The answer to the request, for the viewer already identified. */
    abstract JsonValue answer(HttpServletRequest request, Locale locale);
}
