package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.Texts;
import jakarta.json.Json;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/** Refused use cases as RFC 9457 problem JSON, in the caller's language (Accept-Language, German by default). */
@Provider
public class ProblemMapper implements ExceptionMapper<DomainException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(DomainException e) {
        Locale locale = headers == null || headers.getAcceptableLanguages().isEmpty()
                ? Locale.GERMAN : headers.getAcceptableLanguages().get(0);
        String body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", Response.Status.fromStatusCode(e.status()) == null ? "Error"
                        : Response.Status.fromStatusCode(e.status()).getReasonPhrase())
                .add("status", e.status())
                .add("detail", Texts.get(locale, e.key(), e.arguments()))
                .add("code", e.key())
                .build().toString();
        return Response.status(e.status()).type("application/problem+json").entity(body).build();
    }
}
