package de.zusammenwachsen.workspace.group.control;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.group.entity.JoinPolicy;
import de.zusammenwachsen.workspace.group.entity.Visibility;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;

import java.util.List;

/**
 * What an administrator or moderator enters for a group. Action fields and regions are named by slug, so the
 * same input serves the pages and the REST API; the first action field is the group's primary one.
 */
public record GroupInput(String slug, String name, String description, List<String> actionFields,
                         List<String> regions, Visibility visibility, JoinPolicy joinPolicy) {

    public static final int NAME_MAX = 150;
    public static final int DESCRIPTION_MAX = 5000;

    /** Checks the fields that need no database; returns a cleaned copy (trimmed, blanks removed). */
    public GroupInput cleaned() {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new InvalidInputException("group.name.required");
        }
        if (cleanName.length() > NAME_MAX) {
            throw new InvalidInputException("group.name.tooLong", NAME_MAX);
        }
        String cleanDescription = description == null || description.isBlank() ? null : description.strip();
        if (cleanDescription != null && cleanDescription.length() > DESCRIPTION_MAX) {
            throw new InvalidInputException("group.description.tooLong", DESCRIPTION_MAX);
        }
        List<String> fields = actionFields == null ? List.of()
                : actionFields.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (fields.isEmpty()) {
            throw new InvalidInputException("group.actionFields.required");
        }
        List<String> regionSlugs = regions == null ? List.of()
                : regions.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (visibility == null) {
            throw new InvalidInputException("group.visibility.required");
        }
        if (joinPolicy == null) {
            throw new InvalidInputException("group.joinPolicy.required");
        }
        String cleanSlug = slug == null ? null : slug.strip();
        return new GroupInput(cleanSlug, cleanName, cleanDescription, fields, regionSlugs, visibility, joinPolicy);
    }

    public void requireValidSlug() {
        if (slug == null || !WorkingGroup.SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("group.slug.invalid");
        }
    }
}
