package de.zusammenwachsen.workspace.web.search;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.search.boundary.Search;
import de.zusammenwachsen.workspace.web.api.SearchResource;
import de.zusammenwachsen.workspace.web.i18n.LanguageView;
import de.zusammenwachsen.workspace.web.security.CallerFilter;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Suggestions for the search box in the header ({@code GET /search/suggestions?q=}), for the logged-in session:
 * the REST API ({@code /api/v1/search/suggestions}) answers the same, but only sees bearer tokens and never the
 * session cookie. Read-only and without side effects, so a cookie-authenticated GET needs no CSRF token; requests
 * another site makes the browser send are refused all the same (Fetch Metadata), and the answer is never cached.
 */
@WebServlet(urlPatterns = "/search/suggestions")
public class SuggestionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    transient Caller caller;

    @Inject
    transient Search search;

    @Inject
    transient LanguageView languageView;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        HttpSession session = request.getSession(false);
        caller.identify(session == null ? null : (Long) session.getAttribute(CallerFilter.ACCOUNT));
        // The language chosen in this session; asking the session bean without a session would start one per guest.
        Locale locale = session == null ? Locale.GERMAN : languageView.getLocale();
        JsonArrayBuilder answer = JSON.createArrayBuilder();
        try {
            for (SearchResource.SuggestionJson s : SearchResource.suggestions(search, request.getParameter("q"), locale)) {
                JsonObjectBuilder one = JSON.createObjectBuilder().add("type", s.type()).add("typeLabel", s.typeLabel())
                        .add("title", s.title() == null ? "" : s.title()).add("link", s.link());
                if (s.group() == null) {
                    one.addNull("group");
                } else {
                    one.add("group", s.group());
                }
                answer.add(one);
            }
        } catch (DomainException e) {
            response.sendError(e.status());
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "private, no-store");
        response.getWriter().write(answer.build().toString());
    }
}
