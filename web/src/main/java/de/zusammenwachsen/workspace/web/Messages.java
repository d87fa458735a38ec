package de.zusammenwachsen.workspace.web;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.Texts;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Turns message keys and refused use cases into Faces messages in the viewer's language. */
public final class Messages {

    private Messages() {
    }

    /**
     * Runs a use case from a form. A refusal the viewer can fix (invalid input, conflict, forbidden) becomes a
     * message on the same page; 404 and 401 go on to the {@code RefusalHandler}, which answers them properly.
     * Returns whether the use case succeeded; on success the message {@code doneKey} is shown (if given).
     */
    public static boolean attempt(Runnable action, String doneKey, Object... arguments) {
        try {
            action.run();
            if (doneKey != null) {
                info(doneKey, arguments);
            }
            return true;
        } catch (DomainException e) {
            if (e.status() == 404 || e.status() == 401) {
                throw e;
            }
            error(e);
            return false;
        }
    }

    public static void error(DomainException e) {
        add(FacesMessage.SEVERITY_ERROR, e.key(), e.arguments());
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, key, arguments);
    }

    private static void add(FacesMessage.Severity severity, String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String text = Texts.get(context.getViewRoot().getLocale(), key, arguments);
        context.addMessage(null, new FacesMessage(severity, text, null));
        context.getExternalContext().getFlash().setKeepMessages(true);
    }
}
