package de.zusammenwachsen.workspace.web.shell;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.io.File;
import java.util.logging.Logger;

/**
 * Removes multipart spool files that a crash left behind. Undertow writes each upload part above the threshold to
 * the servlet's temporary directory and deletes it when the request ends; a killed server never gets there, and
 * WildFly does not empty that directory at start-up. At deployment no upload can be running, so whatever is there
 * is an orphan (seen in CrashRecoveryIT: a 30 MB part surviving two restarts).
 */
@WebListener
public class UploadLeftovers implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(UploadLeftovers.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        File dir = (File) event.getServletContext().getAttribute(ServletContext.TEMPDIR);
        File[] parts = dir == null ? null : dir.listFiles((d, name) -> name.startsWith("undertow") && name.endsWith("upload"));
        if (parts == null || parts.length == 0) {
            return;
        }
        int removed = 0;
        for (File part : parts) {
            if (part.delete()) {
                removed++;
            }
        }
        int count = removed;
        LOG.info(() -> "Removed " + count + " upload spool file(s) left by an interrupted run");
    }
}
