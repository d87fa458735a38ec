package de.zusammenwachsen.workspace.document.entity;

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
 * One version of a document: which blob holds it, and the state of its text extraction. Versions are never
 * changed after upload, except by the extraction job that fills in its result.
 */
@Entity
@Table(name = "document_version")
public class DocumentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    private Document document;

    @Column(name = "number", nullable = false)
    private int number;

    @Column(name = "blob_hash", nullable = false, length = 64)
    private String blobHash;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "media_type", nullable = false, length = 150)
    private String mediaType;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "comment", length = 1000)
    private String comment;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "extraction_state", nullable = false, length = 10)
    private ExtractionState extractionState;

    @Column(name = "extraction_tries", nullable = false)
    private int extractionTries;

    @Column(name = "claimed_by", length = 120)
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "extracted_chars")
    private Integer extractedChars;

    @Column(name = "extracted_language", length = 10)
    private String extractedLanguage;

    @Column(name = "extraction_truncated", nullable = false)
    private boolean extractionTruncated;

    @Column(name = "extraction_error", length = 40)
    private String extractionError;

    @Column(name = "extraction_millis")
    private Long extractionMillis;

    @Column(name = "extracted_at")
    private Instant extractedAt;

    protected DocumentVersion() {
    }

    DocumentVersion(Document document, int number, StoredFile file, String fileName, String comment, Long by, Instant at) {
        this.document = document;
        this.number = number;
        this.blobHash = file.hash();
        this.size = file.size();
        this.mediaType = file.mediaType();
        this.fileName = fileName;
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
        if (this.comment != null && this.comment.length() > 1000) {
            throw new de.zusammenwachsen.workspace.core.InvalidInputException("document.comment.tooLong", 1000);
        }
        this.createdBy = by;
        this.createdAt = at;
        this.extractionState = ExtractionState.PENDING;
    }

    public StoredFile storedFile() {
        return new StoredFile(blobHash, size, mediaType);
    }

    /** Takes over the finished extraction of a version with the same content (restore), instead of queueing it again. */
    public void copyExtraction(DocumentVersion from) {
        if (from.extractionState == ExtractionState.DONE || from.extractionState == ExtractionState.FAILED) {
            this.extractionState = from.extractionState;
            this.extractedChars = from.extractedChars;
            this.extractedLanguage = from.extractedLanguage;
            this.extractionTruncated = from.extractionTruncated;
            this.extractionError = from.extractionError;
            this.extractionMillis = from.extractionMillis;
            this.extractedAt = from.extractedAt;
        }
    }

    /** Records a finished extraction; the text itself goes to {@link VersionText}. */
    public void extracted(int chars, String language, boolean truncated, long millis, Instant at) {
        this.extractionState = ExtractionState.DONE;
        this.extractedChars = chars;
        this.extractedLanguage = language;
        this.extractionTruncated = truncated;
        this.extractionError = null;
        this.extractionMillis = millis;
        this.extractedAt = at;
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    /** Records a failed extraction with a reason that completes the message key {@code extraction.failed.<reason>}. */
    public void extractionFailed(String reason, long millis, Instant at) {
        this.extractionState = ExtractionState.FAILED;
        this.extractionError = reason;
        this.extractionMillis = millis;
        this.extractedAt = at;
        this.claimedBy = null;
        this.claimedUntil = null;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Long getId() {
        return id;
    }

    public Document getDocument() {
        return document;
    }

    public int getNumber() {
        return number;
    }

    public String getBlobHash() {
        return blobHash;
    }

    public long getSize() {
        return size;
    }

    public String getMediaType() {
        return mediaType;
    }

    public String getFileName() {
        return fileName;
    }

    public String getComment() {
        return comment;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public ExtractionState getExtractionState() {
        return extractionState;
    }

    public int getExtractionTries() {
        return extractionTries;
    }

    public Integer getExtractedChars() {
        return extractedChars;
    }

    public String getExtractedLanguage() {
        return extractedLanguage;
    }

    public boolean isExtractionTruncated() {
        return extractionTruncated;
    }

    public String getExtractionError() {
        return extractionError;
    }

    public Long getExtractionMillis() {
        return extractionMillis;
    }

    public Instant getExtractedAt() {
        return extractedAt;
    }
}
