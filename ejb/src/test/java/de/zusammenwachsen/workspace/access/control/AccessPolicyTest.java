package de.zusammenwachsen.workspace.access.control;

import de.zusammenwachsen.workspace.core.ForbiddenException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.UnauthenticatedException;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static de.zusammenwachsen.workspace.access.control.GroupAction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The permission matrix: every role × visibility × action, each cell written out as allowed (Y) or denied (-).
 * Join policies are chosen per column so that JOIN and REQUEST_TO_JOIN are meaningful (OPEN resp. REQUEST).
 */
class AccessPolicyTest {

    private static final long GROUP = 7L;
    private static final AccessPolicy POLICY = new AccessPolicy();

    enum Who { GUEST, NETWORK_MEMBER, GROUP_MEMBER, MODERATOR, ADMINISTRATOR }

    static Viewer viewer(Who who) {
        return switch (who) {
            case GUEST -> Viewer.GUEST;
            case NETWORK_MEMBER -> new Viewer(1L, false, Map.of(99L, Role.MODERATOR));
            case GROUP_MEMBER -> new Viewer(2L, false, Map.of(GROUP, Role.MEMBER));
            case MODERATOR -> new Viewer(3L, false, Map.of(GROUP, Role.MODERATOR));
            case ADMINISTRATOR -> new Viewer(4L, true, Map.of());
        };
    }

    // Rows: actions; columns: GUEST, NETWORK_MEMBER, GROUP_MEMBER, MODERATOR, ADMINISTRATOR.
    private static final Map<Visibility, Map<GroupAction, String>> EXPECTED = Map.of(
            Visibility.PUBLIC, Map.ofEntries(
                    Map.entry(SEE_GROUP, "YYYYY"), Map.entry(SEE_MEMBERS, "-YYYY"), Map.entry(READ_CONTENT, "-YYYY"),
                    Map.entry(CONTRIBUTE, "--YY-"), Map.entry(JOIN, "-Y--Y"), Map.entry(REQUEST_TO_JOIN, "-Y--Y"),
                    Map.entry(LEAVE, "--YY-"), Map.entry(DECIDE_REQUESTS, "---YY"), Map.entry(INVITE, "---YY"),
                    Map.entry(REMOVE_MEMBER, "---YY"), Map.entry(CHANGE_ROLE, "---YY"),
                    Map.entry(EDIT_SETTINGS, "---YY"), Map.entry(ARCHIVE, "----Y"), Map.entry(SEE_AUDIT, "---YY")),
            Visibility.PRIVATE, Map.ofEntries(
                    Map.entry(SEE_GROUP, "YYYYY"), Map.entry(SEE_MEMBERS, "--YYY"), Map.entry(READ_CONTENT, "--YYY"),
                    Map.entry(CONTRIBUTE, "--YY-"), Map.entry(JOIN, "-Y--Y"), Map.entry(REQUEST_TO_JOIN, "-Y--Y"),
                    Map.entry(LEAVE, "--YY-"), Map.entry(DECIDE_REQUESTS, "---YY"), Map.entry(INVITE, "---YY"),
                    Map.entry(REMOVE_MEMBER, "---YY"), Map.entry(CHANGE_ROLE, "---YY"),
                    Map.entry(EDIT_SETTINGS, "---YY"), Map.entry(ARCHIVE, "----Y"), Map.entry(SEE_AUDIT, "---YY")),
            Visibility.HIDDEN, Map.ofEntries(
                    Map.entry(SEE_GROUP, "--YYY"), Map.entry(SEE_MEMBERS, "--YYY"), Map.entry(READ_CONTENT, "--YYY"),
                    Map.entry(CONTRIBUTE, "--YY-"), Map.entry(JOIN, "-----"), Map.entry(REQUEST_TO_JOIN, "-----"),
                    Map.entry(LEAVE, "--YY-"), Map.entry(DECIDE_REQUESTS, "---YY"), Map.entry(INVITE, "---YY"),
                    Map.entry(REMOVE_MEMBER, "---YY"), Map.entry(CHANGE_ROLE, "---YY"),
                    Map.entry(EDIT_SETTINGS, "---YY"), Map.entry(ARCHIVE, "----Y"), Map.entry(SEE_AUDIT, "---YY")));

