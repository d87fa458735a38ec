package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.DomainException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Refused use cases as RFC 9457 problem JSON with the status the boundary chose (400, 401, 403, 404, 409). */
@Provider
public class ProblemMapper implements ExceptionMapper<DomainException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(DomainException e) {
        return Problems.problem(e.status(), headers, e.key(), e.arguments()).build();
    }
}
