package de.zusammenwachsen.workspace.web.discussion;

import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.web.shell.PageFlow;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;

/** What the discussion pages share: addresses, redirects with a fragment, sending a form once, field messages. */
final class Pages {

    /** Posts per page of a thread, unless the address asks for between 10 and 200. */
    static final int POSTS_PER_PAGE = 50;
    static final int MIN_POSTS_PER_PAGE = 10;
    static final int MAX_POSTS_PER_PAGE = 200;

    private Pages() {
    }

    static String threadPath(String slug, Long threadId) {
        return "/groups/thread.xhtml?slug=" + encode(slug) + "&id=" + threadId;
    }

    static String boardPath(String slug) {
        return "/groups/discussions.xhtml?slug=" + encode(slug);
    }

    static String contextPath() {
        return PageFlow.contextPath();
    }

    /**
     * Redirects to a path of this site that may end in a fragment ({@code #post-12}), which a Faces outcome cannot
     * carry; messages added before survive the redirect in the flash.
     */
    static String redirect(String path) {
        return PageFlow.redirect(path);
    }

    /**
     * Sends a new thread or reply. A second submit of the same form (a double click) that ran at the same time as the
     * first and lost at the database's unique client key is sent once more: it then finds the first one's post.
     */
    static DiscussionView.Created once(Supplier<DiscussionView.Created> send) {
        try {
            return send.get();
        } catch (ConflictException e) {
            if (!"discussion.submittedTwice".equals(e.key())) {
                throw e;
            }
            return send.get();
        }
    }

    /**
     * Shows a refusal the viewer can fix next to the field it concerns ({@code clientId}; null: at the top of the
     * page). 404 and 401 go on to the refusal handler.
     */
    static void refused(DomainException e, String clientId) {
        if (e.status() == 404 || e.status() == 401) {
            throw e;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(e.key(), e.arguments()), null));
        context.validationFailed();
    }

    /** A message at the top of the page that is shown now and not kept for the next request. */
    static void error(String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
    }

    /**
     * A text in the page's language. The language comes from where the template takes it ({@code languageView}):
     * while a view action runs on a first request, the view root does not have it yet.
     */
    static String text(String key, Object... arguments) {
        return PageFlow.text(key, arguments);
    }

    /** The page size asked for, held to what a page may show; the default when none or nonsense is asked for. */
    static int postsPerPage(Integer asked) {
        return asked == null || asked < 1 ? POSTS_PER_PAGE : Math.max(MIN_POSTS_PER_PAGE, Math.min(asked, MAX_POSTS_PER_PAGE));
    }

    /** The page's language, as the template decides it (see {@link #text}). */
    static Locale locale() {
        return PageFlow.locale();
    }

    /** Answers a background request of a page's script with JSON instead of the page. */
    static void json(String json) {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        external.setResponseContentType("application/json");
        external.setResponseCharacterEncoding("UTF-8");
        external.addResponseHeader("Cache-Control", "no-store");
        try {
            external.getResponseOutputWriter().write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    static String encode(String value) {
        return PageFlow.encode(value);
    }

    static Long longParam(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
