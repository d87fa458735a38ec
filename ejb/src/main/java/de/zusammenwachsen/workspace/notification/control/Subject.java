package de.zusammenwachsen.workspace.notification.control;

import de.zusammenwachsen.workspace.group.entity.WorkingGroup;

/**
 * What a discussion notification is about, as the notifier needs it to decide and to write a mail: the group, the
 * thread, the post (its plain text and sanitized HTML) and who wrote it.
 */
public record Subject(WorkingGroup group, Long threadId, String threadTitle, Long postId, int postNumber, Long actorId,
                      String plain, String html) {
}
