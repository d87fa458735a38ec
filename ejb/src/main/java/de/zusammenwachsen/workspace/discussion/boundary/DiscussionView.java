package de.zusammenwachsen.workspace.discussion.boundary;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.discussion.entity.ReactionKind;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the discussion boundaries hand to pages and the API: plain records, decided and filtered already. */
public final class DiscussionView {

    private DiscussionView() {
    }

    /** Which threads a board shows. TRASH is for moderators. */
    public enum Filter { ALL, MINE, UNREAD, PINNED, TRASH }

    /** What the viewer may do with a board or a thread. */
    public enum Permission { START_THREAD, REPLY, FOLLOW, MODERATE }

    /** What the viewer may do with one post. */
    public enum PostPermission { EDIT, DELETE, REACT, HIDE, HISTORY }

    public record GroupRef(String slug, String name) {
    }

    public record ThreadEntry(Long id, String title, String authorName, Instant createdAt, int replyCount,
                              Instant lastActivityAt, String lastPosterName, String excerpt, boolean pinned,
                              boolean locked, boolean unread, boolean trashed) {
    }

    public record Board(Long groupId, String groupSlug, String groupName, Filter filter, Page<ThreadEntry> threads,
                        boolean following, Set<Permission> permissions) {

        public boolean may(String permission) {
            return permissions.contains(Permission.valueOf(permission));
        }
    }

    public record ReactionCount(ReactionKind kind, String symbol, long count, boolean mine) {
    }

    /**
     * A post as the viewer may see it: {@code html} is null for a deleted or hidden post unless the viewer moderates
     * (then {@code hiddenReason} is set too); {@code fresh} marks posts newer than the viewer's last visit.
     */
    public record PostEntry(Long id, int number, Long authorId, String authorName, String html, Instant createdAt,
                            Instant editedAt, int editCount, boolean deleted, boolean hidden, String hiddenReason,
                            boolean fresh, Long quotedPostId, List<ReactionCount> reactions, int version,
                            Set<PostPermission> permissions) {

        public boolean edited() {
            return editedAt != null;
        }

        public boolean may(String permission) {
            return permissions.contains(PostPermission.valueOf(permission));
        }
    }

    public record Thread(Long id, Long groupId, String groupSlug, String groupName, String title, Long authorId,
                         String authorName, Instant createdAt, Instant lastActivityAt, boolean pinned, boolean locked,
                         boolean trashed, int replyCount, int version, Page<PostEntry> posts, boolean following,
                         Set<Permission> permissions, List<GroupRef> moveTargets) {

        public boolean may(String permission) {
            return permissions.contains(Permission.valueOf(permission));
        }
    }

    /** The result of starting a thread or replying; {@code repeated} when the same form had been sent before. */
    public record Created(Long threadId, Long postId, int number, boolean repeated) {
    }

    /** A post to edit: its Markdown and the version the editor starts from. */
    public record PostSource(Long id, Long threadId, int number, String body, int version, String threadTitle,
                             boolean opening) {
    }

    /** A post's Markdown and author, to quote in a reply. */
    public record Quote(Long postId, Long threadId, String authorName, String body) {
    }

    public record Revision(String body, Instant writtenAt, Instant replacedAt, String replacedByName) {
    }

    public record MemberRef(Long id, String name) {
    }

    public record Preview(String html, List<MemberRef> mentioned) {
    }
}
