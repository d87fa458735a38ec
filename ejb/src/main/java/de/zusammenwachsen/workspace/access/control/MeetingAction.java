package de.zusammenwachsen.workspace.access.control;

/**
 * What can be done with a group's meetings, minutes, decisions and action items, decided by {@link AccessPolicy}.
 * Some actions have a responsible person (the organiser of a meeting, the minute-taker, the owner of an action item)
 * who may do them besides the moderators.
 */
public enum MeetingAction {
    /** See meetings, agendas, circulated and approved minutes, decisions and action items. */
    READ,
    /** See minutes while they are still a draft: members only, not every reader of a public group. */
    READ_DRAFT,
    /** Answer an invitation (yes, no, maybe) and subscribe to the group's calendar feed. */
    ANSWER,
    /** Plan a new meeting. */
    PLAN,
    /** Change or cancel a meeting and manage its agenda (accept proposals, reorder); organiser or moderator. */
    EDIT_MEETING,
    /** Propose an agenda item (the boundary adds: before the meeting starts). */
    PROPOSE_ITEM,
    /** Write draft minutes; minute-taker (or organiser, asked separately) or moderator. */
    WRITE_MINUTES,
    /** Comment on circulated minutes. */
    COMMENT,
    /** Approve circulated minutes, and amend approved ones. */
    APPROVE,
    /** Mark an action item done or cancelled, or change its due date; owner or moderator. */
    UPDATE_TASK
}
