package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.discussion.entity.RenderedText;
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

/** A correction of approved minutes (Markdown), shown with them and in every export; approved text never changes. */
@Entity
@Table(name = "minutes_amendment")
public class MinutesAmendment {

    public static final int MAX_BODY = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "minutes_id")
    private Minutes minutes;

    @Column(name = "author_id")
    private Long authorId;

    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String body;

    @Column(name = "body_html", nullable = false, length = Integer.MAX_VALUE)
    private String bodyHtml;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MinutesAmendment() {
    }

    MinutesAmendment(Minutes minutes, Long authorId, RenderedText text, Instant at) {
        String markdown = text.markdown() == null ? "" : text.markdown();
        if (markdown.isBlank()) {
            throw new InvalidInputException("minutes.amendment.required");
        }
        if (markdown.length() > MAX_BODY) {
            throw new InvalidInputException("minutes.amendment.tooLong", MAX_BODY);
        }
        if (markdown.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("discussion.body.invalidCharacter");
        }
        this.minutes = minutes;
        this.authorId = authorId;
        this.body = markdown;
        this.bodyHtml = text.html();
        this.createdAt = at;
    }

    public Long getId() {
        return id;
    }

    public Minutes getMinutes() {
        return minutes;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getBody() {
        return body;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
