package de.zusammenwachsen.workspace.search.control;

/** Names of the index fields that every indexed kind has (see {@link SearchableBinder}). */
public final class SearchFields {

    public static final String KIND = "kind";
    public static final String GROUP = "groupId";
    public static final String AUDIENCE = "audience";
    public static final String TITLE = "title";
    public static final String TITLE_PREFIX = "titlePrefix";
    public static final String TEXT = "text";
    /** The start of the text, stored for the highlighted passage of a hit (see {@link SearchableBinder}). */
    public static final String PASSAGE = "passage";
    public static final String GROUP_NAME = "groupName";
    public static final String GROUP_SLUG = "groupSlug";
    public static final String ACTION_FIELD = "actionField";
    public static final String REGION = "region";
    public static final String AUTHOR = "authorId";
    public static final String AUTHOR_NAME = "authorName";
    public static final String DATE = "date";
    public static final String FOLDER = "folder";
    public static final String LINK = "link";

    private SearchFields() {
    }
}
