package de.zusammenwachsen.workspace.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything no other mapper claims (a lost database connection, a bug) is our failure: a 500 problem without
 * details, and the details in the server log. Without it RESTEasy would answer with the exception's text, which
 * can carry SQL and internal names. The more specific mappers (domain refusals, JAX-RS errors, bodies) win.
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Exception e) {
        LOG.log(Level.SEVERE, "REST request failed unexpectedly", e);
        return Problems.problem(500, headers, "rest.error").build();
    }
}
