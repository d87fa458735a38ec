package de.zusammenwachsen.workspace.web.search;

import de.zusammenwachsen.workspace.search.boundary.Search;
import de.zusammenwachsen.workspace.web.api.SearchResource;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * The marked passage of one hit of the results page ({@code GET /search/passage?type=&id=&q=}), for a hit whose
 * words lie beyond the stored start of its text; the same as {@code /api/v1/search/passage}. {@code passage} is
 * escaped HTML with {@code <mark>} elements, or null when the text does not hold the words.
 */
@WebServlet(urlPatterns = "/search/passage")
public class PassageServlet extends SessionJsonServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Search search;

    @Override
    JsonValue answer(HttpServletRequest request, Locale locale) {
        String passage = SearchResource.passage(search, request.getParameter("type"), request.getParameter("id"),
                request.getParameter("q"));
        JsonObjectBuilder answer = JSON.createObjectBuilder();
        return (passage == null ? answer.addNull("passage") : answer.add("passage", passage)).build();
    }
}
