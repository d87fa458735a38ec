package de.zusammenwachsen.workspace.web;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.Texts;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Turns message keys and refused use cases into Faces messages in the viewer's language. */
public final class Messages {

    private Messages() {
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
