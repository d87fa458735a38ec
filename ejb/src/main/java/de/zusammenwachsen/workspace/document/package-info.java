/**
 * Documents of working groups: folders, documents with versions, comments, trash, bulk import of ZIP archives.
 * File contents go into the content-addressed {@link de.zusammenwachsen.workspace.document.control.BlobStore},
 * written and synced before the database commits; text is extracted by durable background jobs in a separate,
 * memory-capped process, so that a hostile file can neither lose data nor take the server down.
 */
package de.zusammenwachsen.workspace.document;
