package de.zusammenwachsen.workspace.document.control;

import de.zusammenwachsen.workspace.core.Settings;

import java.nio.file.Path;
import java.time.Duration;

/** The configurable limits of documents and their background work; names as in {@link Settings}. */
public final class DocumentSettings {

    private static final long MB = 1024L * 1024L;

    private DocumentSettings() {
    }

    /** Largest file one may upload (default 100 MB). */
    public static long maxFileBytes() {
        return Long.parseLong(Settings.get("zw.documents.max.file.mb", "100")) * MB;
    }

    /** Room for documents (all versions, the trash included) per group, unless an administrator set another. */
    public static long defaultQuotaBytes() {
        return Long.parseLong(Settings.get("zw.documents.group.quota.mb", "5120")) * MB;
    }

    /** Largest ZIP archive a bulk import accepts (default 1 GB). */
    public static long maxImportBytes() {
        return Long.parseLong(Settings.get("zw.documents.max.import.mb", "1024")) * MB;
    }

    /**
     * Most entries (files and folders) one bulk import may hold (default 2,000): each file becomes a document with a
     * job of text extraction, so the number, not the archive's size, is what loads the server.
     */
    public static int maxImportEntries() {
        return Integer.parseInt(Settings.get("zw.documents.max.import.entries", "2000"));
    }

    /**
     * Most a bulk import may hold unpacked (default 2 GB); the group's free room limits it further. A ZIP archive
     * of 2 MB can hold gigabytes: the archive's own size says nothing about what it brings in.
     */
    public static long maxImportExpandedBytes() {
        return Long.parseLong(Settings.get("zw.documents.max.import.expanded.mb", "2048")) * MB;
    }

    public static Path blobDirectory() {
        String configured = Settings.get("zw.blobs.dir", null);
        return configured == null ? Settings.dataDirectory().resolve("blobs") : Path.of(configured);
    }

    /** Blobs younger than this are never swept: an upload may have written one whose row is not committed yet. */
    public static Duration sweepGrace() {
        return Duration.ofSeconds(Long.parseLong(Settings.get("zw.blobs.sweep.grace.seconds", "3600")));
    }

    /** Where the Tika application jar for the extraction process lies. */
    public static Path tikaDirectory() {
        String configured = Settings.get("zw.tika.dir", null);
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("jboss.home.dir", "."), "tika");
    }

    public static int extractionWorkers() {
        return Integer.parseInt(Settings.get("zw.extraction.workers", "2"));
    }

    public static Duration extractionTimeout() {
        return Duration.ofSeconds(Long.parseLong(Settings.get("zw.extraction.timeout.seconds", "60")));
    }

    public static int extractionMaxChars() {
        return Integer.parseInt(Settings.get("zw.extraction.max.chars", "2000000"));
    }

    /** Heap of each extraction process: what a hostile file can use up at most. */
    public static int extractionHeapMb() {
        return Integer.parseInt(Settings.get("zw.extraction.heap.mb", "384"));
    }
}
