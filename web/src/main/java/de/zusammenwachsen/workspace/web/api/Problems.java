package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.Texts;
import jakarta.json.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/**
 * RFC 9457 problem JSON, built in one place so that every refusal of the API looks the same: refused use cases,
 * bad tokens, unreadable bodies and the JAX-RS runtime's own 404/405/415. The {@code code} member is the message
 * key, stable for scripts; {@code detail} is the text in the caller's language (Accept-Language, German by default).
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    /** RFC 9110: every 401 names the scheme that would work. */
    static final String BEARER_CHALLENGE = "Bearer realm=\"workspace\"";

    private Problems() {
    }

    static Response.ResponseBuilder problem(int status, HttpHeaders headers, String key, Object... arguments) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", known == null ? "Error" : known.getReasonPhrase())
                .add("status", status)
                .add("detail", Texts.get(locale(headers), key, arguments))
                .add("code", key)
                .build().toString();
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(body);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        }
        return response;
    }

    static Locale locale(HttpHeaders headers) {
        try {
            return headers == null || headers.getAcceptableLanguages().isEmpty()
                    ? Locale.GERMAN : headers.getAcceptableLanguages().get(0);
        } catch (RuntimeException e) {
            // A malformed Accept-Language header must not turn a problem answer into a 500.
            return Locale.GERMAN;
        }
    }
}
