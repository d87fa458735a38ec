package de.zusammenwachsen.workspace.access.control;

/** Everything one can do with or in a working group that the access policy decides. */
public enum GroupAction {
    /** Learn that the group exists: its page, name and description. */
    SEE_GROUP,
    SEE_MEMBERS,
    /** Read the group's documents, threads, meetings (later issues). */
    READ_CONTENT,
    /** Write content in the group (later issues). */
    CONTRIBUTE,
    JOIN,
    REQUEST_TO_JOIN,
    LEAVE,
    DECIDE_REQUESTS,
    INVITE,
    REMOVE_MEMBER,
    CHANGE_ROLE,
    EDIT_SETTINGS,
    ARCHIVE,
    SEE_AUDIT
}
