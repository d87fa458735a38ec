package de.zusammenwachsen.workspace.web.shell;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.view.ViewDeclarationLanguage;
import jakarta.faces.view.ViewMetadata;
import org.primefaces.csp.CspException;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form sent from a page the server no longer knows: the session expired (or the server restarted), or the form
 * lacks what PrimeFaces put into it (its script nonce). Nothing of the form is applied; the person gets the same page
 * again by GET, with its view parameters (the thread, the group …), and a notice ({@code expired=1}) that asks them
 * to check and send again; forms.js puts back what they had typed. Where the login ended with the session, the way
 * back leads through the login page. Never a 500 with a stack trace.
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {

    /** The query parameter that makes the template show the notice (and forms.js restore the typed values). */
    public static final String NOTICE = "expired";

    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewHandler(getWrapped().getExceptionHandler());
        }
    }

    public ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        FacesContext context = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable thrown = events.next().getContext().getException();
            if (!isStale(thrown)) {
                continue;
            }
            events.remove();
            // NonceCheck may have answered already (it runs before the exception handler of its phase).
            if (!context.getResponseComplete()) {
                showAgain(context, viewIdOf(thrown, context), !GuestViewHandler.loggedIn(context));
            }
        }
        getWrapped().handle();
    }

    /** An expired view, or a postback whose PrimeFaces nonce is missing or wrong. */
    static boolean isStale(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException || t instanceof CspException) {
                return true;
            }
        }
        return false;
    }

    private static String viewIdOf(Throwable thrown, FacesContext context) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException expired && expired.getViewId() != null) {
                return expired.getViewId();
            }
        }
        UIViewRoot root = context.getViewRoot();
        return root != null ? root.getViewId() : context.getExternalContext().getRequestServletPath();
    }

    /**
     * Redirects to the view by GET: its view parameters (declared in the page's metadata) are taken from the
     * request, where every form repeats them as hidden fields, so the page shows the same thing again.
     */
    static void showAgain(FacesContext context, String viewId, boolean loginFirst) {
        ExternalContext external = context.getExternalContext();
        try {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            Map<String, String> sent = external.getRequestParameterMap();
            for (UIViewParameter parameter : viewParameters(context, viewId)) {
                String value = sent.get(parameter.getName());
                if (value != null && !value.isBlank() && value.length() <= 200) {
                    parameters.put(parameter.getName(), List.of(value));
                }
            }
            parameters.put(NOTICE, List.of("1"));
            String url = context.getApplication().getViewHandler().getBookmarkableURL(context, viewId, parameters, false);
            if (loginFirst) {
                // Only a member's views are kept on the server: an expired one means the login has ended with the
                // session. The login page (with the notice) leads back to the page.
                url = external.getRequestContextPath() + "/account/login.xhtml?" + NOTICE + "=1&back="
                        + URLEncoder.encode(url, StandardCharsets.UTF_8);
            }
            external.redirect(url);
        } catch (IOException | RuntimeException e) {
            throw new FacesException(e);
        }
        context.responseComplete();
    }

    private static Collection<UIViewParameter> viewParameters(FacesContext context, String viewId) {
        ViewDeclarationLanguage language = context.getApplication().getViewHandler().getViewDeclarationLanguage(context, viewId);
        ViewMetadata metadata = language == null ? null : language.getViewMetadata(context, viewId);
        return metadata == null ? List.of() : ViewMetadata.getViewParameters(metadata.createMetadataView(context));
    }
}
