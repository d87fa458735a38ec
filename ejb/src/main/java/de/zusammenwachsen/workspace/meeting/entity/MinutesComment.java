package de.zusammenwachsen.workspace.meeting.entity;

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

/** A member's remark on circulated minutes, on one agenda item or (item null) on the minutes as a whole. */
@Entity
@Table(name = "minutes_comment")
public class MinutesComment {

    public static final int MAX_BODY = 5000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "minutes_id")
    private Minutes minutes;

    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    @Column(name = "author_id")
    private Long authorId;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MinutesComment() {
    }

    MinutesComment(Minutes minutes, Long agendaItemId, Long authorId, String body, Instant at) {
        String clean = Minutes.cleanText(body);
        if (clean.isEmpty()) {
            throw new InvalidInputException("minutes.comment.required");
        }
        if (clean.length() > MAX_BODY) {
            throw new InvalidInputException("minutes.comment.tooLong", MAX_BODY);
        }
        this.minutes = minutes;
        this.agendaItemId = agendaItemId;
        this.authorId = authorId;
        this.body = clean;
        this.createdAt = at;
    }

    public Long getId() {
        return id;
    }

    public Minutes getMinutes() {
        return minutes;
    }

    public Long getAgendaItemId() {
        return agendaItemId;
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
