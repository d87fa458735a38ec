package de.zusammenwachsen.workspace.web.notification;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.notification.boundary.NotificationView;
import de.zusammenwachsen.workspace.notification.boundary.Notifications;
import de.zusammenwachsen.workspace.web.Messages;
import de.zusammenwachsen.workspace.web.shell.Paging;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The caller's notifications: all or only the unread ones, newest first, paged. Opening one marks it read and goes
 * to what it is about; "all read" clears the bell.
 */
@Named
@RequestScoped
public class NotificationsView {

    @Inject
    Notifications notifications;

    private boolean unread;
    private Integer page;
    private Page<NotificationView.Item> items;

    @PostConstruct
    void identify() {
        unread = "true".equals(Requests.param("unread"));
        page = Requests.intParam("page");
    }

    /** Guests go to the login page (the boundary refuses them) before anything renders. */
    public void load() {
        getItems();
    }

    public Page<NotificationView.Item> getItems() {
        if (items == null) {
            items = notifications.list(unread, Paging.first(page, Paging.SIZE), Paging.SIZE);
        }
        return items;
    }

    public Paging getPaging() {
        return Paging.of(getItems());
    }

    /** "Anna hat Sie in „Radweg“ erwähnt": what happened, from the kind, the actor, the thread, the group, the meeting. */
    public String text(NotificationView.Item item) {
        return Texts.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(), "notification.kind." + item.kind().name(),
                item.actorName() == null ? Texts.get(FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                        "notifications.list.someone") : item.actorName(),
                item.threadTitle() == null ? "" : item.threadTitle(), item.groupName() == null ? "" : item.groupName(),
                item.meetingTitle() == null ? "" : item.meetingTitle());
    }

    public String filterLink(boolean unreadOnly) {
        return contextPath() + "/notifications.xhtml" + (unreadOnly ? "?unread=true" : "");
    }

    /** Marks the notification read and goes where it leads; its id is the request parameter of the row's link. */
    public String open() {
        String link = notifications.open(idParam());
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
        return null;
    }

    public String markAllRead() {
        int[] marked = new int[1];
        return Messages.attempt(() -> marked[0] = notifications.markAllRead(), null)
                ? done(marked[0]) : null;
    }

    private String done(int marked) {
        Messages.info("notifications.list.allMarked", marked);
        return "/notifications?faces-redirect=true" + (unread ? "&unread=true" : "");
    }

    /** The notification's id; anything else is no notification (404 from the boundary). */
    private static Long idParam() {
        String value = Requests.param("notificationId");
        return value != null && value.strip().matches("\\d{1,18}") ? Long.valueOf(value.strip()) : null;
    }

    private static String contextPath() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    public boolean isUnreadOnly() {
        return unread;
    }

    public String getUnread() {
        return unread ? "true" : null;
    }

    public void setUnread(String value) {
        // Read in identify(); the view parameter only keeps it for the pager's links.
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
