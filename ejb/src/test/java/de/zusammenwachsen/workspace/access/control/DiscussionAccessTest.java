package de.zusammenwachsen.workspace.access.control;

import de.zusammenwachsen.workspace.core.ForbiddenException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.UnauthenticatedException;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static de.zusammenwachsen.workspace.access.control.DiscussionAction.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The discussion permission matrix: role × visibility × archived × locked × action, for a post written by the group
 * member AUTHOR. Each cell is allowed (Y) or denied (-). The tables are written from the rules, not from
 * the policy's code:
 * <ul>
 *   <li>Members read, start threads, reply and react. A network member reading a PUBLIC group and an administrator
 *       who is not a member read, but do not write. Guests read nothing; outsiders nothing of PRIVATE or HIDDEN
 *       groups.</li>
 *   <li>Whoever reads (and has an account) may follow.</li>
 *   <li>Authors edit and delete their own posts; moderators (and administrators) moderate, but neither rewrite nor
 *       delete other people's posts (they hide them).</li>
 *   <li>A locked thread takes replies from moderators only; its posts are frozen for their authors too (the policy's
 *       choice: a lock ends the discussion, which an edit would continue), deleting one's own post stays possible.
 *       An administrator who is not a member does not write in a locked thread either.</li>
 *   <li>An archived group is read-only for everyone: reading and following stay, nothing else.</li>
 * </ul>
 */
class DiscussionAccessTest {

    private static final long GROUP = 7L;
    private static final long AUTHOR_ID = 5L;
    private static final AccessPolicy POLICY = new AccessPolicy();

    enum Who { GUEST, OUTSIDER, MEMBER, AUTHOR, MODERATOR, ADMINISTRATOR }

    static Viewer viewer(Who who) {
        return switch (who) {
            case GUEST -> Viewer.GUEST;
            case OUTSIDER -> new Viewer(1L, false, Map.of(99L, Role.MODERATOR));
            case MEMBER -> new Viewer(2L, false, Map.of(GROUP, Role.MEMBER));
            case AUTHOR -> new Viewer(AUTHOR_ID, false, Map.of(GROUP, Role.MEMBER));
            case MODERATOR -> new Viewer(3L, false, Map.of(GROUP, Role.MODERATOR));
            case ADMINISTRATOR -> new Viewer(4L, true, Map.of());
        };
    }

    // Columns: GUEST, OUTSIDER, MEMBER, AUTHOR, MODERATOR, ADMINISTRATOR; the post is AUTHOR's.
    private static final Object[][] PUBLIC = {
            {READ,         "- Y Y Y Y Y"},
            {FOLLOW,       "- Y Y Y Y Y"},
            {START_THREAD, "- - Y Y Y -"},
            {REPLY,        "- - Y Y Y -"},
            {REACT,        "- - Y Y Y -"},
            {EDIT_POST,    "- - - Y - -"},
            {DELETE_POST,  "- - - Y - -"},
            {MODERATE,     "- - - - Y Y"},
    };
    private static final Object[][] PUBLIC_LOCKED = {
            {READ,         "- Y Y Y Y Y"},
            {FOLLOW,       "- Y Y Y Y Y"},
            {START_THREAD, "- - Y Y Y -"},
            {REPLY,        "- - - - Y -"},
            {REACT,        "- - Y Y Y -"},
            {EDIT_POST,    "- - - - - -"},
            {DELETE_POST,  "- - - Y - -"},
            {MODERATE,     "- - - - Y Y"},
    };
    private static final Object[][] PRIVATE_OR_HIDDEN = {
            {READ,         "- - Y Y Y Y"},
            {FOLLOW,       "- - Y Y Y Y"},
            {START_THREAD, "- - Y Y Y -"},
            {REPLY,        "- - Y Y Y -"},
            {REACT,        "- - Y Y Y -"},
            {EDIT_POST,    "- - - Y - -"},
            {DELETE_POST,  "- - - Y - -"},
            {MODERATE,     "- - - - Y Y"},
    };
    private static final Object[][] PRIVATE_OR_HIDDEN_LOCKED = {
            {READ,         "- - Y Y Y Y"},
            {FOLLOW,       "- - Y Y Y Y"},
            {START_THREAD, "- - Y Y Y -"},
            {REPLY,        "- - - - Y -"},
            {REACT,        "- - Y Y Y -"},
            {EDIT_POST,    "- - - - - -"},
            {DELETE_POST,  "- - - Y - -"},
            {MODERATE,     "- - - - Y Y"},
    };
    /** Archived: the same whether the thread is locked or not. */
    private static final Object[][] ARCHIVED_PUBLIC = {
            {READ,         "- Y Y Y Y Y"},
            {FOLLOW,       "- Y Y Y Y Y"},
            {START_THREAD, "- - - - - -"},
            {REPLY,        "- - - - - -"},
            {REACT,        "- - - - - -"},
            {EDIT_POST,    "- - - - - -"},
            {DELETE_POST,  "- - - - - -"},
            {MODERATE,     "- - - - - -"},
    };
    private static final Object[][] ARCHIVED_PRIVATE_OR_HIDDEN = {
            {READ,         "- - Y Y Y Y"},
            {FOLLOW,       "- - Y Y Y Y"},
            {START_THREAD, "- - - - - -"},
            {REPLY,        "- - - - - -"},
            {REACT,        "- - - - - -"},
            {EDIT_POST,    "- - - - - -"},
            {DELETE_POST,  "- - - - - -"},
            {MODERATE,     "- - - - - -"},
    };

