/**
 * Notifications: who follows what (groups for new threads, threads for replies), the in-app notifications with the
 * bell's count, and e-mail — at once, as a daily digest, or not at all, by default and per group. Every mail goes
 * through the outbox in the transaction of the change that causes it and is sent afterwards, at least once and with
 * a stable Message-ID; mails about a group's content are checked against the recipient's access again when sent.
 */
package de.zusammenwachsen.workspace.notification;
