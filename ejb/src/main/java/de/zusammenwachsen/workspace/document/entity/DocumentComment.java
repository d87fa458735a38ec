package de.zusammenwachsen.workspace.document.entity;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A member's comment on a document: plain text, shown escaped. */
@Entity
@Table(name = "document_comment")
public class DocumentComment {

    public static final int MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    private Document document;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "body", nullable = false, length = MAX_LENGTH)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DocumentComment() {
    }

    public DocumentComment(Document document, Long authorId, String body, Instant at) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("document.commentText.required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException("document.commentText.tooLong", MAX_LENGTH);
        }
        this.document = document;
        this.authorId = authorId;
        this.body = text;
        this.createdAt = at;
    }

    public boolean isAuthor(Long accountId) {
        return accountId != null && accountId.equals(authorId);
    }

    public Long getId() {
        return id;
    }

    public Document getDocument() {
        return document;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
