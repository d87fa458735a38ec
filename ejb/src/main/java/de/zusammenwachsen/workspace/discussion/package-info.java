/**
 * Discussions: a group's board of threads, posts in Markdown (rendered and sanitized once, when written), quotes,
 * mentions, reactions, edit history, read markers, and moderation (pin, lock, move, hide, trash). Every door — page,
 * REST, e-mail link — reaches them through {@code Discussions} and {@code Moderation}, which ask the one access policy;
 * notifications about them are made in the same transaction by the notification feature.
 */
package de.zusammenwachsen.workspace.discussion;
