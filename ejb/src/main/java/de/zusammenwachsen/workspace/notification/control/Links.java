package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.core.Settings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Absolute links into the workspace, for mails (which need the base URL) and for the notification list. */
public final class Links {

    private Links() {
    }

    /** Within the site: the path without the base URL. */
    public static String thread(String slug, Long threadId, Long postId) {
        return "/groups/thread.xhtml?slug=" + encode(slug) + "&id=" + threadId
                + (postId == null ? "" : "&post=" + postId + "#post-" + postId);
    }

    public static String group(String slug) {
        return "/groups/group.xhtml?slug=" + encode(slug);
    }

    public static String absolute(String path) {
        return Settings.baseUrl() + path;
    }

    public static String unfollowPage(String token) {
        return absolute("/unfollow.xhtml?token=" + encode(token));
    }

    /** The RFC 8058 one-click target named in the List-Unsubscribe header. */
    public static String unfollowOneClick(String token) {
        return absolute("/api/v1/unfollow/" + encode(token));
    }

    public static String mailSettings() {
        return absolute("/account/notifications.xhtml");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
