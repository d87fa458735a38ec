package de.zusammenwachsen.workspace.web.shell;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.network.boundary.Network;
import de.zusammenwachsen.workspace.notification.boundary.Notifications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

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

    private List<Network.ActionFieldInfo> actionFields;
    private Long unreadNotifications;

    public boolean isLoggedIn() {
        return !caller.viewer().isGuest();
    }

    public boolean isAdministrator() {
        return caller.viewer().administrator();
    }

    /** The count on the bell, asked once per request (0 for guests). */
    public long getUnreadNotifications() {
        if (unreadNotifications == null) {
            unreadNotifications = isLoggedIn() ? notifications.unreadCount() : 0L;
        }
        return unreadNotifications;
    }

    /** "Benachrichtigungen (3)"; without a number when nothing is unread. */
    public String getBellText() {
        long unread = getUnreadNotifications();
        return unread == 0 ? text("nav.bell") : text("nav.bell.withCount", unread);
    }

    /** The bell's accessible name, which says what the number means: "Benachrichtigungen, 3 ungelesen". */
    public String getBellLabel() {
        return text("nav.bell.label", getUnreadNotifications());
    }

    private static String text(String key, Object... arguments) {
        return Texts.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, arguments);
    }

    public List<Network.ActionFieldInfo> getActionFields() {
        if (actionFields == null) {
            actionFields = network.actionFields();
        }
        return actionFields;
    }
}
