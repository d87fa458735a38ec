package de.zusammenwachsen.workspace.web.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request body that JSON-B cannot read (broken JSON, a string where a number belongs, an unknown enum value)
 * is the client's mistake: 400 problem JSON. RESTEasy reports reading and writing failures with the same
 * {@link ProcessingException}; a failure while writing a response is our bug and stays a 500 (logged).
 */
@Provider
public class BodyProblemMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(BodyProblemMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ProcessingException e) {
        if (whileReading(e)) {
            return Problems.problem(400, headers, "rest.body.invalid").build();
        }
        LOG.log(Level.SEVERE, "Could not write a REST response", e);
        return Problems.problem(500, headers, "rest.error").build();
    }

    /** The provider throws from {@code MessageBodyReader.readFrom}; that frame tells reading from writing. */
    private static boolean whileReading(Throwable e) {
        return Arrays.stream(e.getStackTrace()).limit(3).anyMatch(frame -> frame.getMethodName().equals("readFrom"));
    }
}
