package de.zusammenwachsen.workspace.discussion.boundary;

import de.zusammenwachsen.workspace.search.control.SearchIndex;
import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.access.control.DiscussionAction;
import de.zusammenwachsen.workspace.access.control.GroupAction;
import de.zusammenwachsen.workspace.access.control.Viewer;
import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.ForbiddenException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.discussion.control.Threads;
import de.zusammenwachsen.workspace.discussion.entity.DiscussionThread;
import de.zusammenwachsen.workspace.discussion.entity.Post;
import de.zusammenwachsen.workspace.group.control.Groups;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * What moderators do with discussions: pin, lock, move to another group they moderate, hide a post with a reason
 * (and show it again), move a thread to the trash and back. Each step is written to the audit log.
 */
@Stateless
public class Moderation {

    @PersistenceContext
    EntityManager em;

    @Inject
    SearchIndex searchIndex;

    @Inject
    Caller caller;

    @Inject
    Groups groups;

    @Inject
    Threads threads;

    @Inject
    AuditLog audit;

    private final AccessPolicy policy = new AccessPolicy();

    public void pin(Long threadId, boolean pinned) {
        DiscussionThread thread = moderated(threadId);
        if (thread.isPinned() != pinned) {
            thread.pin(pinned);
            audit.record(pinned ? "discussion.pinned" : "discussion.unpinned", thread.getGroup(), thread.getTitle(), null);
        }
    }

    public void lock(Long threadId, boolean locked) {
        DiscussionThread thread = moderated(threadId);
        if (thread.isLocked() != locked) {
            thread.lock(locked);
            audit.record(locked ? "discussion.locked" : "discussion.unlocked", thread.getGroup(), thread.getTitle(), null);
        }
    }

    /** Moves a thread to another group the caller moderates; its notifications follow it. */
    public void move(Long threadId, String targetSlug) {
        DiscussionThread thread = moderated(threadId);
        if (targetSlug == null || targetSlug.isBlank()) {
            throw new InvalidInputException("discussion.move.targetRequired");
        }
        WorkingGroup source = thread.getGroup();
        WorkingGroup target = groups.bySlug(targetSlug);
        Viewer viewer = caller.viewer();
        if (!policy.permits(viewer, GroupAction.SEE_GROUP, target)) {
            throw new NotFoundException();
        }
        if (!policy.permits(viewer, DiscussionAction.MODERATE, AccessPolicy.GroupFacts.of(target), null, false)) {
            throw new ForbiddenException();
        }
        if (target.getId().equals(source.getId())) {
            return;
        }
        thread.moveTo(target);
        searchIndex.thread(thread);
        em.createQuery("update Notification n set n.groupId = :to where n.threadId = :t")
                .setParameter("to", target.getId()).setParameter("t", thread.getId()).executeUpdate();
        audit.record("discussion.movedOut", source, thread.getTitle(), target.getName());
        audit.record("discussion.movedIn", target, thread.getTitle(), source.getName());
    }

    public void hide(Long postId, String reason) {
        Post post = threads.post(postId);
        DiscussionThread thread = moderated(post.getThread().getId());
        post.hide(caller.accountId(), reason, Instant.now());
        if (post.getNumber() == 1) {
            thread.openingChanged(null);
        }
        audit.record("discussion.postHidden", thread.getGroup(), thread.getTitle() + " #" + post.getNumber(),
                post.getHiddenReason());
    }

    public void unhide(Long postId) {
        Post post = threads.post(postId);
        DiscussionThread thread = moderated(post.getThread().getId());
        if (!post.isHidden()) {
            return;
        }
        post.unhide();
        if (post.getNumber() == 1 && post.isVisibleToAll()) {
            thread.openingChanged(threads.render(thread.getGroup(), post.getBody()).text());
        }
        audit.record("discussion.postShown", thread.getGroup(), thread.getTitle() + " #" + post.getNumber(), null);
    }

    public void trash(Long threadId) {
        DiscussionThread thread = moderated(threadId);
        if (!thread.isTrashed()) {
            thread.trash(caller.accountId(), Instant.now());
            searchIndex.thread(thread);
            audit.record("discussion.trashed", thread.getGroup(), thread.getTitle(), null);
        }
    }

    public void restore(Long threadId) {
        DiscussionThread thread = moderated(threadId);
        if (thread.isTrashed()) {
            thread.restore();
            searchIndex.thread(thread);
            audit.record("discussion.restored", thread.getGroup(), thread.getTitle(), null);
        }
    }

    private DiscussionThread moderated(Long threadId) {
        threads.readable(threadId, caller.viewer());
        DiscussionThread thread = threads.threadForUpdate(threadId);
        policy.require(caller.viewer(), DiscussionAction.MODERATE, AccessPolicy.GroupFacts.of(thread.getGroup()), null,
                thread.isLocked());
        return thread;
    }
}
