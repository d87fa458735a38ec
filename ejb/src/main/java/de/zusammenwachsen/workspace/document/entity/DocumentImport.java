package de.zusammenwachsen.workspace.document.entity;

import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A bulk import of a ZIP archive into a folder of a group: a durable job. {@code entriesDone} advances in the same
 * transaction as the documents it created, so a crash resumes exactly after the last committed entry.
 */
@Entity
@Table(name = "document_import")
public class DocumentImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private WorkingGroup group;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "folder_id")
    private Folder folder;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "blob_hash", nullable = false, length = 64)
    private String blobHash;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 10)
    private ImportState state;

    @Column(name = "entries_total", nullable = false)
    private int entriesTotal;

    @Column(name = "entries_done", nullable = false)
    private int entriesDone;

    @Column(name = "imported", nullable = false)
    private int imported;

    @Column(name = "skipped", nullable = false)
    private int skipped;

    @Column(name = "error", length = 40)
    private String error;

    @Column(name = "claimed_by", length = 120)
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected DocumentImport() {
    }

    public DocumentImport(WorkingGroup group, Folder folder, String fileName, StoredFile archive, Long by, Instant at) {
        this.group = group;
        this.folder = folder;
        this.fileName = FileNames.require(fileName);
        this.blobHash = archive.hash();
        this.size = archive.size();
        this.state = ImportState.PENDING;
        this.createdBy = by;
        this.createdAt = at;
    }

    public void started(int total) {
        this.entriesTotal = total;
    }

    public void advanced(int done, int importedNow, int skippedNow) {
        this.entriesDone = done;
        this.imported += importedNow;
        this.skipped += skippedNow;
    }

    public void finish(Instant at) {
        this.state = ImportState.DONE;
        this.finishedAt = at;
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    public void fail(String reason, Instant at) {
        this.state = ImportState.FAILED;
        this.error = reason;
        this.finishedAt = at;
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    public Long getId() {
        return id;
    }

    public WorkingGroup getGroup() {
        return group;
    }

    public Folder getFolder() {
        return folder;
    }

    public String getFileName() {
        return fileName;
    }

    public String getBlobHash() {
        return blobHash;
    }

    public long getSize() {
        return size;
    }

    public ImportState getState() {
        return state;
    }

    public int getEntriesTotal() {
        return entriesTotal;
    }

    public int getEntriesDone() {
        return entriesDone;
    }

    public int getImported() {
        return imported;
    }

    public int getSkipped() {
        return skipped;
    }

    public String getError() {
        return error;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
