package de.zusammenwachsen.workspace.access.control;

import de.zusammenwachsen.workspace.core.ForbiddenException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.UnauthenticatedException;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that decides who may do what with a working group. Every boundary asks it, whichever door the
 * request came through (page, REST, link), so the pages merely hide what the boundary would refuse anyway.
 *
 * <p>Rule of refusal: whoever may not {@link GroupAction#SEE_GROUP see} a group gets {@link NotFoundException},
 * so a hidden group's existence never leaks; so does whoever may not see the part of it asked for (its members and
 * what concerns them: join requests and invitations). Whoever sees it but may not act gets
 * {@link ForbiddenException}.
 */
public final class AccessPolicy {

    /**
     * The message key of the name a group goes by where something of it is shown to a viewer who may not
     * {@link #seesGroup see} it (a hidden group's published decisions): "a working group of the network".
     */
    public static final String ANONYMOUS_GROUP = "group.anonymous";

    /** A group reduced to the facts the policy needs, so that the rules can be tested without a database. */
    public record GroupFacts(Long id, Visibility visibility, JoinPolicy joinPolicy, boolean archived) {

        public static GroupFacts of(WorkingGroup group) {
            return new GroupFacts(group.getId(), group.getVisibility(), group.getJoinPolicy(), group.isArchived());
        }
    }

    public boolean permits(Viewer viewer, GroupAction action, GroupFacts group) {
        boolean admin = viewer.administrator();
        boolean member = viewer.isMemberOf(group.id());
        boolean moderator = viewer.isModeratorOf(group.id());
        boolean loggedIn = !viewer.isGuest();
        boolean listed = group.visibility() != Visibility.HIDDEN;
        boolean writable = !group.archived();

        return switch (action) {
            case SEE_GROUP -> seesGroup(viewer, group.id(), group.visibility());
            case SEE_MEMBERS, READ_CONTENT -> readsContent(viewer, group.id(), group.visibility());
            case CONTRIBUTE -> member && writable;
            case JOIN -> loggedIn && !member && writable && listed && group.joinPolicy() == JoinPolicy.OPEN;
            case REQUEST_TO_JOIN -> loggedIn && !member && writable && listed && group.joinPolicy() == JoinPolicy.REQUEST;
            case LEAVE -> member && writable;
            case DECIDE_REQUESTS, INVITE, REMOVE_MEMBER, CHANGE_ROLE, EDIT_SETTINGS -> (moderator || admin) && writable;
            case ARCHIVE -> admin;
            case SEE_AUDIT -> moderator || admin;
        };
    }

    /**
     * Whether the viewer may know that the group exists at all (its name, slug and page): {@link GroupAction#SEE_GROUP}.
     * Asked with the two facts it depends on, so that lists that know a group by id and visibility only (the
     * decisions register's rows, search hits and facets) name a group exactly when its page would open.
     */
    public boolean seesGroup(Viewer viewer, Long groupId, Visibility visibility) {
        return visibility != Visibility.HIDDEN || viewer.isMemberOf(groupId) || viewer.administrator();
    }

    /**
     * Whether the viewer may read the group's content, its meetings and their titles among it:
     * {@link GroupAction#READ_CONTENT}, and {@link MeetingAction#READ}. A published decision is for everyone, but
     * the meeting it was taken in is told only to whoever passes this.
     */
    public boolean readsContent(Viewer viewer, Long groupId, Visibility visibility) {
        return viewer.isMemberOf(groupId) || viewer.administrator()
                || (!viewer.isGuest() && visibility == Visibility.PUBLIC);
    }

    /**
     * Refuses with 404 when the group, or the part of it asked for (members, content, join requests, invitations),
     * is invisible to the viewer; with 401 for guests and 403 for everyone else.
     */
    public void require(Viewer viewer, GroupAction action, GroupFacts group) {
        if (!permits(viewer, GroupAction.SEE_GROUP, group)) {
            throw new NotFoundException();
        }
        boolean reading = action == GroupAction.SEE_MEMBERS || action == GroupAction.READ_CONTENT;
        if (reading && !permits(viewer, action, group)) {
            throw new NotFoundException();
        }
        // Join requests and invitations are about who is in the group, and are found by their ids: whoever may not
        // see the members gets 404 for them, the same as for an unknown id, so that a 403 does not tell that a
        // private group has a request or an invitation of that id.
        boolean aboutMembers = action == GroupAction.DECIDE_REQUESTS || action == GroupAction.INVITE;
        if (aboutMembers && !permits(viewer, GroupAction.SEE_MEMBERS, group)) {
            throw new NotFoundException();
        }
        if (!permits(viewer, action, group)) {
            if (viewer.isGuest()) {
                throw new UnauthenticatedException();
            }
            throw new ForbiddenException();
        }
    }

    public void require(Viewer viewer, GroupAction action, WorkingGroup group) {
        require(viewer, action, GroupFacts.of(group));
    }

    public boolean permits(Viewer viewer, GroupAction action, WorkingGroup group) {
        return permits(viewer, action, GroupFacts.of(group));
    }

    /**
     * Decides an action on a group's documents; {@code authorId} is who created the document or folder acted on
     * (null for actions on the library as a whole).
     */
    public boolean permits(Viewer viewer, DocumentAction action, GroupFacts group, Long authorId) {
        boolean manager = (viewer.isModeratorOf(group.id()) || viewer.administrator()) && !group.archived();
        boolean author = authorId != null && authorId.equals(viewer.accountId());
        return switch (action) {
            case READ -> permits(viewer, GroupAction.READ_CONTENT, group);
            case UPLOAD, COMMENT -> permits(viewer, GroupAction.CONTRIBUTE, group);
            case EDIT, TRASH -> manager || (author && permits(viewer, GroupAction.CONTRIBUTE, group));
            case MANAGE_TRASH, IMPORT -> manager;
        };
    }

