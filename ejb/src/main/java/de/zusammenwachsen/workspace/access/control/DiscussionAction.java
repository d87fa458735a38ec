package de.zusammenwachsen.workspace.access.control;

/** What can be done with a group's discussions, decided by {@link AccessPolicy}. */
public enum DiscussionAction {
    /** Read the board, threads and posts. */
    READ,
    /** Follow a thread or the group's board (and so get notified). */
    FOLLOW,
    START_THREAD,
    /** Reply to a thread; a locked thread takes replies from moderators only. */
    REPLY,
    REACT,
    /** Change one's own post (moderators hide, they do not rewrite). */
    EDIT_POST,
    DELETE_POST,
    /** Pin, lock, move, hide and show posts, trash and restore threads, read edit histories and hidden posts. */
    MODERATE
}
