package de.zusammenwachsen.workspace.web.shell;

import de.zusammenwachsen.workspace.web.security.SessionAccount;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A guest's views are stateless (transient): they keep nothing on the server, so a guest's page view makes no HTTP
 * session. A crawler on the public pages made one per request before, and the 60-minute sessions filled the heap.
 * It has to be set when the view is created: PrimeFaces stores its script nonce in the view map before the page's
 * {@code f:view} tag is applied, and a view map lives in the session unless its view is transient. A guest's forms
 * (login, registration) need no stored state; UnsafeRequestFilter refuses those another site sends.
 */
public class GuestViewHandler extends ViewHandlerWrapper {

    public GuestViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && stateless(context)) {
            root.setTransient(true);
        }
        return root;
    }

    /**
     * Whether this request's view is stateless: every guest's, and a page sent back as a stateless one (a login
     * form sent after the person logged in in another tab). The template's {@code f:view} says the same, for Faces
     * builds a stateless view again on its postback without asking this handler, and insists that it be transient.
     */
    public static boolean stateless(FacesContext context) {
        return !loggedIn(context) || "stateless".equals(
                context.getExternalContext().getRequestParameterMap().get("jakarta.faces.ViewState"));
    }

    /** Whether the request belongs to a logged-in session (never makes one). */
    static boolean loggedIn(FacesContext context) {
        HttpSession session = ((HttpServletRequest) context.getExternalContext().getRequest()).getSession(false);
        return SessionAccount.of(session) != null;
    }
}
