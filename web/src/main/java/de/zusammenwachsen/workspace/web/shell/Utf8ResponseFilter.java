package de.zusammenwachsen.workspace.web.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Gives the pages a writer that encodes UTF-8 in blocks ({@link Utf8Writer}). Only the writer is replaced, only for
 * UTF-8 (what every page declares), and only on requests (an error page, dispatched on its own, gets the container's
 * writer). What the page wrote and did not yet hand on is dropped when the response is reset or an error is sent,
 * and when the request fails, so an error page never follows a part of the page.
 */
@WebFilter(servletNames = "Faces Servlet", asyncSupported = true)
public class Utf8ResponseFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Utf8Response wrapped = new Utf8Response(response);
        boolean done = false;
        try {
            chain.doFilter(request, wrapped);
            done = true;
        } finally {
            wrapped.finish(done);
        }
    }

    private static final class Utf8Response extends HttpServletResponseWrapper {

        private Utf8Writer encoder;
        private PrintWriter writer;

        Utf8Response(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                if (!StandardCharsets.UTF_8.name().equalsIgnoreCase(getCharacterEncoding())) {
                    return super.getWriter();
                }
                encoder = new Utf8Writer(getOutputStream());
                writer = new PrintWriter(encoder, false);
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }

        @Override
        public void resetBuffer() {
            discard();
            super.resetBuffer();
        }

        @Override
        public void reset() {
            discard();
            // Like the container's reset, which forgets that the writer was asked for.
            writer = null;
            encoder = null;
            super.reset();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            discard();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            discard();
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            discard();
            super.sendRedirect(location);
        }

        private void discard() {
            if (encoder != null) {
                encoder.discard();
            }
        }

        /** Hands on the rest of a page that was written to its end; drops it when the request failed. */
        void finish(boolean done) throws IOException {
            if (writer == null) {
                return;
            }
            if (done) {
                writer.flush();
            } else {
                discard();
            }
        }
    }
}
