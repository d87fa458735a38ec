package de.zusammenwachsen.workspace.document.boundary;

import de.zusammenwachsen.workspace.core.Page;
import de.zusammenwachsen.workspace.document.control.DocumentKind;
import de.zusammenwachsen.workspace.document.entity.ExtractionState;
import de.zusammenwachsen.workspace.document.entity.ImportState;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The read models of the document boundaries, for pages and REST; plain data, no entities leak out. */
public final class DocumentView {

    private DocumentView() {
    }

    /** What one may do in a library or with a document; computed by the access policy, shown or hidden by pages. */
    public enum Permission {
        UPLOAD, EDIT, TRASH, COMMENT, MANAGE_TRASH, IMPORT
    }

    public enum Sort {
        NAME, UPDATED, SIZE, TYPE
    }

    public enum PreviewKind {
        /** Drawn in the page by PDF.js from the file (served as an attachment, never to the browser's viewer). */
        PDF,
        /** Shown in the page through the download URL. */
        IMAGE,
        /** Shown in the page as plain text read from the file. */
        TEXT,
        NONE
    }

    /** How a folder listing is narrowed and ordered; null fields mean "any" / the default. */
    public record Query(String tag, DocumentKind kind, Sort sort, boolean descending) {

        public static final Query DEFAULT = new Query(null, null, Sort.NAME, false);
    }

    public record FolderRef(Long id, String name) {
    }

    public record FolderEntry(Long id, String name, Instant createdAt, long documentCount, long folderCount) {
    }

    public record DocumentEntry(Long id, String name, String title, String mediaType, DocumentKind kind, long size,
                                int currentNumber, Long currentVersionId, Instant updatedAt, String updatedBy,
                                Set<String> tags, ExtractionState extractionState) {
    }

    /** The space a group has for documents and how much of it is used; sizes in bytes. */
    public record Limits(long maxFileBytes, long quotaBytes, long usedBytes, long maxImportBytes) {

        public long freeBytes() {
            return Math.max(0, quotaBytes - usedBytes);
        }
    }

    /**
     * One folder of a group's library (folder null: the top): its path, subfolders, one page of documents, the
     * tags used in the group (for the filter), the limits, and what the viewer may do here.
     */
    public record Library(Long groupId, String groupSlug, String groupName, FolderRef folder, List<FolderRef> path,
                          List<FolderEntry> folders, Page<DocumentEntry> documents, List<String> tags, Limits limits,
                          Set<Permission> allowed, int folderVersion, Set<Permission> folderAllowed) {

        public boolean may(String permission) {
            return allowed.contains(Permission.valueOf(permission));
        }

        /** What the viewer may do with the folder shown (EDIT: rename and move, TRASH); empty at the top. */
        public boolean mayWithFolder(String permission) {
            return folderAllowed.contains(Permission.valueOf(permission));
        }
    }

    public record Version(Long id, int number, String fileName, long size, String mediaType, String comment,
                          Instant createdAt, String createdBy, ExtractionState extractionState, Integer extractedChars,
                          String extractedLanguage, boolean extractionTruncated, String extractionError,
                          Long extractionMillis) {
    }

    public record Comment(Long id, String author, String body, Instant createdAt, boolean mayDelete) {
    }

    public record Detail(Long id, Long groupId, String groupSlug, String groupName, FolderRef folder,
                         List<FolderRef> path, String name, String title, String description, Set<String> tags,
                         String actionFieldSlug, String actionFieldName, String mediaType, DocumentKind kind, long size,
                         int currentNumber, Long currentVersionId, PreviewKind preview, Instant createdAt,
                         String createdBy, Instant updatedAt, String updatedBy, boolean trashed, int version,
                         List<Version> versions, Limits limits, Set<Permission> allowed) {

        public boolean may(String permission) {
            return allowed.contains(Permission.valueOf(permission));
        }

        public String displayTitle() {
            return title == null ? name : title;
        }
    }

    /** The result of an upload: which document got which version. */
    public record Uploaded(Long documentId, Long versionId, int number, boolean newDocument, String name) {
    }

    /**
     * What a download needs: the blob, its sniffed type, the type it is served with (active content such as HTML or
     * SVG goes out as opaque bytes), and whether a browser may show it inline on our origin.
     */
    public record Download(Long versionId, String fileName, String mediaType, String servedType, boolean inline,
                           long size, String hash) {
    }

    public enum TrashKind {
        FOLDER, DOCUMENT
    }

    public record TrashEntry(TrashKind kind, Long id, String name, String location, long size, Instant trashedAt,
                             String trashedBy, long contains) {
    }

    public record Import(Long id, String groupSlug, String fileName, FolderRef folder, long size, ImportState state,
                         int entriesTotal, int entriesDone, int imported, int skipped, String error,
                         Instant createdAt, String createdBy, Instant finishedAt) {

        public int percent() {
            return entriesTotal == 0 ? (state == ImportState.DONE ? 100 : 0) : (int) (100L * entriesDone / entriesTotal);
        }
    }

    /** Extraction progress of a group, with the time extraction took per media type; for the import page and the benchmark. */
    public record ExtractionStatus(long pending, long running, long done, long failed, List<TypeTiming> timings) {
    }

    public record TypeTiming(String mediaType, long count, long p50Millis, long p95Millis, long maxMillis) {
    }

    /**
     * The blob store as administrators see it: blobs on disk, how many rows name them, and the checks that nothing
     * is lost ({@code missingBlobs} must be 0) and nothing is left over beyond the sweeper's reach.
     */
    public record StorageStatus(long blobs, long blobBytes, long rawBytes, long versions, long missingBlobs,
                                long unreferencedBlobs, long incompleteUploads, ExtractionStatus extraction) {
    }
}
