package de.zusammenwachsen.workspace.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Something a member should know about (a mention, a reply, a new thread, a decision on their join request). It
 * names what it is about by id only: the text shown is read when shown, so that a later edit, a hidden post or a
 * lost membership is respected.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient_id", nullable = false)
    private Long recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private NotificationKind kind;

    @Column(name = "group_id")
    private Long groupId;

    @Column(name = "thread_id")
    private Long threadId;

    @Column(name = "post_id")
    private Long postId;

    @Column(name = "actor_id")
    private Long actorId;

    /** Set for notifications about minutes, which are addressed by their meeting. */
    @Column(name = "meeting_id")
    private Long meetingId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "mail_state", nullable = false, length = 10)
    private MailState mailState;

    protected Notification() {
    }

    public Notification(Long recipientId, NotificationKind kind, Long groupId, Long threadId, Long postId, Long actorId,
                        Instant at, MailState mailState) {
        this.recipientId = recipientId;
        this.kind = kind;
        this.groupId = groupId;
        this.threadId = threadId;
        this.postId = postId;
        this.actorId = actorId;
        this.createdAt = at;
        this.mailState = mailState;
    }

    /** A notification about the minutes of a meeting. */
    public static Notification aboutMinutes(Long recipientId, NotificationKind kind, Long groupId, Long meetingId,
                                            Long actorId, Instant at, MailState mailState) {
        Notification n = new Notification(recipientId, kind, groupId, null, null, actorId, at, mailState);
        n.meetingId = meetingId;
        return n;
    }

    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getRecipientId() {
        return recipientId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getThreadId() {
        return threadId;
    }

    public Long getPostId() {
        return postId;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public Long getActorId() {
        return actorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public MailState getMailState() {
        return mailState;
    }
}
