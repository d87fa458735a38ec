package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The whole audit log, newest first, for administrators; a group's part is {@code GET /groups/{slug}/audit}. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    public Page<AuditLog.Entry> all(@BeanParam Paging paging) {
        return audit.all(paging.first(), paging.size());
    }
}
