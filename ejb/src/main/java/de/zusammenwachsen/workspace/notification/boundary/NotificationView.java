package de.zusammenwachsen.workspace.notification.boundary;

import de.zusammenwachsen.workspace.notification.entity.MailMode;
import de.zusammenwachsen.workspace.notification.entity.NotificationKind;

import java.time.Instant;
import java.util.List;

/** What the notification boundaries hand to pages and the API. */
public final class NotificationView {

    private NotificationView() {
    }

    /**
     * One notification as the recipient may see it now; {@code link} is site-relative. {@code excerpt} is null when
     * the post is gone (deleted, hidden).
     */
    public record Item(Long id, NotificationKind kind, String groupSlug, String groupName, Long threadId,
                       String threadTitle, Long postId, String actorName, String excerpt, Instant createdAt,
                       boolean read, String link, Long meetingId, String meetingTitle) {
    }

    public enum FollowKind { GROUP, THREAD }

    public record Followed(Long id, FollowKind kind, String groupSlug, String groupName, Long threadId,
                           String threadTitle) {
    }

    /** What an unfollow link in a mail points at, shown before the click that confirms it. */
    public record Unfollow(FollowKind kind, String groupName, String threadTitle, boolean active) {
    }

    public record GroupMode(String slug, String name, MailMode mode) {
    }

    /** The default for all groups and the choices per group (null: the default applies). */
    public record MailSettings(MailMode defaultMode, List<GroupMode> groups, int digestHour) {
    }
}
