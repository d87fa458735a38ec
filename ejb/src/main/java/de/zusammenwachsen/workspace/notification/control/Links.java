package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.core.Settings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links into the workspace: paths within the site (notification list, search hits) and absolute ones for mails. */
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

    public static String document(Long documentId) {
        return "/groups/document.xhtml?id=" + documentId;
    }

    public static String meeting(Long meetingId) {
        return "/groups/meeting.xhtml?id=" + meetingId;
    }

    /** Minutes are addressed by their meeting. */
    public static String minutes(Long meetingId) {
        return "/groups/minutes.xhtml?id=" + meetingId;
    }

    /** A decision in the network's register (approved decisions only; drafts live in their minutes). */
    public static String decision(Long decisionId) {
        return "/decisions.xhtml?decision=" + decisionId;
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
