package de.zusammenwachsen.workspace.document.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.DocumentAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.document.boundary.DocumentView.Permission;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;

import java.util.EnumSet;
import java.util.Set;

/** What a viewer may do with a library or a document, as the pages and the API show it; decided by the policy. */
final class Permissions {

    private static final AccessPolicy policy = new AccessPolicy();

    private Permissions() {
    }

    static Set<Permission> of(Viewer viewer, WorkingGroup group, Long authorId) {
        AccessPolicy.GroupFacts facts = AccessPolicy.GroupFacts.of(group);
        Set<Permission> allowed = EnumSet.noneOf(Permission.class);
        if (policy.permits(viewer, DocumentAction.UPLOAD, facts, authorId)) {
            allowed.add(Permission.UPLOAD);
        }
        if (policy.permits(viewer, DocumentAction.COMMENT, facts, authorId)) {
            allowed.add(Permission.COMMENT);
        }
        if (authorId != null && policy.permits(viewer, DocumentAction.EDIT, facts, authorId)) {
            allowed.add(Permission.EDIT);
        }
        if (authorId != null && policy.permits(viewer, DocumentAction.TRASH, facts, authorId)) {
            allowed.add(Permission.TRASH);
        }
        if (policy.permits(viewer, DocumentAction.MANAGE_TRASH, facts, authorId)) {
            allowed.add(Permission.MANAGE_TRASH);
        }
        if (policy.permits(viewer, DocumentAction.IMPORT, facts, authorId)) {
            allowed.add(Permission.IMPORT);
        }
        return allowed;
    }

}
