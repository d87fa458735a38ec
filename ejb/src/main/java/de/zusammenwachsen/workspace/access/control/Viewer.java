package de.zusammenwachsen.workspace.access.control;

import de.zusammenwachsen.workspace.group.entity.Role;

import java.util.Map;
import java.util.Optional;

/**
 * Who is asking, as the access policy needs to know it: the account (none for a guest), whether it is an
 * administrator, and its role in each group it belongs to.
 */
public record Viewer(Long accountId, boolean administrator, Map<Long, Role> roles) {

    public static final Viewer GUEST = new Viewer(null, false, Map.of());

    public boolean isGuest() {
        return accountId == null;
    }

    public Optional<Role> roleIn(Long groupId) {
        return Optional.ofNullable(roles.get(groupId));
    }

    public boolean isMemberOf(Long groupId) {
        return roles.containsKey(groupId);
    }

    public boolean isModeratorOf(Long groupId) {
        return roles.get(groupId) == Role.MODERATOR;
    }
}
