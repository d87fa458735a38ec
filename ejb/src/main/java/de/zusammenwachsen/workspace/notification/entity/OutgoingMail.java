package de.zusammenwachsen.workspace.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * A mail in the outbox. Written in the same transaction as the change that causes it and sent afterwards, so
 * that a rollback sends nothing and a crash before sending loses nothing.
 */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

    /** After this many failed attempts the mail stays in the outbox for an administrator to look at. */
    public static final int MAX_ATTEMPTS = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(nullable = false, length = 20000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    /** The account and group a notification mail is about; the dispatcher checks at send time that it may still read it. */
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "group_id")
    private Long groupId;

    @Column(name = "html_body", length = Integer.MAX_VALUE)
    private String htmlBody;

    @Column(name = "unsubscribe_url", length = 500)
    private String unsubscribeUrl;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    /** One text attachment (a meeting's invitation as iCalendar); its type carries parameters such as the method. */
    @Column(name = "attachment_name", length = 200)
    private String attachmentName;

    @Column(name = "attachment_type", length = 100)
    private String attachmentType;

    @Column(name = "attachment", length = Integer.MAX_VALUE)
    private String attachment;

    protected OutgoingMail() {
    }

    public OutgoingMail(String recipient, String subject, String body) {
        this.recipient = recipient;
        this.subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
        this.body = body.length() > 20000 ? body.substring(0, 20000) : body;
        this.createdAt = Instant.now();
        this.nextAttemptAt = createdAt;
    }

    /** A notification mail: with an HTML alternative, about a group's content, with an unfollow link (may be null). */
    public OutgoingMail(String recipient, String subject, String body, String htmlBody, Long accountId, Long groupId,
                        String unsubscribeUrl) {
        this(recipient, subject, body);
        this.htmlBody = htmlBody;
        this.accountId = accountId;
        this.groupId = groupId;
        this.unsubscribeUrl = unsubscribeUrl != null && unsubscribeUrl.length() <= 500 ? unsubscribeUrl : null;
    }

    /** Attaches a text file, e.g. {@code text/calendar; method=REQUEST; charset=UTF-8}. */
    public OutgoingMail attach(String name, String type, String content) {
        this.attachmentName = name;
        this.attachmentType = type;
        this.attachment = content;
        return this;
    }

    /** Not sent after all: the recipient may no longer read what it is about. */
    public void cancel(Instant now) {
        this.cancelledAt = now;
    }

    public void sent(Instant now) {
        this.sentAt = now;
        this.attempts++;
    }

    /** Backs off exponentially (30 s, 1 min, 2 min, …) so that a relay outage is not hammered. */
    public void failed(Instant now, String error) {
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        this.nextAttemptAt = now.plus(Duration.ofSeconds(30L << Math.min(attempts - 1, 10)));
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public String getUnsubscribeUrl() {
        return unsubscribeUrl;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public String getAttachmentType() {
        return attachmentType;
    }

    public String getAttachment() {
        return attachment;
    }

    public int getAttempts() {
        return attempts;
    }
}
