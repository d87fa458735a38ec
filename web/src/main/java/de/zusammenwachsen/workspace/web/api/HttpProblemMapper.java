package de.zusammenwachsen.workspace.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (no such path 404, wrong method 405, not JSON 415, …) as problem JSON too, so
 * that a client needs to understand one error format only. Keeps the {@code Allow} header of a 405.
 */
@Provider
public class HttpProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.ResponseBuilder problem = Problems.problem(status, headers, key(status));
        if (e.getResponse() != null && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            problem.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return problem.build();
    }

    private static String key(int status) {
        return switch (status) {
            case 400 -> "rest.request.invalid";
            case 401 -> "error.loginRequired";
            case 403 -> "error.forbidden";
            case 404 -> "error.notFound";
            case 405 -> "rest.method.notAllowed";
            case 406 -> "rest.notAcceptable";
            case 415 -> "rest.mediaType.unsupported";
            default -> status < 500 ? "rest.request.invalid" : "rest.error";
        };
    }
}
