package de.zusammenwachsen.workspace.web.document;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.UnauthenticatedException;
import de.zusammenwachsen.workspace.document.boundary.DocumentView;
import de.zusammenwachsen.workspace.document.boundary.Documents;
import de.zusammenwachsen.workspace.web.security.SessionAccount;
import de.zusammenwachsen.workspace.web.shell.ContentDisposition;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves one version of a document: {@code GET /files/{versionId}}, with {@code ?download=1} as an attachment. The
 * boundary decides who may (404 for whoever may not read the group, the login page for guests), sniffed the type
 * and says whether it may show inline (images and plain text only); the bytes stream from the blob store with their
 * checksum verified, never whole in memory. Nothing is ever framed or run: every response carries a sandbox. A PDF
 * is always an attachment, so that Chromium's viewer, which runs a PDF's JavaScript, never opens it from our origin;
 * the document page reads it with fetch and draws it with PDF.js.
 */
@WebServlet(urlPatterns = "/files/*")
public class FilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FilesServlet.class.getName());

    /** Never run as a page, never framed. */
    static final String SANDBOX_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

    @Inject
    transient Caller caller;

    @Inject
    transient Documents documents;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        Long versionId = versionId(request.getPathInfo());
        if (versionId == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SessionAccount.identify(request, caller);
        DocumentView.Download download;
        try {
            download = documents.download(versionId);
        } catch (UnauthenticatedException e) {
            String back = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + "/account/login.xhtml?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        } catch (DomainException e) {
            response.sendError(e.status());
            return;
        }

        boolean inline = download.inline() && request.getParameter("download") == null;
        String etag = "\"" + download.hash() + "\"";
        // Replaces the site-wide headers of the security filter for this response.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SANDBOX_CSP);
        response.setHeader("X-Frame-Options", "DENY");
        // Private: never in a shared cache. Revalidated each time (cheaply, by ETag), so that someone who left the
        // group does not keep reading from the browser's cache.
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("ETag", etag);
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(download.servedType());
        response.setContentLengthLong(download.size());
        response.setHeader("Content-Disposition", ContentDisposition.of(inline, download.fileName()));
        response.setHeader("Accept-Ranges", "none");
        if (!body) {
            return;
        }
        try {
            documents.stream(download, response.getOutputStream());
        } catch (IOException e) {
            // A client that went away, or a blob that failed its checksum: the response is cut short, never completed
            // with wrong bytes.
            LOG.log(Level.FINE, "Download of version " + versionId + " ended early", e);
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            } else {
                throw e;
            }
        }
    }

    static Long versionId(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2) {
            return null;
        }
        String id = pathInfo.substring(1);
        int slash = id.indexOf('/');
        if (slash >= 0) {
            // Room for a readable name after the id (/files/42/antrag.pdf); the id alone decides.
            id = id.substring(0, slash);
        }
        try {
            long value = Long.parseLong(id);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(t -> t.equals("*") || t.equals(etag) || t.equals("W/" + etag));
    }
}
