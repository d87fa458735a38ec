package de.zusammenwachsen.workspace.group.entity;

/**
 * Who learns that a group exists and who reads its content. PUBLIC: listed, content for every network member;
 * PRIVATE: listed, content for members; HIDDEN: neither listed nor findable, invitation only.
 */
public enum Visibility {
    PUBLIC, PRIVATE, HIDDEN
}
