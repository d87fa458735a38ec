package de.zusammenwachsen.workspace.access.control;

import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.Role;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The search scope must say exactly what the policy's single-item rules say, or search would show what a page
 * refuses (or hide what it shows): for every kind of viewer and every visibility, a group is in the scope's
 * readable, member and moderated sets exactly when READ_CONTENT, READ_DRAFT and MODERATE are permitted.
 */
class SearchScopeTest {

    private static final Long GROUP = 7L;
    private final AccessPolicy policy = new AccessPolicy();

    enum Who { GUEST, OUTSIDER, MEMBER, MODERATOR, ADMIN }

    @ParameterizedTest
    @EnumSource(Who.class)
    void scopeAgreesWithThePolicy(Who who) {
        Viewer viewer = switch (who) {
            case GUEST -> Viewer.GUEST;
            case OUTSIDER -> new Viewer(1L, false, Map.of(99L, Role.MODERATOR));
            case MEMBER -> new Viewer(2L, false, Map.of(GROUP, Role.MEMBER));
            case MODERATOR -> new Viewer(3L, false, Map.of(GROUP, Role.MODERATOR));
            case ADMIN -> new Viewer(4L, true, Map.of());
        };
        for (Visibility visibility : Visibility.values()) {
            AccessPolicy.GroupFacts group = new AccessPolicy.GroupFacts(GROUP, visibility, JoinPolicy.OPEN, false);
            List<Long> publicGroups = visibility == Visibility.PUBLIC ? List.of(GROUP) : List.of();
            AccessPolicy.SearchScope scope = policy.searchScope(viewer, publicGroups);
            String cell = who + " × " + visibility;
            assertEquals(policy.permits(viewer, GroupAction.READ_CONTENT, group),
                    scope.everything() || scope.readable().contains(GROUP), cell + " reads");
            assertEquals(policy.permits(viewer, MeetingAction.READ_DRAFT, group, null),
                    scope.everything() || scope.members().contains(GROUP), cell + " reads drafts");
            assertEquals(policy.permits(viewer, DiscussionAction.MODERATE, group, null, false),
                    scope.everything() || scope.moderated().contains(GROUP), cell + " moderates");
        }
    }
}
