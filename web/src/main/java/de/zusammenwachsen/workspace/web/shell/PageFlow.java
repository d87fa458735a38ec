package de.zusammenwachsen.workspace.web.shell;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Where the pages' actions go next: addresses of this site and redirects after a form (post/redirect/get). */
public final class PageFlow {

    private PageFlow() {
    }

    public static String contextPath() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    /**
     * Redirects to a path of this site that may end in a fragment ({@code #post-12}), which a Faces outcome cannot
     * carry; messages added before survive the redirect in the flash. Returns null, the outcome of "stay".
     */
    public static String redirect(String path) {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.getFlash().setRedirect(true);
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
        return null;
    }
}