    @Test
    void everyCellOfTheMatrix() {
        List<String> wrong = new ArrayList<>();
        for (Visibility visibility : Visibility.values()) {
            for (GroupAction action : GroupAction.values()) {
                String row = EXPECTED.get(visibility).get(action);
                for (Who who : Who.values()) {
                    JoinPolicy policy = action == REQUEST_TO_JOIN ? JoinPolicy.REQUEST : JoinPolicy.OPEN;
                    var facts = new AccessPolicy.GroupFacts(GROUP, visibility, policy, false);
                    boolean expected = row.charAt(who.ordinal()) == 'Y';
                    if (POLICY.permits(viewer(who), action, facts) != expected) {
                        wrong.add(visibility + "/" + action + "/" + who + " expected " + (expected ? "allowed" : "denied"));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void joinPolicyDecidesBetweenJoiningAndAsking() {
        Viewer someone = viewer(Who.NETWORK_MEMBER);
        var byRequest = new AccessPolicy.GroupFacts(GROUP, Visibility.PUBLIC, JoinPolicy.REQUEST, false);
        var byInvitation = new AccessPolicy.GroupFacts(GROUP, Visibility.PUBLIC, JoinPolicy.INVITATION, false);
        assertEquals(false, POLICY.permits(someone, JOIN, byRequest));
        assertEquals(false, POLICY.permits(someone, JOIN, byInvitation));
        assertEquals(false, POLICY.permits(someone, REQUEST_TO_JOIN, byInvitation));
    }

    @Test
    void archivedGroupsAreReadOnlyButStayVisible() {
        var archived = new AccessPolicy.GroupFacts(GROUP, Visibility.PUBLIC, JoinPolicy.OPEN, true);
        for (GroupAction change : List.of(CONTRIBUTE, JOIN, LEAVE, DECIDE_REQUESTS, INVITE, REMOVE_MEMBER, CHANGE_ROLE, EDIT_SETTINGS)) {
            for (Who who : Who.values()) {
                assertEquals(false, POLICY.permits(viewer(who), change, archived), change + " by " + who);
            }
        }
        assertEquals(true, POLICY.permits(viewer(Who.GROUP_MEMBER), READ_CONTENT, archived));
        assertEquals(true, POLICY.permits(viewer(Who.ADMINISTRATOR), ARCHIVE, archived));
    }

    /**
     * The two rules that lists asking by group id and visibility use (the decisions register, search hits and facets)
     * are the matrix's SEE_GROUP and READ_CONTENT, cell for cell: a hidden group's published decision is named only
     * to its members, a private group's meeting only to its members.
     */
    @Test
    void seeingAGroupAndReadingItsMeetingsByIdAndVisibilityFollowTheMatrix() {
        List<String> wrong = new ArrayList<>();
        for (Visibility visibility : Visibility.values()) {
            var facts = new AccessPolicy.GroupFacts(GROUP, visibility, JoinPolicy.OPEN, false);
            for (Who who : Who.values()) {
                Viewer viewer = viewer(who);
                if (POLICY.seesGroup(viewer, GROUP, visibility) != POLICY.permits(viewer, SEE_GROUP, facts)) {
                    wrong.add("seesGroup " + visibility + "/" + who);
                }
                if (POLICY.readsContent(viewer, GROUP, visibility) != POLICY.permits(viewer, READ_CONTENT, facts)
                        || POLICY.readsContent(viewer, GROUP, visibility)
                        != POLICY.permits(viewer, MeetingAction.READ, facts, null)) {
                    wrong.add("readsContent " + visibility + "/" + who);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(false, POLICY.seesGroup(viewer(Who.NETWORK_MEMBER), GROUP, Visibility.HIDDEN));
        assertEquals(false, POLICY.readsContent(viewer(Who.NETWORK_MEMBER), GROUP, Visibility.PRIVATE));
        assertEquals(true, POLICY.seesGroup(Viewer.GUEST, GROUP, Visibility.PRIVATE));
    }

    @Test
    void invisibleThingsAnswerNotFoundAndVisibleOnesForbidden() {
        var hidden = new AccessPolicy.GroupFacts(GROUP, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        var privateGroup = new AccessPolicy.GroupFacts(GROUP, Visibility.PRIVATE, JoinPolicy.REQUEST, false);
        assertThrows(NotFoundException.class, () -> POLICY.require(viewer(Who.NETWORK_MEMBER), EDIT_SETTINGS, hidden));
        assertThrows(NotFoundException.class, () -> POLICY.require(Viewer.GUEST, SEE_GROUP, hidden));
        assertThrows(NotFoundException.class, () -> POLICY.require(viewer(Who.NETWORK_MEMBER), SEE_MEMBERS, privateGroup));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.GROUP_MEMBER), EDIT_SETTINGS, privateGroup));
        assertThrows(UnauthenticatedException.class, () -> POLICY.require(Viewer.GUEST, REQUEST_TO_JOIN, privateGroup));
    }

    @Test
    void requestsAndInvitationsAreNotFoundForWhoeverMayNotSeeTheMembers() {
        var privateGroup = new AccessPolicy.GroupFacts(GROUP, Visibility.PRIVATE, JoinPolicy.REQUEST, false);
        var publicGroup = new AccessPolicy.GroupFacts(GROUP, Visibility.PUBLIC, JoinPolicy.REQUEST, false);
        for (GroupAction action : List.of(DECIDE_REQUESTS, INVITE)) {
            assertThrows(NotFoundException.class, () -> POLICY.require(viewer(Who.NETWORK_MEMBER), action, privateGroup));
            assertThrows(NotFoundException.class, () -> POLICY.require(Viewer.GUEST, action, privateGroup));
            assertThrows(NotFoundException.class, () -> POLICY.require(Viewer.GUEST, action, publicGroup));
            // Who sees the members but may not act on them is told so.
            assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.GROUP_MEMBER), action, privateGroup));
            assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.NETWORK_MEMBER), action, publicGroup));
            POLICY.require(viewer(Who.MODERATOR), action, privateGroup);
        }
        // Other refusals stay as they were: a network member sees a private group but may not change its settings.
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.NETWORK_MEMBER), EDIT_SETTINGS, privateGroup));
    }
}
