package de.zusammenwachsen.workspace.discussion.entity;

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

/** A post's text as it was before an edit; moderators read the history, everyone else sees "edited". */
@Entity
@Table(name = "post_revision")
public class PostRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    private Post post;

    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String body;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    @Column(name = "replaced_at", nullable = false)
    private Instant replacedAt;

    @Column(name = "replaced_by")
    private Long replacedBy;

    protected PostRevision() {
    }

    PostRevision(Post post, String body, Instant writtenAt, Long replacedBy, Instant replacedAt) {
        this.post = post;
        this.body = body;
        this.writtenAt = writtenAt;
        this.replacedBy = replacedBy;
        this.replacedAt = replacedAt;
    }

    public Long getId() {
        return id;
    }

    public String getBody() {
        return body;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public Instant getReplacedAt() {
        return replacedAt;
    }

    public Long getReplacedBy() {
        return replacedBy;
    }
}