    @Test
    void matrix() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Visibility visibility : Visibility.values()) {
            boolean open = visibility == Visibility.PUBLIC;
            for (boolean archived : new boolean[]{false, true}) {
                for (boolean locked : new boolean[]{false, true}) {
                    Object[][] table = archived ? (open ? ARCHIVED_PUBLIC : ARCHIVED_PRIVATE_OR_HIDDEN)
                            : locked ? (open ? PUBLIC_LOCKED : PRIVATE_OR_HIDDEN_LOCKED)
                            : (open ? PUBLIC : PRIVATE_OR_HIDDEN);
                    cells += check(visibility, archived, locked, table, wrong);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(Who.values().length * Visibility.values().length * 2 * 2 * DiscussionAction.values().length, cells,
                "every role × visibility × archived × locked × action is in a table");
    }

    @Test
    void aFormerMemberNoLongerChangesTheirOwnPosts() {
        AccessPolicy.GroupFacts open = facts(Visibility.PUBLIC, false);
        Viewer formerAuthor = new Viewer(AUTHOR_ID, false, Map.of());
        assertTrue(POLICY.permits(formerAuthor, READ, open, AUTHOR_ID, false));
        assertFalse(POLICY.permits(formerAuthor, EDIT_POST, open, AUTHOR_ID, false));
        assertFalse(POLICY.permits(formerAuthor, DELETE_POST, open, AUTHOR_ID, false));
    }

    @Test
    void moderatorsAndAdministratorsWhoAreMembersChangeOnlyTheirOwnPosts() {
        AccessPolicy.GroupFacts group = facts(Visibility.PRIVATE, false);
        Viewer moderator = viewer(Who.MODERATOR);
        Viewer memberAdministrator = new Viewer(4L, true, Map.of(GROUP, Role.MEMBER));
        assertTrue(POLICY.permits(moderator, EDIT_POST, group, 3L, false));
        assertTrue(POLICY.permits(moderator, EDIT_POST, group, 3L, true), "a moderator edits their own post in a locked thread");
        assertFalse(POLICY.permits(moderator, EDIT_POST, group, AUTHOR_ID, false));
        assertTrue(POLICY.permits(memberAdministrator, REPLY, group, null, false));
        assertTrue(POLICY.permits(memberAdministrator, REPLY, group, null, true), "a member who administrates replies to a locked thread");
        assertTrue(POLICY.permits(memberAdministrator, DELETE_POST, group, 4L, false));
        assertFalse(POLICY.permits(memberAdministrator, DELETE_POST, group, AUTHOR_ID, false));
    }

    @Test
    void aModeratorOfAnotherGroupIsAnOutsiderHere() {
        Viewer elsewhere = viewer(Who.OUTSIDER);
        for (DiscussionAction action : DiscussionAction.values()) {
            assertFalse(POLICY.permits(elsewhere, action, facts(Visibility.PRIVATE, false), null, false), action.name());
        }
        assertFalse(POLICY.permits(elsewhere, MODERATE, facts(Visibility.PUBLIC, false), null, false));
    }

    @Test
    void refusalsDoNotLeakClosedGroups() {
        for (Visibility closed : EnumSet.of(Visibility.PRIVATE, Visibility.HIDDEN)) {
            for (DiscussionAction action : DiscussionAction.values()) {
                assertThrows(NotFoundException.class,
                        () -> POLICY.require(viewer(Who.OUTSIDER), action, facts(closed, false), null, false), closed + " " + action);
                assertThrows(NotFoundException.class,
                        () -> POLICY.require(Viewer.GUEST, action, facts(closed, false), null, false), closed + " " + action);
            }
        }
        // Guests read nothing, not even public groups' discussions: 404, not a login prompt.
        assertThrows(NotFoundException.class, () -> POLICY.require(Viewer.GUEST, READ, facts(Visibility.PUBLIC, false), null, false));
        assertThrows(NotFoundException.class, () -> POLICY.require(Viewer.GUEST, REPLY, facts(Visibility.PUBLIC, false), null, false));
    }

    @Test
    void readersWhoMayNotWriteAreForbidden() {
        AccessPolicy.GroupFacts open = facts(Visibility.PUBLIC, false);
        AccessPolicy.GroupFacts hidden = facts(Visibility.HIDDEN, false);
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.OUTSIDER), START_THREAD, open, null, false));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.OUTSIDER), REPLY, open, null, false));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.OUTSIDER), MODERATE, open, null, false));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.ADMINISTRATOR), START_THREAD, hidden, null, false));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.ADMINISTRATOR), REPLY, hidden, null, true));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.MEMBER), REPLY, hidden, null, true));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.MEMBER), EDIT_POST, hidden, AUTHOR_ID, false));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.MEMBER), MODERATE, hidden, null, false));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.MODERATOR), REPLY, facts(Visibility.PRIVATE, true), null, false));
        assertDoesNotThrow(() -> POLICY.require(viewer(Who.ADMINISTRATOR), MODERATE, hidden, null, true));
        assertDoesNotThrow(() -> POLICY.require(viewer(Who.MODERATOR), REPLY, hidden, null, true));
        assertDoesNotThrow(() -> POLICY.require(viewer(Who.AUTHOR), DELETE_POST, hidden, AUTHOR_ID, true));
    }

    @Test
    void guestsNeverGetALoginPromptForDiscussions() {
        // Reading comes first; since guests read nothing, no discussion action ever answers 401.
        for (Visibility visibility : Visibility.values()) {
            for (DiscussionAction action : DiscussionAction.values()) {
                RuntimeException refusal = assertThrows(RuntimeException.class,
                        () -> POLICY.require(Viewer.GUEST, action, facts(visibility, false), null, false));
                assertFalse(refusal instanceof UnauthenticatedException, visibility + " " + action);
            }
        }
    }

    private static AccessPolicy.GroupFacts facts(Visibility visibility, boolean archived) {
        return new AccessPolicy.GroupFacts(GROUP, visibility, JoinPolicy.REQUEST, archived);
    }

    private static int check(Visibility visibility, boolean archived, boolean locked, Object[][] expected, List<String> wrong) {
        AccessPolicy.GroupFacts group = facts(visibility, archived);
        assertEquals(DiscussionAction.values().length, expected.length, "one row per action");
        int cells = 0;
        for (Object[] row : expected) {
            DiscussionAction action = (DiscussionAction) row[0];
            String[] columns = ((String) row[1]).split(" ");
            for (Who who : Who.values()) {
                boolean allowed = POLICY.permits(viewer(who), action, group, AUTHOR_ID, locked);
                if (allowed != columns[who.ordinal()].equals("Y")) {
                    wrong.add(visibility + (archived ? "/archived" : "") + (locked ? "/locked " : " ") + action + " " + who
                            + " → " + (allowed ? "allowed" : "denied"));
                }
                cells++;
            }
        }
        return cells;
    }
}
