package de.zusammenwachsen.workspace.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Security headers on every response. Pages get a Content-Security-Policy from PrimeFaces (with a script nonce);
 * everything else (REST, static resources) gets a strict one from here. PDF.js (under {@value #PDFJS}, for the PDF
 * preview) is revalidated on every use, so that a new version's library never meets an old worker from the cache.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** Where the WAR carries PDF.js (see web/pom.xml). */
    static final String PDFJS = "/pdfjs/";

    /**
     * A worker runs under the policy of its own script's response. PDF.js's worker decodes JPEG 2000 images with
     * WebAssembly: compiling that is the one thing it may do beyond the strict policy (no eval, no fetch, no import;
     * the page hands it fonts and the decoder).
     */
    static final String PDF_WORKER_CSP = "default-src 'none'; script-src 'wasm-unsafe-eval'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(PDFJS + "build/pdf.worker.mjs")) {
            response.setHeader("Content-Security-Policy", PDF_WORKER_CSP);
        } else if (!path.endsWith(".xhtml") && !path.endsWith("/") && !path.startsWith("/jakarta.faces.resource")) {
            response.setHeader("Content-Security-Policy", STRICT_CSP);
        }
        if (path.startsWith(PDFJS)) {
            response.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }
}
