package de.zusammenwachsen.workspace.web.notification;

import de.zusammenwachsen.workspace.notification.boundary.Following;
import de.zusammenwachsen.workspace.notification.boundary.NotificationView;
import de.zusammenwachsen.workspace.web.shell.Requests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The unfollow link of a notification mail, which works without logging in: the secret token in the link names the
 * subscription. Opening the link only shows what it refers to, because mail scanners open links too; the button
 * (a POST) ends the subscription. Unknown tokens answer 404.
 */
@Named
@RequestScoped
public class UnfollowView {

    @Inject
    Following following;

    private String token;
    private NotificationView.Unfollow target;

    @PostConstruct
    void identify() {
        token = Requests.param("token");
    }

    public void load() {
        getTarget();
    }

    public NotificationView.Unfollow getTarget() {
        if (target == null) {
            target = following.byToken(token);
        }
        return target;
    }

    /**
     * Ends the subscription and shows the page again by GET, which then tells that it is done. The token is known to
     * be a stored one here (URL-safe Base64), so it goes into the address as it is.
     */
    public String unfollow() {
        target = following.unfollowByToken(token);
        return "/unfollow?faces-redirect=true&token=" + token;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