    /** Refuses like {@link #require(Viewer, GroupAction, GroupFacts)}: 404 for whoever may not read the documents. */
    public void require(Viewer viewer, DocumentAction action, GroupFacts group, Long authorId) {
        if (!permits(viewer, DocumentAction.READ, group, authorId)) {
            throw new NotFoundException();
        }
        if (!permits(viewer, action, group, authorId)) {
            if (viewer.isGuest()) {
                throw new UnauthenticatedException();
            }
            throw new ForbiddenException();
        }
    }

    /**
     * Decides an action on a group's discussions; {@code authorId} is who wrote the post acted on (null otherwise),
     * {@code locked} whether the thread is locked.
     */
    public boolean permits(Viewer viewer, DiscussionAction action, GroupFacts group, Long authorId, boolean locked) {
        boolean moderator = (viewer.isModeratorOf(group.id()) || viewer.administrator()) && !group.archived();
        boolean author = authorId != null && authorId.equals(viewer.accountId());
        boolean contribute = permits(viewer, GroupAction.CONTRIBUTE, group);
        return switch (action) {
            case READ -> permits(viewer, GroupAction.READ_CONTENT, group);
            case FOLLOW -> !viewer.isGuest() && permits(viewer, GroupAction.READ_CONTENT, group);
            case START_THREAD, REACT -> contribute;
            case REPLY -> contribute && (!locked || moderator);
            case EDIT_POST -> author && contribute && (!locked || moderator);
            case DELETE_POST -> author && contribute;
            case MODERATE -> moderator;
        };
    }

    /** Refuses like {@link #require(Viewer, GroupAction, GroupFacts)}: 404 for whoever may not read the discussions. */
    public void require(Viewer viewer, DiscussionAction action, GroupFacts group, Long authorId, boolean locked) {
        if (!permits(viewer, DiscussionAction.READ, group, authorId, locked)) {
            throw new NotFoundException();
        }
        if (!permits(viewer, action, group, authorId, locked)) {
            if (viewer.isGuest()) {
                throw new UnauthenticatedException();
            }
            throw new ForbiddenException();
        }
    }

    /**
     * Decides an action on a group's meetings and minutes; {@code responsibleId} is the person the action belongs to
     * besides the moderators (organiser for {@link MeetingAction#EDIT_MEETING}, minute-taker for
     * {@link MeetingAction#WRITE_MINUTES}, owner for {@link MeetingAction#UPDATE_TASK}; null otherwise).
     */
    public boolean permits(Viewer viewer, MeetingAction action, GroupFacts group, Long responsibleId) {
        boolean moderator = (viewer.isModeratorOf(group.id()) || viewer.administrator()) && !group.archived();
        boolean contribute = permits(viewer, GroupAction.CONTRIBUTE, group);
        boolean responsible = responsibleId != null && responsibleId.equals(viewer.accountId()) && contribute;
        return switch (action) {
            case READ -> permits(viewer, GroupAction.READ_CONTENT, group);
            case READ_DRAFT -> viewer.isMemberOf(group.id()) || viewer.administrator();
            case ANSWER, PLAN, PROPOSE_ITEM, COMMENT -> contribute;
            case EDIT_MEETING, WRITE_MINUTES, UPDATE_TASK -> moderator || responsible;
            case APPROVE -> moderator;
        };
    }

    /** Refuses like {@link #require(Viewer, GroupAction, GroupFacts)}: 404 for whoever may not read the meetings. */
    public void require(Viewer viewer, MeetingAction action, GroupFacts group, Long responsibleId) {
        if (!permits(viewer, MeetingAction.READ, group, responsibleId)) {
            throw new NotFoundException();
        }
        if (action == MeetingAction.READ_DRAFT && !permits(viewer, action, group, responsibleId)) {
            throw new NotFoundException();
        }
        if (!permits(viewer, action, group, responsibleId)) {
            if (viewer.isGuest()) {
                throw new UnauthenticatedException();
            }
            throw new ForbiddenException();
        }
    }

    /**
     * The groups whose items a search may return to the viewer, by the item's audience: {@code readable} mirrors
     * {@link GroupAction#READ_CONTENT} (members, and every logged-in account for public groups), {@code members}
     * {@link MeetingAction#READ_DRAFT}, {@code moderated} the moderators' view of hidden and trashed things.
     * Administrators read everything. Computed per query, so that a membership change counts at once.
     */
    public record SearchScope(boolean everything, Set<Long> readable, Set<Long> members,
                              Set<Long> moderated) {
    }

    public SearchScope searchScope(Viewer viewer, Collection<Long> publicGroupIds) {
        if (viewer.administrator()) {
            return new SearchScope(true, Set.of(), Set.of(), Set.of());
        }
        Set<Long> members = Set.copyOf(viewer.roles().keySet());
        Set<Long> readable = new HashSet<>(members);
        if (!viewer.isGuest()) {
            readable.addAll(publicGroupIds);
        }
        Set<Long> moderated = viewer.roles().keySet().stream().filter(viewer::isModeratorOf)
                .collect(Collectors.toUnmodifiableSet());
        return new SearchScope(false, Set.copyOf(readable), members, moderated);
    }

    public void requireAdministrator(Viewer viewer) {
        if (viewer.isGuest()) {
            throw new UnauthenticatedException();
        }
        if (!viewer.administrator()) {
            throw new ForbiddenException();
        }
    }

    public void requireAccount(Viewer viewer) {
        if (viewer.isGuest()) {
            throw new UnauthenticatedException();
        }
    }
}
