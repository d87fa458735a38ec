package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.notification.boundary.NotificationView;
import de.zusammenwachsen.workspace.notification.boundary.Notifications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The caller's notifications (mentions, replies in followed threads, new threads in followed groups, join
 * decisions), newest first; only those about groups the caller may read now. Guests have none (401 for the list).
 */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    public record Count(long count) {
    }

    public record Marked(int marked) {
    }

    @Inject
    Notifications notifications;

    /** {@code unread=true} lists the unread ones only. */
    @GET
    public Page<NotificationView.Item> list(@QueryParam("unread") String unread, @BeanParam Paging paging) {
        return notifications.list(Requests.bool("unread", unread), paging.first(), paging.size());
    }

    /** The number for the bell; 0 for guests. */
    @GET
    @Path("unread-count")
    public Count unreadCount() {
        return new Count(notifications.unreadCount());
    }

    @POST
    @Path("{id}/read")
    public void markRead(@PathParam("id") Long id) {
        notifications.markRead(id);
    }

    @POST
    @Path("read-all")
    public Marked markAllRead() {
        return new Marked(notifications.markAllRead());
    }
}
