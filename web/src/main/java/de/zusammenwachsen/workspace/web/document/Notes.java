package de.zusammenwachsen.workspace.web.document;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.Texts;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * Messages for answers that stay on the page (AJAX uploads). Unlike {@code Messages}, they are not kept in the flash:
 * no redirect follows, and a kept message would turn up again on the next page the person opens.
 */
final class Notes {

    private Notes() {
    }

    static String text(String key, Object... arguments) {
        return Texts.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, arguments);
    }

    static String text(DomainException e) {
        return text(e.key(), e.arguments());
    }

    static void error(DomainException e) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(e), null));
    }
}
