package de.zusammenwachsen.workspace.web.search;

import de.zusammenwachsen.workspace.search.boundary.Search;
import de.zusammenwachsen.workspace.web.api.SearchResource;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * Suggestions for the search box in the header ({@code GET /search/suggestions?q=}), for the logged-in session;
 * the same as {@code /api/v1/search/suggestions}.
 */
@WebServlet(urlPatterns = "/search/suggestions")
public class SuggestionsServlet extends SessionJsonServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Search search;

    @Override
    JsonValue answer(HttpServletRequest request, Locale locale) {
        JsonArrayBuilder answer = JSON.createArrayBuilder();
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
        return answer.build();
    }
}
