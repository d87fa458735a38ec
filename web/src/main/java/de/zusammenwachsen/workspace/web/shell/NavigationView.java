package de.zusammenwachsen.workspace.web.shell;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.notification.boundary.Notifications;
import de.zusammenwachsen.workspace.web.security.FormToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Map;

/** What the header shows: the action fields menu, the bell, and the links that depend on who is logged in. */
@Named
@RequestScoped
public class NavigationView {

    @Inject
    Caller caller;

    @Inject
    Network network;

    @Inject
    Notifications notifications;

    /** The largest count the bell shows as a number. */
    static final int BELL_MAX = 99;

    private List<Network.ActionFieldInfo> actionFields;
    private Long unreadNotifications;

    public boolean isLoggedIn() {
        return !caller.viewer().isGuest();
    }

    /** Whether the page is stateless ({@link GuestViewHandler#stateless}), for the template's {@code f:view}. */
    public boolean isStatelessView() {
        return GuestViewHandler.stateless(FacesContext.getCurrentInstance());
    }

    public boolean isAdministrator() {
        return caller.viewer().administrator();
    }

    /**
     * The count on the bell, asked once per request (0 for guests), counted up to one more than {@link #BELL_MAX}:
     * more is shown as "99+".
     */
    public long getUnreadNotifications() {
        if (unreadNotifications == null) {
            unreadNotifications = isLoggedIn() ? notifications.unreadCount(BELL_MAX + 1) : 0L;
        }
        return unreadNotifications;
    }

    /** "Benachrichtigungen (3)", "Benachrichtigungen (99+)"; without a number when nothing is unread. */
    public String getBellText() {
        long unread = getUnreadNotifications();
        if (unread > BELL_MAX) {
            return text("nav.bell.withMany", BELL_MAX);
        }
        return unread == 0 ? text("nav.bell") : text("nav.bell.withCount", unread);
    }

    /** The bell's accessible name, which says what the number means: "Benachrichtigungen, 3 ungelesen". */
    public String getBellLabel() {
        long unread = getUnreadNotifications();
        return unread > BELL_MAX ? text("nav.bell.labelMany", BELL_MAX) : text("nav.bell.label", unread);
    }

    private static String text(String key, Object... arguments) {
        return Texts.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, arguments);
    }

    /** The session's secret for the logout form ({@link FormToken}); only asked when someone is logged in. */
    public String getFormToken() {
        return FormToken.of(((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getSession());
    }

    /**
     * This page's address inside the workspace, where the language switch comes back to: the address asked for, or
     * after a form was sent (whose address lacks the page's parameters) the page with its view parameters.
     */
    public String getHere() {
        FacesContext context = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        if (!context.isPostback()) {
            String query = request.getQueryString();
            return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        }
        return context.getApplication().getViewHandler().getBookmarkableURL(context, context.getViewRoot().getViewId(),
                Map.of(), true);
    }

    public List<Network.ActionFieldInfo> getActionFields() {
        if (actionFields == null) {
            actionFields = network.actionFields();
        }
        return actionFields;
    }
}
