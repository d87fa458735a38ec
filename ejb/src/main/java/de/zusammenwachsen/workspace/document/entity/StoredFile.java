package de.zusammenwachsen.workspace.document.entity;

/** A file's content as the blob store holds it: its SHA-256 (hex), size, and the type sniffed from its bytes. */
public record StoredFile(String hash, long size, String mediaType) {
}
