package de.zusammenwachsen.workspace.web.shell;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.UnauthenticatedException;
import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Turns a use case that the boundary refused while a page was being built (view actions, lazy getters, tampered
 * ids in a form) into the right HTTP answer: 404 for anything the viewer may not see or that does not exist,
 * the login page (with the way back) for guests, 403 otherwise. Pages therefore never need their own checks.
 */
public class RefusalHandler extends ExceptionHandlerWrapper {

    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new RefusalHandler(getWrapped().getExceptionHandler());
        }
    }

    public RefusalHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        FacesContext context = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            DomainException refusal = refusal(events.next().getContext().getException());
            if (refusal == null || context.getResponseComplete()) {
                continue;
            }
            events.remove();
            answer(context, refusal);
            break;
        }
        getWrapped().handle();
    }

    private static void answer(FacesContext context, DomainException refusal) {
        ExternalContext external = context.getExternalContext();
        try {
            if (refusal instanceof UnauthenticatedException) {
                HttpServletRequest request = (HttpServletRequest) external.getRequest();
                String back = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                external.redirect(external.getRequestContextPath() + "/account/login.xhtml?back="
                        + URLEncoder.encode(back, StandardCharsets.UTF_8));
            } else {
                external.responseReset();
                external.responseSendError(refusal instanceof NotFoundException ? 404 : refusal.status(), null);
            }
        } catch (IOException | IllegalStateException e) {
            throw new FacesException(e);
        }
        context.responseComplete();
    }

    private static DomainException refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d;
            }
        }
        return null;
    }
}
