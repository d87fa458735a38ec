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

import static de.zusammenwachsen.workspace.access.control.DocumentAction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The document permission matrix: role × visibility × action, for a document written by the group member (AUTHOR)
 * and one written by someone else. Each cell is allowed (Y) or denied (-).
 */
class DocumentAccessTest {

    private static final long GROUP = 7L;
    private static final long AUTHOR_ID = 5L;
    private static final long OTHER_AUTHOR = 6L;
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

    // Columns: GUEST, OUTSIDER, MEMBER, AUTHOR, MODERATOR, ADMINISTRATOR; the document is AUTHOR's.
    private static final Object[][] PUBLIC = {
            {READ,         "- Y Y Y Y Y"},
            {UPLOAD,       "- - Y Y Y -"},
            {COMMENT,      "- - Y Y Y -"},
            {EDIT,         "- - - Y Y Y"},
            {TRASH,        "- - - Y Y Y"},
            {MANAGE_TRASH, "- - - - Y Y"},
            {IMPORT,       "- - - - Y Y"},
    };
    private static final Object[][] PRIVATE_OR_HIDDEN = {
            {READ,         "- - Y Y Y Y"},
            {UPLOAD,       "- - Y Y Y -"},
            {COMMENT,      "- - Y Y Y -"},
            {EDIT,         "- - - Y Y Y"},
            {TRASH,        "- - - Y Y Y"},
            {MANAGE_TRASH, "- - - - Y Y"},
            {IMPORT,       "- - - - Y Y"},
    };
    private static final Object[][] ARCHIVED_PUBLIC = {
            {READ,         "- Y Y Y Y Y"},
            {UPLOAD,       "- - - - - -"},
            {COMMENT,      "- - - - - -"},
            {EDIT,         "- - - - - -"},
            {TRASH,        "- - - - - -"},
            {MANAGE_TRASH, "- - - - - -"},
            {IMPORT,       "- - - - - -"},
    };

    @Test
    void matrix() {
        List<String> wrong = new ArrayList<>();
        check(Visibility.PUBLIC, false, PUBLIC, wrong);
        check(Visibility.PRIVATE, false, PRIVATE_OR_HIDDEN, wrong);
        check(Visibility.HIDDEN, false, PRIVATE_OR_HIDDEN, wrong);
        check(Visibility.PUBLIC, true, ARCHIVED_PUBLIC, wrong);
        assertEquals(List.of(), wrong);
    }

    @Test
    void othersDocumentsAreEditedOnlyByModerators() {
        AccessPolicy.GroupFacts group = new AccessPolicy.GroupFacts(GROUP, Visibility.PRIVATE, JoinPolicy.REQUEST, false);
        assertEquals(false, POLICY.permits(viewer(Who.AUTHOR), EDIT, group, OTHER_AUTHOR));
        assertEquals(false, POLICY.permits(viewer(Who.AUTHOR), TRASH, group, OTHER_AUTHOR));
        assertEquals(true, POLICY.permits(viewer(Who.MODERATOR), TRASH, group, OTHER_AUTHOR));
    }

    @Test
    void refusalsDoNotLeakPrivateLibraries() {
        AccessPolicy.GroupFacts hidden = new AccessPolicy.GroupFacts(GROUP, Visibility.HIDDEN, JoinPolicy.INVITATION, false);
        AccessPolicy.GroupFacts open = new AccessPolicy.GroupFacts(GROUP, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        assertThrows(NotFoundException.class, () -> POLICY.require(viewer(Who.OUTSIDER), UPLOAD, hidden, null));
        assertThrows(NotFoundException.class, () -> POLICY.require(viewer(Who.GUEST), READ, open, null));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.OUTSIDER), UPLOAD, open, null));
        assertThrows(ForbiddenException.class, () -> POLICY.require(viewer(Who.MEMBER), EDIT, open, AUTHOR_ID));
    }

    @Test
    void guestsReadingPublicGroupsAreAskedToLogIn() {
        // Guests cannot read documents, not even of public groups (READ_CONTENT needs an account): 404 hides them.
        AccessPolicy.GroupFacts open = new AccessPolicy.GroupFacts(GROUP, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        assertThrows(NotFoundException.class, () -> POLICY.require(Viewer.GUEST, MANAGE_TRASH, open, null));
        assertEquals(false, POLICY.permits(Viewer.GUEST, READ, open, null));
        assertThrows(UnauthenticatedException.class, () -> {
            throw new UnauthenticatedException();
        });
    }

    private static void check(Visibility visibility, boolean archived, Object[][] expected, List<String> wrong) {
        AccessPolicy.GroupFacts group = new AccessPolicy.GroupFacts(GROUP, visibility, JoinPolicy.REQUEST, archived);
        for (Object[] row : expected) {
            DocumentAction action = (DocumentAction) row[0];
            String[] cells = ((String) row[1]).split(" ");
            for (Who who : Who.values()) {
                boolean allowed = POLICY.permits(viewer(who), action, group, AUTHOR_ID);
                if (allowed != cells[who.ordinal()].equals("Y")) {
                    wrong.add(visibility + (archived ? "/archived " : " ") + action + " " + who + " → " + allowed);
                }
            }
        }
    }
}
