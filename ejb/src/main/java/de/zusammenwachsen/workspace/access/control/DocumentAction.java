package de.zusammenwachsen.workspace.access.control;

/** What one can do with a group's documents and folders; the access policy decides each. */
public enum DocumentAction {
    /** List, open, preview, download any version, read comments. */
    READ,
    /** Upload files and new versions, create folders. */
    UPLOAD,
    COMMENT,
    /** Change metadata, rename, move: the author and the moderators. */
    EDIT,
    /** Move to the trash: the author and the moderators. */
    TRASH,
    /** See the trash, restore from it, purge for good: moderators. */
    MANAGE_TRASH,
    /** Import a ZIP archive as a whole: moderators, since it may bring thousands of files at once. */
    IMPORT
}
