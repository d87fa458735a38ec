package de.zusammenwachsen.workspace.group.boundary;

import de.zusammenwachsen.workspace.access.control.GroupAction;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.RequestState;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.network.boundary.Network;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The read models that the group boundaries hand to pages and REST; plain data, no entities leak out. */
public final class GroupView {

    private GroupView() {
    }

    /** A group in a list: directory, action-field page, "my groups". */
    public record Summary(Long id, String slug, String name, String teaser, Visibility visibility, JoinPolicy joinPolicy,
                          boolean archived, String primaryActionField, long memberCount, Role myRole) {
    }

    /** A group's home page: everything the viewer may see, and what the viewer may do there. */
    public record Detail(Long id, String slug, String name, String description, Visibility visibility,
                         JoinPolicy joinPolicy, boolean archived, List<Network.ActionFieldInfo> actionFields,
                         List<Network.RegionInfo> regions, long memberCount, Role myRole,
                         RequestState myRequest, Set<GroupAction> allowed, Instant createdAt, int version) {

        public boolean may(GroupAction action) {
            return allowed.contains(action);
        }

        public boolean may(String action) {
            return allowed.contains(GroupAction.valueOf(action));
        }
    }

    /** A group's home page: the group and, for those who may see them, its first members. */
    public record Home(Detail group, List<Member> members) {
    }

    public record Member(Long accountId, String displayName, String organisation, Role role, Instant since) {
    }

    public record Request(Long id, Long groupId, String groupSlug, String groupName, Long accountId, String displayName,
                          String message, RequestState state, Instant createdAt, Instant decidedAt) {
    }

    public record PendingInvitation(Long id, String email, String invitedBy, Instant createdAt, Instant expiresAt) {
    }

    /**
     * What the holder of an invitation link learns before accepting it; {@code otherAccount}: someone is logged in
     * whose address is not the invited one, and who therefore may not accept it.
     */
    public record InvitationOffer(String groupSlug, String groupName, String email, boolean usable,
                                  boolean accountExists, boolean otherAccount) {
    }

    /** Filters of the group directory; null means "any". */
    public record Filter(String actionField, String region, Visibility visibility, String text, boolean includeArchived) {

        public static final Filter ANY = new Filter(null, null, null, null, false);
    }
}
