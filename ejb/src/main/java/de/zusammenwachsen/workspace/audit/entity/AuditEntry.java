package de.zusammenwachsen.workspace.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One line of the audit log. Actor and subject are kept as copied names as well as ids, so that the log still
 * reads after an account or group is renamed; entries are never changed.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "actor_name", length = 100)
    private String actorName;

    /** A key such as {@code membership.approved}; the page shows its translation. */
    @Column(nullable = false, length = 60)
    private String action;

    @Column(name = "group_id")
    private Long groupId;

    @Column(length = 300)
    private String subject;

    @Column(length = 1000)
    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(Long actorId, String actorName, String action, Long groupId, String subject, String detail) {
        this.occurredAt = Instant.now();
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        this.groupId = groupId;
        this.subject = truncate(subject, 300);
        this.detail = truncate(detail, 1000);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public String getAction() {
        return action;
    }

    public Long getGroupId() {
        return groupId;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetail() {
        return detail;
    }
}
