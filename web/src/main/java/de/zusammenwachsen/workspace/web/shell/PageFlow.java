package de.zusammenwachsen.workspace.web.shell;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import de.zusammenwachsen.workspace.core.Texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the page beans share: addresses of this site, redirects after a form (post/redirect/get), and texts in the
 * page's language.
 */
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

    /**
     * The page's language, as the template decides it ({@code languageView}): while a view action runs on a first
     * request, the view root does not have it yet.
     */
    public static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context.getApplication().evaluateExpressionGet(context, "#{languageView.locale}", Locale.class);
        return locale == null ? context.getViewRoot().getLocale() : locale;
    }

    /** A text in the page's language. */
    public static String text(String key, Object... arguments) {
        return Texts.get(locale(), key, arguments);
    }

    /** A value for a query parameter of an address. */
    public static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
